"""A CDN or caching proxy in front of the site is told which pages changed.

A small HTTP server on 127.0.0.1 stands in for Varnish: it records the PURGE requests that
Wagtail's HTTP backend sends it, exactly as Varnish would receive them.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import StringTranslation

import pytest

from guidance_pages.models import FooterText, GuideChapterPage, GuidePage
from page_cache import frontend

pytestmark = pytest.mark.django_db


@pytest.fixture
def proxy(settings):
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": f"http://127.0.0.1:{server.server_port}"}
    }
    frontend.connect()
    yield purged
    server.shutdown()
    frontend.disconnect()


def test_publishing_a_translation_purges_the_other_languages_pages_that_link_to_it(proxy):
    guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    arabic = guide.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision().publish()
    assert arabic.url in proxy  # the page itself
    assert guide.url in proxy  # its English version, whose language switcher now offers Arabic
    assert "/en/guides/" in proxy and "/ar/guides/" in proxy  # the lists of guides
    assert "/en/" in proxy and "/ar/" in proxy  # home pages feature guides
    # Pages that show nothing of it are left alone: the other guide's chapters.
    other_guide = "/en/guides/recruiting-trustees-with-lived-experience/"
    assert not any(url.startswith(other_guide) and url != other_guide for url in proxy)


def test_publishing_a_chapter_purges_its_guide_and_the_chapters_beside_it(proxy):
    chapter = GuideChapterPage.objects.get(locale__language_code="en", slug="why-lived-experience-matters")
    chapter.save_revision().publish()
    siblings = [page.url for page in chapter.get_siblings().live()]
    assert set(siblings) <= set(proxy)
    assert chapter.get_parent().url in proxy


def live_addresses():
    live = {page.url for page in Page.objects.live().filter(depth__gt=1)}
    assert len(live) > 20
    return live


def test_changing_the_footer_purges_every_page_once_it_is_saved(proxy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        FooterText.objects.get(locale__language_code="en").save()
        assert proxy == []  # not before the change is committed, or the CDN could fetch the old page again
    assert live_addresses() <= set(proxy)


def restrict(chapter):
    PageViewRestriction.objects.create(page=chapter, restriction_type=PageViewRestriction.LOGIN)


def rename_image(chapter):
    image = Image.objects.first()
    image.title = "A new title"
    image.save()


def delete_renditions(chapter):
    for image in Image.objects.all()[:3]:
        image.get_rendition("max-165x165")
    assert Rendition.objects.count() >= 3
    Rendition.objects.all().delete()


def confirm_machine_text(chapter):
    StringTranslation.objects.first().save()


def change_a_document(chapter):
    document = Document.objects.first()
    document.title = "A clearer title"
    document.save()


@pytest.mark.parametrize("change", [restrict, rename_image, delete_renditions, confirm_machine_text, change_a_document])
def test_other_changes_readers_see_purge_every_page_once(proxy, django_capture_on_commit_callbacks, change):
    chapter = GuideChapterPage.objects.live().filter(locale__language_code="en").first()
    with django_capture_on_commit_callbacks(execute=True):
        change(chapter)
    live = live_addresses()
    assert live <= set(proxy)
    assert len(proxy) == len(set(proxy))  # once, however many rows changed


def test_moving_a_chapter_purges_its_old_address_and_the_guide_it_left(proxy):
    chapter = GuideChapterPage.objects.get(locale__language_code="en", slug="why-lived-experience-matters")
    old_guide = chapter.get_parent()
    old_neighbours = [page.url for page in chapter.get_siblings(inclusive=False).live()]
    old_address = chapter.url
    new_guide = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    chapter.move(new_guide, pos="last-child")
    assert old_address in proxy  # a CDN would otherwise keep showing it there
    assert old_guide.url in proxy  # its list of chapters has one less
    assert set(old_neighbours) <= set(proxy)
    chapter.refresh_from_db()
    assert chapter.url in proxy and new_guide.url in proxy


def test_with_a_cdn_configured_pages_say_how_long_it_may_keep_them(client, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 300
    response = client.get("/en/")
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert client.get("/en/")["Cache-Control"] == "public, max-age=0, s-maxage=300"  # from the page cache too


def test_signed_in_pages_are_never_offered_to_a_cdn(client, settings, users):
    settings.PAGE_CACHE_CDN_SECONDS = 300
    client.force_login(users["reviewer"])
    assert "s-maxage" not in client.get("/en/").get("Cache-Control", "")
