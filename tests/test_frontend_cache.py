"""A CDN or caching proxy in front of the site is told which pages changed.

A small HTTP server on 127.0.0.1 stands in for Varnish: it records the PURGE requests that
Wagtail's HTTP backend sends it, exactly as Varnish would receive them.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from wagtail.models import Locale

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


def test_changing_the_footer_purges_every_page(proxy):
    from wagtail.models import Page

    FooterText.objects.get(locale__language_code="en").save()
    live = {page.url for page in Page.objects.live().filter(depth__gt=1)}
    assert len(live) > 20
    assert live <= set(proxy)


def test_with_a_cdn_configured_pages_say_how_long_it_may_keep_them(client, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 300
    response = client.get("/en/")
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert client.get("/en/")["Cache-Control"] == "public, max-age=0, s-maxage=300"  # from the page cache too


def test_signed_in_pages_are_never_offered_to_a_cdn(client, settings, users):
    settings.PAGE_CACHE_CDN_SECONDS = 300
    client.force_login(users["reviewer"])
    assert "s-maxage" not in client.get("/en/").get("Cache-Control", "")
