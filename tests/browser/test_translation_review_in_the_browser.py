"""In Chromium: an Arabic translator finds a chapter whose English changed on their dashboard, updates it and
submits it, and the Arabic reviewer publishes it."""

from wagtail.models import Locale

import pytest

from guidance_pages.demo import DEMO_PASSWORD, FULLY_TRANSLATED_GUIDE
from guidance_pages.models import GuideChapterPage, GuidePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEW_ENGLISH = "Trustees with lived experience see problems that others miss, and say so."
NEW_ARABIC = "يرى الأمناء ذوو التجربة الشخصية مشكلات لا يراها غيرهم، ويقولون ذلك."


def sign_in(tab, username, lands_on="**/admin/"):
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", DEMO_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(lands_on)


@pytest.fixture
def chapter_needing_update():
    """The English of an Arabic-translated chapter changes and is published (not as a small change)."""
    guide = GuidePage.objects.get(locale__language_code="en", slug=FULLY_TRANSLATED_GUIDE)
    english = GuideChapterPage.objects.child_of(guide).first()
    english.summary = NEW_ENGLISH
    english.save_revision().publish()
    return english.get_translation(Locale.objects.get(language_code="ar"))


def test_an_arabic_translator_updates_a_chapter_and_the_arabic_reviewer_publishes_it(open_tab, chapter_needing_update):
    arabic = chapter_needing_update
    translator = open_tab()
    sign_in(translator, "translator-ar", lands_on="**/admin/translations/ar/")
    row = translator.locator(f"tr[data-key='{arabic.translation_key}']")
    assert row.get_attribute("data-state") == "needs_update"
    row.get_by_role("button", name="Get the new English text and update").click()
    translator.wait_for_url(f"**/admin/pages/{arabic.pk}/edit/")
    changed = translator.locator("li.incomplete", has_text=NEW_ENGLISH)
    changed.get_by_role("button", name="Translate").click()
    changed.locator("textarea").fill(NEW_ARABIC)
    changed.get_by_role("button", name="Save").click()
    translator.locator("li.complete", has_text=NEW_ENGLISH).wait_for()
    assert translator.get_by_role("button", name="Publish in Arabic").count() == 0
    translator.get_by_role("button", name="Submit for review").click()
    translator.get_by_text("Submitted for review.").wait_for()
    arabic.refresh_from_db()
    assert arabic.workflow_in_progress
    assert arabic.summary != NEW_ARABIC  # readers still see the published translation

    reviewer = open_tab()
    sign_in(reviewer, "reviewer-ar")
    reviewer.goto(f"/admin/pages/{arabic.pk}/edit/")
    reviewer.get_by_role("button", name="Approve and publish").click()
    reviewer.wait_for_load_state()

    reader = open_tab()
    reader.goto(GuideChapterPage.objects.get(pk=arabic.pk).url)
    assert NEW_ARABIC in reader.content()
    assert reader.evaluate("document.documentElement.dir") == "rtl"
    assert reader.evaluate("document.documentElement.lang") == "ar"
