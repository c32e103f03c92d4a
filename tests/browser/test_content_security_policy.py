"""With the Content-Security-Policy on, Chromium blocks nothing the site or the admin needs."""

from wagtail.models import Locale

import pytest

from guidance_pages.demo import FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage
from tests.live import Server, demo_site_on_sqlite

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Runs before the page's own scripts; Playwright injects it, so the policy does not block it.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"} in ${event.sourceFile || document.URL}`);
});
"""


@pytest.fixture
def watched(reader):
    """The browser tab, with every CSP violation it reports (events and console messages) collected."""
    reader.add_init_script(RECORD_VIOLATIONS)
    reader.console_violations = []

    def console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            reader.console_violations.append(message.text)

    reader.on("console", console)
    return reader


def violations(tab):
    in_frames = []
    for frame in tab.frames:
        in_frames += frame.evaluate("window.cspViolations || []")
    return in_frames + tab.console_violations


@pytest.fixture
def chapter():
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    return GuideChapterPage.objects.live().child_of(guide).first()


def test_a_public_chapter_runs_its_scripts_under_the_strict_policy(watched, chapter):
    watched.goto(chapter.url)
    # The page's own module script ran: the answer is sent without a reload only when feedback.js works.
    watched.get_by_label("Yes").check()
    watched.get_by_role("button", name="Send").click()
    watched.locator("[data-feedback-status]").filter(has_text="Thank you").wait_for()
    assert watched.url.endswith(chapter.url)
    assert violations(watched) == []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csp-live-site")
    server = Server(demo_site_on_sqlite(folder), folder / "gunicorn.log")
    yield server
    server.stop()


def test_saving_a_guide_offline_works_under_the_strict_policy(chromium, site):
    # Service workers need a real origin, so this one runs against gunicorn (see test_live_site.py).
    context = chromium.new_context(base_url=site.url)
    tab = context.new_page()
    tab.add_init_script(RECORD_VIOLATIONS)
    tab.console_violations = []
    tab.on("console", lambda message: "Content Security Policy" in message.text and tab.console_violations.append(message.text))
    tab.goto("/en/guides/recruiting-trustees-with-lived-experience/")
    tab.locator(".offline-save button").click(timeout=15_000)
    saved = tab.locator(".offline-save").get_attribute("data-saved")
    tab.locator("[data-offline-status]").filter(has_text=saved).wait_for()
    assert violations(tab) == []
    context.close()


def test_an_arabic_chapter_read_by_a_signed_in_editor_with_the_userbar(watched, chapter, client, users):
    client.force_login(users["editor"])
    watched.goto(chapter.get_translation(Locale.objects.get(language_code="ar")).url)
    watched.wait_for_selector("wagtail-userbar", state="attached")
    assert violations(watched) == []


def test_the_page_editor_and_its_preview_work_under_the_admin_policy(watched, chapter, client, users):
    client.force_login(users["editor"])
    watched.set_viewport_size({"width": 1400, "height": 900})
    watched.goto(f"/admin/pages/{chapter.pk}/edit/")
    watched.wait_for_selector("[data-side-panel-toggle='preview']")
    watched.locator("[data-side-panel-toggle='preview']").first.click()
    # The preview is the chapter itself, in a frame of the admin: the frame must be allowed.
    preview = watched.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").first.inner_text(timeout=20_000) == chapter.title
    assert violations(watched) == []


def test_a_translator_opens_the_translation_editor_under_the_admin_policy(watched, chapter, client, users):
    client.force_login(users["translator-ar"])
    arabic = chapter.get_translation(Locale.objects.get(language_code="ar"))
    watched.set_viewport_size({"width": 1400, "height": 900})
    watched.goto(f"/admin/pages/{arabic.pk}/edit/")
    watched.wait_for_selector("text=Download PO file")
    assert violations(watched) == []


def test_the_recorder_sees_a_violation_when_there_is_one(watched, chapter):
    # Proves the tests above can fail: an inline script on a reader page is blocked and reported.
    watched.goto(chapter.url)
    watched.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.ran = 1\">')")
    watched.wait_for_timeout(300)
    assert watched.evaluate("window.ran") is None
    assert any("script-src" in violation for violation in violations(watched))
