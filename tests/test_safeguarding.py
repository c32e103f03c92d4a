"""Readers who may be watched can leave quickly; distressing chapters warn first."""

from django.utils import translation

import pytest

from guidance_pages.models import GuideChapterPage

pytestmark = pytest.mark.django_db


def test_every_page_has_a_way_to_leave_quickly_that_works_without_javascript(client, settings):
    for url in ["/en/", "/ar/", "/ti/guides/", "/en/no-such-page/"]:
        html = client.get(url).text
        assert f'<a class="quick-exit" href="{settings.QUICK_EXIT_URL}" data-quick-exit rel="noreferrer">' in html, url
        # It comes straight after the skip link, so it is the second thing a keyboard reaches.
        assert html.index('class="skip-link"') < html.index('class="quick-exit"') < html.index("<main")


def test_the_quick_exit_is_in_the_readers_language(client):
    with translation.override("ar"):
        label = translation.gettext("Leave this site")
    assert label in client.get("/ar/").text


def test_a_chapter_with_a_content_note_shows_it_first(client):
    chapter = GuideChapterPage.objects.exclude(content_note="").get(locale__language_code="en")
    html = client.get(chapter.url).text
    assert chapter.content_note in html
    assert html.index('class="content-note"') < html.index('class="body"')


def test_chapters_without_a_content_note_show_none(client):
    chapter = GuideChapterPage.objects.filter(content_note="", locale__language_code="en").first()
    assert 'class="content-note"' not in client.get(chapter.url).text
