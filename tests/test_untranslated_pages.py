"""A page that exists only in English is still reachable in the reader's language, marked honestly."""

import re

from django.utils import translation

import pytest

from feedback.models import PageFeedback
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db

ENGLISH_ONLY = "running-an-experts-by-experience-user-group"


def arabic(text):
    with translation.override("ar"):
        return translation.gettext(text)


@pytest.fixture
def english_guide():
    return GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)


def test_an_english_only_guide_opens_under_arabic_with_a_notice(client, english_guide):
    response = client.get(f"/ar/guides/{ENGLISH_ONLY}/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ar" dir="rtl">' in html
    assert arabic("This page has not been translated into your language yet, so it is shown in English.") in html
    assert f'<h1 lang="en" dir="ltr">{english_guide.title}</h1>' in html
    # The interface around it stays in Arabic.
    assert arabic("Chapters") in html
    assert arabic("Skip to main content") in html


def test_links_from_an_untranslated_guide_stay_in_the_readers_language(client, english_guide):
    html = client.get(f"/ar/guides/{ENGLISH_ONLY}/").text
    chapter_links = re.findall(r'href="(/[a-z]+/guides/' + ENGLISH_ONLY + r'/[^"]+)"', html)
    chapter_links = [link for link in chapter_links if not link.endswith("/pdf/")]
    assert chapter_links and all(link.startswith("/ar/") for link in chapter_links)
    for link in chapter_links:
        chapter = client.get(link)
        assert chapter.status_code == 200, link
        assert 'class="body" lang="en" dir="ltr"' in chapter.text


def test_the_arabic_guide_list_offers_english_only_guides_too(client, english_guide):
    html = client.get("/ar/guides/").text
    assert f'href="/ar/guides/{ENGLISH_ONLY}/"' in html
    assert arabic("Not translated yet: you can read it in English.") in html


def test_a_partly_translated_guide_links_translated_chapters_in_persian_and_the_rest_in_english(client):
    guide = GuidePage.objects.get(locale__language_code="fa")
    html = client.get(guide.url).text
    persian_titles = set(GuideChapterPage.objects.live().filter(locale__language_code="fa").values_list("title", flat=True))
    assert len(persian_titles) == 2
    for title in persian_titles:
        assert title in html
    english_only = GuideChapterPage.objects.filter(locale__language_code="en").exclude(
        translation_key__in=GuideChapterPage.objects.live().filter(locale__language_code="fa").values("translation_key")
    )
    last = english_only.filter(
        path__startswith=GuidePage.objects.get(locale__language_code="en", translation_key=guide.translation_key).path
    ).last()
    response = client.get("/fa" + last.url.removeprefix("/en"))
    assert response.status_code == 200
    assert 'lang="en" dir="ltr"' in response.text


def test_a_page_that_does_not_exist_in_english_either_is_a_404(client):
    assert client.get("/ar/guides/no-such-guide/").status_code == 404


def test_readers_can_give_feedback_on_a_page_shown_in_english(client, english_guide):
    chapter = GuideChapterPage.objects.child_of(english_guide).first()
    response = client.post("/ar/feedback/", {"page": chapter.pk, "useful": "yes"})
    assert response.status_code == 303
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.language_code) == (chapter.pk, "ar")


def test_feedback_on_an_english_page_that_has_a_translation_must_use_the_translation(client):
    translated_english = GuideChapterPage.objects.filter(locale__language_code="en", slug="why-lived-experience-matters").get()
    response = client.post("/ar/feedback/", {"page": translated_english.pk, "useful": "yes"})
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0
