"""Translated pages tell readers honestly when the English has moved on, or a machine translated them."""

from datetime import timedelta

from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db


def arabic(text):
    with translation.override("ar"):
        return translation.gettext(text)


@pytest.fixture
def chapters():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    english = GuideChapterPage.objects.child_of(guide).first()
    return english, english.get_translation(Locale.objects.get(language_code="ar"))


def test_an_up_to_date_translation_shows_no_warning(client, chapters):
    _english, arabic_chapter = chapters
    html = client.get(arabic_chapter.url).text
    assert 'class="notice"' not in html


def test_when_the_english_changes_the_translation_says_so_with_the_date(client, chapters):
    english, arabic_chapter = chapters
    english.summary = "A clearer summary, written after the translation."
    english.save_revision().publish()
    english.refresh_from_db()
    html = client.get(arabic_chapter.url).text
    assert 'class="notice"' in html
    with translation.override("ar"):
        date = date_filter(english.last_published_at, "j F Y")
        expected = translation.gettext(
            "The English version of this page was changed on %(date)s, after this translation was made. Some of it may be out of date."
        ) % {"date": date}
    assert expected in html
    assert f'<a href="{english.url}" hreflang="en" lang="en">' in html
    assert arabic("Read the English version") in html


def test_an_older_english_change_does_not_count(client, chapters):
    english, arabic_chapter = chapters
    english.last_published_at = timezone.now() - timedelta(days=400)
    english.save(update_fields=["last_published_at"])
    assert 'class="notice"' not in client.get(arabic_chapter.url).text


def test_machine_translated_text_is_marked_until_a_person_checks_it(client, chapters):
    _english, arabic_chapter = chapters
    strings = StringTranslation.objects.filter(context__object_id=arabic_chapter.translation_key, locale=arabic_chapter.locale)
    machine = strings.first()
    machine.translation_type = "machine"
    machine.save()  # as wagtail-localize's editor saves each string
    notice = arabic("Some of this page was translated by a computer and has not been checked by a person yet.")
    assert notice in client.get(arabic_chapter.url).text
    machine.translation_type = "manual"
    machine.save()
    assert notice not in client.get(arabic_chapter.url).text
