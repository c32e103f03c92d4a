"""Nobody gets round the co-production review: a peer reviewer never approves their own page, a
reviewer never publishes a page still waiting for the peer step, and only reviewers unlock other
people's locks."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, Task, TaskState, Workflow, WorkflowTask

import pytest

from editorial.models import PeerReviewTask
from editorial.roles import CO_PRODUCTION_REVIEW, PEER_REVIEW, PEER_REVIEWERS, setup_roles
from guidance_pages.models import GuideChapterPage
from tests.test_editing import chapter_form, draftail
from tests.test_review_notifications import submit_new_chapter

pytestmark = pytest.mark.django_db


def approve_in_the_editor(client, user, chapter):
    """The "Approve" button of the page editor's footer."""
    client.force_login(user)
    data = chapter_form(chapter.get_parent(), [("paragraph", {})])
    data.update({"body-0-value": draftail("Ask people how they want to be credited."), "action-workflow-action": "1"})
    data["workflow-action-name"] = "approve"
    return client.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), data)


@pytest.fixture
def second_peer(db):
    user = get_user_model().objects.create_user(username="second-peer", password="not-used-here", email="second-peer@example.org")
    user.groups.add(Group.objects.get(name=PEER_REVIEWERS))
    return user


def test_a_peer_reviewer_who_wrote_a_page_cannot_approve_it_and_another_peer_can(client, users, second_peer):
    author = users["peer"]
    chapter = submit_new_chapter(client, users, author="peer")
    task = chapter.current_workflow_task.specific
    assert isinstance(task, PeerReviewTask)
    assert task.get_actions(chapter, author) == []
    assert [name for name, _label, _modal in task.get_actions(chapter, second_peer)] == ["reject", "approve", "approve"]

    # Neither the editor's buttons nor the approval address let the author through.
    approve_in_the_editor(client, author, chapter)
    task_state = chapter.current_workflow_state.current_task_state
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[chapter.pk, "approve", task_state.pk]), {"comment": ""})
    assert response.status_code in (302, 403)
    chapter.refresh_from_db()
    assert chapter.current_workflow_task.name == PEER_REVIEW
    assert not chapter.live

    # "Awaiting your review" on the dashboard offers the approval to the other peer only.
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[chapter.pk, "approve", task_state.pk])
    assert approve_url not in client.get(reverse("wagtailadmin_home")).text
    client.force_login(second_peer)
    assert approve_url in client.get(reverse("wagtailadmin_home")).text
    approve_in_the_editor(client, second_peer, chapter)
    chapter.refresh_from_db()
    assert chapter.current_workflow_task.name == "Approval by a reviewer"


def test_the_author_is_not_asked_by_email_to_review_their_own_page(client, users, second_peer, mailoutbox):
    submit_new_chapter(client, users, author="peer")
    recipients = {address for message in mailoutbox for address in message.to}
    assert "second-peer@example.org" in recipients
    assert "peer@example.org" not in recipients


def test_an_ebe_editors_page_is_approved_by_a_peer_as_before(client, users):
    chapter = submit_new_chapter(client, users)
    approve_in_the_editor(client, users["peer"], chapter)
    chapter.refresh_from_db()
    assert chapter.current_workflow_task.name == "Approval by a reviewer"


def bulk_publish(client, user, page):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}&next=/admin/"
    return client.post(url, follow=True)


def test_a_reviewer_cannot_skip_the_peer_step_by_publishing_from_a_list(client, users):
    chapter = submit_new_chapter(client, users)
    response = bulk_publish(client, users["reviewer"], chapter)
    assert "must first be reviewed by someone else" in response.text
    chapter.refresh_from_db()
    assert not chapter.live
    assert chapter.current_workflow_task.name == PEER_REVIEW

    # Once the peer has approved, the page is at the reviewer's own step: publishing it from the list works.
    approve_in_the_editor(client, users["peer"], chapter)
    response = bulk_publish(client, users["reviewer"], chapter)
    chapter.refresh_from_db()
    assert chapter.live


def test_a_page_locked_by_someone_else_is_not_published_from_a_list(client, users):
    chapter = GuideChapterPage.objects.live().filter(locale__language_code="en").first()
    chapter.title = "A draft change the editor is still working on"
    chapter.save_revision(user=users["editor"])
    Page.objects.filter(pk=chapter.pk).update(locked=True, locked_by=users["editor"])
    response = bulk_publish(client, users["reviewer"], chapter)
    assert "is locked by someone else" in response.text
    chapter.refresh_from_db()
    assert chapter.title != "A draft change the editor is still working on"


def test_only_reviewers_unlock_a_page_someone_else_locked(client, users):
    chapter = GuideChapterPage.objects.live().filter(locale__language_code="en").first()
    Page.objects.filter(pk=chapter.pk).update(locked=True, locked_by=users["reviewer"])
    for username, unlocks in [("editor", False), ("peer", False), ("reviewer", True)]:
        client.force_login(users[username])
        client.post(reverse("wagtailadmin_pages:unlock", args=[chapter.pk]))
        chapter.refresh_from_db()
        assert chapter.locked is not unlocks, username
        Page.objects.filter(pk=chapter.pk).update(locked=True, locked_by=users["reviewer"])
    # Everyone may unlock their own lock.
    Page.objects.filter(pk=chapter.pk).update(locked=True, locked_by=users["editor"])
    client.force_login(users["editor"])
    client.post(reverse("wagtailadmin_pages:unlock", args=[chapter.pk]))
    chapter.refresh_from_db()
    assert not chapter.locked


def test_a_site_set_up_before_the_peer_rule_gets_it_in_place(home_page):
    """Running setup_roles again turns the old plain approval step into the peer review, keeping its history."""
    old = Task.objects.get(name=PEER_REVIEW)
    PeerReviewTask.objects.get(pk=old.pk).delete(keep_parents=True)
    Task.objects.filter(pk=old.pk).update(content_type=ContentType.objects.get_for_model(GroupApprovalTask))
    assert not isinstance(Task.objects.get(pk=old.pk).specific, PeerReviewTask)
    states_before = TaskState.objects.filter(task=old).count()

    setup_roles(home_page)
    task = Task.objects.get(name=PEER_REVIEW).specific
    assert isinstance(task, PeerReviewTask) and task.pk == old.pk
    assert list(task.groups.values_list("name", flat=True)) == [PEER_REVIEWERS]
    workflow = Workflow.objects.get(name=CO_PRODUCTION_REVIEW)
    assert WorkflowTask.objects.get(workflow=workflow, sort_order=0).task_id == old.pk
    assert TaskState.objects.filter(task=old).count() == states_before
