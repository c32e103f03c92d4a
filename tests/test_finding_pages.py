"""Search engines and readers' tools find every page in every language: sitemap, hreflang, canonical."""

import re

from wagtail.models import Page

import pytest
from defusedxml import ElementTree

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuidePage

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_live_page_in_every_language_with_its_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find("sm:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        for url in root.findall("sm:url", NS)
    }
    live = Page.objects.live().public().filter(depth__gt=1)
    assert len(entries) == live.count()
    for page in live.specific():
        location = "http://testserver" + page.url
        assert location in entries, page.url
        expected = {translation.locale.language_code for translation in page.get_translations(inclusive=True).live()}
        assert set(entries[location]) - {"x-default"} == expected
    draft = Page.objects.filter(live=False).first()
    assert "http://testserver" + draft.url not in entries


def test_every_page_names_its_translations_and_its_canonical_address(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    html = client.get(guide.url).text
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(alternates) == {"en", "ar", "uk", "fa", "x-default"}
    assert alternates["x-default"] == alternates["en"] == "http://testserver" + guide.url
    assert f'<link rel="canonical" href="http://testserver{guide.url}">' in html


def test_a_page_shown_in_english_points_to_its_english_address(client):
    other = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    html = client.get("/ar" + other.url.removeprefix("/en")).text
    assert f'<link rel="canonical" href="http://testserver{other.url}">' in html
    assert 'hreflang="ar"' not in html.split("</head>")[0]


def test_the_offline_list_names_every_page_of_the_guide_in_the_readers_language(client):
    guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    response = client.get("/ar" + guide.url.removeprefix("/en") + "offline/")
    assert response.status_code == 200
    manifest = response.json()
    pages = [url for url in manifest["urls"] if not url.startswith("/static/")]
    assert len(pages) == 1 + guide.get_children().live().count()
    assert all(url.startswith("/ar/") for url in pages)
    assert manifest["bytes"] > 10_000 and manifest["size"]
    for url in manifest["urls"]:
        assert client.get(url).status_code == 200, url


def test_the_service_worker_is_served_from_the_root_and_never_cached_stale(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert b"caches.open" in response.content


def test_the_offline_list_drops_a_chapter_that_was_unpublished(client):
    from guidance_pages.models import GuideChapterPage

    guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    url = guide.url + "offline/"
    before = client.get(url).json()["urls"]
    # The earliest published chapter: unpublishing it leaves the latest publishing date as it was.
    chapter = GuideChapterPage.objects.live().child_of(guide).order_by("last_published_at").first()
    chapter.unpublish()
    after = client.get(url).json()["urls"]
    assert chapter.url in before and chapter.url not in after
