"""Readers' browsers against a real server: language detection, and saving a guide offline.

Service workers need a real origin (http://127.0.0.1), and the first redirect of a visit must
come from a real server, so these tests run against gunicorn with its own SQLite database
rather than through the test client.
"""

import pytest

from tests.live import Server, demo_site_on_sqlite

pytestmark = pytest.mark.browser

GUIDE = "/ar/guides/recruiting-trustees-with-lived-experience/"
CHAPTER = GUIDE + "the-first-months/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live-site")
    server = Server(demo_site_on_sqlite(folder), folder / "gunicorn.log")
    yield server
    server.stop()


def test_a_saved_guide_can_be_read_without_a_connection(chromium, site):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=site.url)
    page = context.new_page()
    page.goto(GUIDE)
    box = page.locator(".offline-save")
    box.wait_for(state="visible", timeout=15000)
    size = page.locator("[data-offline-size]").inner_text()
    assert any(character.isdigit() for character in size)  # the reader sees how much data it uses
    page.locator(".offline-save button").click()
    status = page.locator("[data-offline-status]")
    saved = box.get_attribute("data-saved")
    page.wait_for_function("text => document.querySelector('[data-offline-status]').textContent === text", arg=saved)
    assert status.inner_text() == saved
    assert page.evaluate("caches.open('saved-guides-v1').then(cache => cache.keys()).then(keys => keys.length)") >= 6

    context.set_offline(True)
    page.goto(CHAPTER)
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator("h1").inner_text()
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        page.goto("/en/about/")  # never saved
    context.close()


def test_without_javascript_nothing_offers_to_save(chromium, site):
    context = chromium.new_context(java_script_enabled=False, base_url=site.url)
    page = context.new_page()
    page.goto(GUIDE)
    assert page.locator(".offline-save").is_hidden()
    context.close()


@pytest.mark.parametrize(("browser_language", "expected"), [("fa-IR", "/fa/"), ("ar-SY", "/ar/"), ("ti-ER", "/ti/"), ("de-DE", "/en/")])
def test_a_first_visit_lands_in_the_browsers_language(chromium, site, browser_language, expected):
    context = chromium.new_context(locale=browser_language, base_url=site.url)
    page = context.new_page()
    page.goto("/")
    assert page.url == site.url + expected
    assert page.evaluate("document.documentElement.lang") == expected.strip("/")
    context.close()


def test_switching_language_and_searching_work_without_javascript(chromium, site):
    context = chromium.new_context(java_script_enabled=False, locale="en-GB", base_url=site.url)
    page = context.new_page()
    page.goto("/")
    page.locator('.language-switcher a[hreflang="ar"]').click()
    page.wait_for_url("**/ar/")
    page.locator("#site-search-query").fill("الأمناء")
    page.locator(".site-search button").click()
    page.wait_for_url("**/ar/search/**")
    assert page.locator(".search-results a").count() > 0
    # The choice is remembered: the bare address now opens in Arabic despite an English browser.
    page.goto("/")
    assert page.url == site.url + "/ar/"
    context.close()
