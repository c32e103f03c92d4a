"""Parts of pages kept until the content changes ({% kept_for_readers %}, page_cache.content).

Signed-in editors and addresses with a query string are not served from the page cache, but the
header, language switcher, hreflang links and each page's content are kept for them. Every test
makes real requests: it reads a page (so its parts are kept), changes something the way an
editor or translator would, and reads the page again, outside the page cache.
"""

from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import Locale

import pytest

from guidance_pages.models import GuideChapterPage, GuidePage
from page_cache.content import _in_memory

pytestmark = pytest.mark.django_db

ENGLISH_ONLY = "running-an-experts-by-experience-user-group"


def fresh(client, url):
    """The page worked out afresh (a query string makes the page cache step aside), read twice."""
    first = client.get(url + "?fresh")
    assert first.status_code == 200, url
    response = client.get(url + "?fresh")
    assert "X-Page-Cache" not in response
    return response


@pytest.fixture
def chapter():
    return GuideChapterPage.objects.live().get(locale__language_code="en", slug="why-lived-experience-matters")


@pytest.fixture
def english_guide():
    return GuidePage.objects.get(locale__language_code="en", slug=ENGLISH_ONLY)


def test_a_signed_in_editor_sees_a_published_change_at_once(editor, chapter):
    guide = chapter.get_parent()
    fresh(editor, chapter.url)
    fresh(editor, guide.url)
    chapter.title = "A title the editor has just published"
    chapter.save_revision().publish()
    assert "<h1>A title the editor has just published</h1>" in editor.get(chapter.url).text
    assert "A title the editor has just published" in editor.get(guide.url).text


def test_the_switcher_shows_a_new_translation_at_once_outside_the_page_cache(client, english_guide):
    assert 'hreflang="ar"' not in fresh(client, english_guide.url).text
    arabic_guide = english_guide.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_guide.save_revision().publish()
    html = client.get(english_guide.url + "?fresh").text
    assert f'<link rel="alternate" hreflang="ar" href="http://testserver{arabic_guide.url}">' in html
    assert 'lang="ar" hreflang="ar"' in html  # the language switcher


def test_a_changed_menu_shows_at_once_outside_the_page_cache(client, chapter):
    from guidance_pages.models import NavigationMenu

    fresh(client, chapter.url)
    menu = NavigationMenu.objects.get(locale__language_code="en")
    menu.links = [("link", {"page": None, "url": "https://example.org/help", "text": "Help right now"})]
    menu.save()
    assert "Help right now" in client.get(chapter.url + "?fresh").text


def test_a_preview_shows_the_draft_even_when_the_live_page_is_kept(client, chapter):
    fresh(client, chapter.url)
    chapter.summary = "A draft summary only the editor may see"
    chapter.title = "A draft title only the editor may see"
    preview = chapter.make_preview_request()
    assert "A draft summary only the editor may see" in preview.content.decode()
    assert "A draft title only the editor may see" in preview.content.decode()
    # Nor did the preview's parts reach readers.
    live = client.get(chapter.url + "?fresh").text
    assert "A draft summary only the editor may see" not in live
    assert "A draft title only the editor may see" not in live


def test_each_language_and_host_gets_its_own_parts(client, chapter):
    arabic = GuideChapterPage.objects.get(translation_key=chapter.translation_key, locale__language_code="ar")
    english_html = fresh(client, chapter.url).text
    arabic_html = fresh(client, arabic.url).text
    assert '<span lang="en" dir="ltr" aria-current="true">English</span>' in english_html
    assert '<span lang="ar" dir="rtl" aria-current="true">' in arabic_html
    assert arabic.title in arabic_html and arabic.title not in english_html
    other_host = client.get(chapter.url + "?fresh", HTTP_HOST="guidance.example.org").text
    assert f'<link rel="canonical" href="http://guidance.example.org{chapter.url}">' in other_host
    assert f'<link rel="canonical" href="http://testserver{chapter.url}">' in client.get(chapter.url + "?fresh").text


def test_an_untranslated_page_and_its_english_original_keep_their_own_parts(client, english_guide):
    shown_in_english = f'<h1 lang="en" dir="ltr">{english_guide.title}</h1>'
    notice = '<p class="notice" role="note">'
    arabic_url = "/ar" + english_guide.url.removeprefix("/en")
    arabic_html = fresh(client, arabic_url).text
    assert shown_in_english in arabic_html and notice in arabic_html
    english_html = fresh(client, english_guide.url).text
    assert f"<h1>{english_guide.title}</h1>" in english_html and notice not in english_html
    assert shown_in_english in client.get(arabic_url + "?fresh").text


def test_a_part_with_a_csrf_token_is_never_kept(db):
    template = Template('{% load reader_cache %}{% kept_for_readers "form" %}{% csrf_token %}{% endkept_for_readers %}')

    def rendered():
        request = RequestFactory().get("/en/")
        token = get_token(request)  # each reader gets their own
        return token, template.render(Context({"request": request, "csrf_token": token}))

    for token, html in [rendered(), rendered()]:
        assert f'value="{token}"' in html


def test_made_up_addresses_are_not_kept(client, chapter):
    fresh(client, chapter.url)
    # The "page not found" page's header and footer are kept once per language, for every address.
    for url in [f"{chapter.url}made-up/", "/ar/guides/made-up/"]:
        assert client.get(url).status_code == 404
    kept = len(_in_memory)
    for number in range(30):
        assert client.get(f"{chapter.url}made-up-{number}/").status_code == 404
        assert client.get(f"/ar/guides/made-up-{number}/").status_code == 404
    assert len(_in_memory) == kept
