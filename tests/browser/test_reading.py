"""Readers in a real browser: pages pass axe-core, read right to left, and need no JavaScript."""

from pathlib import Path

from django.conf import settings
from django.test import Client

from wagtail.models import Locale

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
    )
    return [f"{violation['id']}: {[node['target'] for node in violation['nodes']]}" for violation in results.response["violations"]]


def demo_urls():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first()
    urls = []
    for code in ["en", "ar", "ti"]:
        # Every page type, in English, Arabic and Tigrinya (untranslated pages shown in English).
        prefix = f"/{code}"
        urls += [f"{prefix}/", f"{prefix}/guides/", prefix + guide.url[3:], prefix + chapter.url[3:], f"{prefix}/about/"]
        urls += [f"{prefix}/no-such-page/", f"{prefix}/search/?q=trustees", f"{prefix}/feedback/thanks/"]
    return urls


def test_demo_pages_have_no_accessibility_violations(reader):
    failures = {}
    for url in demo_urls():
        reader.goto(url)
        violations = axe_violations(reader)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_arabic_chapter_is_laid_out_right_to_left(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first().get_translation(Locale.objects.get(language_code="ar"))
    reader.goto(chapter.url)
    assert reader.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert reader.evaluate("document.documentElement.lang") == "ar"
    # The "On this page" border is on the side reading starts from: the right, in Arabic.
    contents = reader.locator(".on-this-page").first
    assert contents.evaluate("element => getComputedStyle(element).borderRightWidth") == "4px"
    assert contents.evaluate("element => getComputedStyle(element).borderLeftWidth") == "0px"


@pytest.mark.parametrize("reader", [False], indirect=True)
def test_a_chapter_reads_fully_without_javascript(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    first, second = list(GuideChapterPage.objects.child_of(guide))[:2]
    reader.goto(first.url)
    assert reader.locator("h1").inner_text() == first.title
    assert reader.locator(".body").inner_text().strip()
    reader.get_by_role("link", name=second.title).last.click()
    reader.wait_for_url(f"**{second.url}")
    assert reader.locator("h1").inner_text() == second.title


def test_nothing_on_a_chapter_is_fetched_from_another_site(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first()
    requested = []
    reader.on("request", lambda request: requested.append(request.url))
    reader.goto(chapter.url)
    reader.wait_for_load_state("networkidle")
    assert requested and all(url.startswith("http://testserver/") for url in requested)


def test_a_reader_who_chooses_arabic_comes_back_to_arabic(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    arabic = guide.get_translation(Locale.objects.get(language_code="ar"))
    reader.goto(guide.url)
    reader.locator('.language-switcher a[hreflang="ar"]').click()
    reader.wait_for_url(f"**{arabic.url}")
    assert reader.locator("h1").inner_text() == arabic.title
    # The browser keeps the choice; the site's root address sends it back to Arabic.
    cookies = {cookie["name"]: cookie["value"] for cookie in reader.context.cookies()}
    assert cookies[settings.LANGUAGE_COOKIE_NAME] == "ar"
    response = Client().get("/", HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=ar", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/ar/"


def test_leave_this_site_replaces_the_page_so_back_does_not_return(reader, settings):
    reader.goto("/en/")
    reader.goto("/en/guides/")
    entries_before = reader.evaluate("history.length")
    leaving = []
    reader.on("request", lambda request: leaving.append(request.url) if request.url.startswith(settings.QUICK_EXIT_URL) else None)
    reader.get_by_role("link", name="Leave this site").click()
    reader.wait_for_timeout(300)
    assert leaving, "the browser did not head for the neutral site"
    # The guides page was replaced in the history (a plain link would add an entry): Back skips it.
    assert reader.evaluate("history.length") == entries_before


def test_pressing_escape_twice_leaves_too(reader, settings):
    reader.goto("/en/")
    leaving = []
    reader.on("request", lambda request: leaving.append(request.url) if request.url.startswith(settings.QUICK_EXIT_URL) else None)
    reader.keyboard.press("Escape")
    reader.keyboard.press("Escape")
    reader.wait_for_timeout(300)
    assert leaving


def test_the_switcher_on_a_page_in_three_languages_offers_exactly_those(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = list(GuideChapterPage.objects.child_of(guide))[-1]  # English, Arabic and Ukrainian only
    reader.goto(chapter.url)
    switcher = reader.locator(".language-switcher")
    assert sorted(switcher.locator("[lang]").evaluate_all("items => items.map(item => item.lang)")) == ["ar", "en", "uk"]
    assert switcher.locator("[aria-current]").get_attribute("lang") == "en"


def test_an_untranslated_page_in_arabic_reads_left_to_right_inside_a_right_to_left_page(reader):
    other = GuidePage.objects.get(locale__language_code="en", slug="running-an-experts-by-experience-user-group")
    reader.goto("/ar" + other.url.removeprefix("/en"))
    assert reader.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = reader.locator("h1")
    assert heading.inner_text() == other.title
    assert heading.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert reader.locator(".notice").is_visible()
    # Following a chapter link keeps the reader under /ar/.
    reader.locator(".chapter-list a").first.click()
    reader.wait_for_url("**/ar/guides/**")
    assert reader.evaluate("document.documentElement.lang") == "ar"


def test_controls_are_big_enough_to_tap_on_a_phone(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first().get_translation(Locale.objects.get(language_code="ar"))
    reader.goto(chapter.url)
    # Radio buttons are tapped through their whole label, checked below.
    selector = "button, input:not([type=hidden]):not([type=radio]):not([name=website]), textarea, .quick-exit, .site-nav a, .language-switcher a, .pager a, .breadcrumbs a"
    small = reader.locator(selector).evaluate_all(
        "elements => elements.filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
        ".map(e => e.outerHTML.slice(0, 80))"
    )
    radios = reader.locator("input[type=radio]").evaluate_all(
        "elements => elements.map(e => e.closest('label').getBoundingClientRect().height)"
    )
    assert small == []
    assert radios and all(height >= 24 for height in radios)


def test_arabic_search_in_the_browser(reader):
    reader.goto("/ar/")
    reader.locator("#site-search-query").fill("الأمناء")
    reader.locator(".site-search button").click()
    reader.wait_for_url("**/ar/search/**")
    results = reader.locator(".search-results a")
    assert results.count() > 0
    assert all(href.startswith("/ar/") for href in results.evaluate_all("links => links.map(link => link.getAttribute('href'))"))


def test_arrows_point_the_way_of_reading_in_arabic(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    second = list(GuideChapterPage.objects.child_of(guide))[1].get_translation(Locale.objects.get(language_code="ar"))
    reader.goto(second.url)
    arrow = "element => getComputedStyle(element, '::after').content"
    assert reader.locator(".pager-next .pager-label").evaluate(arrow) == '" ←"'
    reader.goto(second.url.replace("/ar/", "/en/", 1))
    assert reader.locator(".pager-next .pager-label").evaluate(arrow) == '" →"'


def test_a_printed_chapter_shows_the_text_without_the_controls(reader):
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    chapter = GuideChapterPage.objects.child_of(guide).first()
    reader.goto(chapter.url)
    reader.emulate_media(media="print")
    for hidden in [".quick-exit", ".site-header", ".feedback", ".pager", ".on-this-page"]:
        assert reader.locator(hidden).first.is_hidden(), hidden
    assert reader.locator("h1").is_visible() and reader.locator(".body").is_visible()


def test_keyboard_users_see_where_they_are(reader):
    reader.goto("/en/")
    reader.keyboard.press("Tab")
    skip = reader.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.evaluate("element => element.getBoundingClientRect().top") >= 0  # slides into view
    reader.keyboard.press("Tab")
    outline = reader.locator(".quick-exit").evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in {"none", ""}


def test_the_stylesheet_downloads_no_fonts():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/main.css")).read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(" not in css


def test_the_captions_of_a_recording_show_in_the_readers_language(reader):
    """Browsers show captions only in a <video>: sound with captions plays in one, captions on by default."""
    chapter = next(
        chapter
        for chapter in GuideChapterPage.objects.live().filter(locale__language_code="en")
        if any(block.block_type == "media" for block in chapter.body)
    )
    for prefix, shown in [("/en/", "en"), ("/fa/", "fa")]:
        reader.goto(prefix + chapter.url.removeprefix("/en/"))
        player = reader.locator("figure.media video")
        assert player.count() == 1
        tracks = player.evaluate("video => [...video.textTracks].map(track => [track.language, track.mode])")
        assert dict(tracks)[shown] == "showing", tracks
        assert [language for language, mode in tracks if mode == "showing"] == [shown]
    assert axe_violations(reader) == []
