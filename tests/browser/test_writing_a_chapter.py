"""In a real Chromium: an EBE editor writes a chapter, sees a long sentence flagged, and it goes through co-production review."""

import re

import pytest

from guidance_pages.models import GuideChapterPage, GuidePage
from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "guidance-demo"
LONG_SENTENCE = (
    "When the group meets for the first time it really helps if somebody who has been before takes the time "
    "to welcome every new person at the door and shows them where everything is"
)


def signed_in_tab(open_tab, username):
    """A tab of its own for each person (a request still in flight in someone else's editor cannot cut in)."""
    tab = open_tab()
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/admin/")
    return tab


def add_block(tab, label):
    tab.get_by_role("button", name="Insert a block").last.click()
    tab.get_by_role("option", name=label).click()


def test_an_editor_writes_a_chapter_that_a_peer_and_a_reviewer_approve_and_publish(open_tab):
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    tab = signed_in_tab(open_tab, "editor")
    tab.goto(f"/admin/pages/add/guidance_pages/guidechapterpage/{guide.pk}/")
    tab.locator("#id_title").fill("Welcoming new members")
    tab.locator("#id_summary").fill("How to make the first meeting feel safe.")
    tab.get_by_role("button", name="Toggle checks").click()
    checker = tab.locator("[data-plain-english]")
    add_block(tab, "Paragraph")
    tab.locator('#body-root [contenteditable="true"]').last.click()
    tab.keyboard.type(LONG_SENTENCE + ". We utilise the room.")
    # Checked on its own once typing pauses, with no button pressed.
    flagged = checker.locator("[data-plain-english-long-sentences]")
    flagged.wait_for()
    assert LONG_SENTENCE in flagged.inner_text()
    assert "34 words" in flagged.inner_text()
    assert "utilise" in checker.locator("[data-plain-english-plainer]").inner_text()

    add_block(tab, "Quote from an Expert by Experience")
    tab.locator('[name="body-1-value-text"]').fill("I was asked what I thought, and then I saw it change.")
    tab.locator('[name="body-1-value-attribution"]').fill("Amira, group member")
    add_block(tab, "Checklist")
    tab.locator('[name="body-2-value-title"]').fill("Before the first meeting")
    tab.locator('[name="body-2-value-items-0-value"]').fill("Book a quiet room")
    add_block(tab, "Image")
    tab.locator("#body-root").get_by_role("button", name="Choose an image").last.click()
    tab.get_by_role("link", name="Illustration: people talking round a table").click()
    tab.locator('[name="body-3-value-alt_text"]').fill("Five people talking round a table")

    # On demand: the quote's words are checked too.
    checker.get_by_role("button", name="Check my writing now").click()
    tab.wait_for_function("document.querySelector('[data-plain-english-report]').innerText.includes('What they said')")

    tab.locator("footer").get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Submit to Co-production review").click()
    tab.wait_for_url(re.compile(r".*/admin/pages/\d+/(edit/)?$"))
    chapter = GuideChapterPage.objects.get(title="Welcoming new members")
    assert chapter.current_workflow_state.status == "in_progress"
    draft = chapter.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph", "quote", "checklist", "image"]
    assert not chapter.live

    for reviewer, next_task in [("peer", "Approval by a reviewer"), ("reviewer", None)]:
        tab.context.close()
        tab = signed_in_tab(open_tab, reviewer)
        tab.goto(f"/admin/pages/{chapter.pk}/edit/")
        tab.locator("footer").get_by_role("button", name="More actions").click()
        # "Approve" (without a comment) sends the editor's form with the workflow action.
        tab.locator('button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])').click()
        tab.locator(".messages .success").wait_for()
        chapter.refresh_from_db()
        task = chapter.current_workflow_task
        assert (task.name if task else None) == next_task
    assert chapter.live

    tab.context.close()
    tab = open_tab(viewport=PHONE)
    tab.goto(chapter.url)
    assert tab.get_by_role("heading", level=1).inner_text() == "Welcoming new members"
    assert "I was asked what I thought" in tab.locator("main").inner_text()
    assert tab.get_by_role("img", name="Five people talking round a table").count() == 1
