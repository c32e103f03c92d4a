"""Each step of the co-production review tells the next person, in the admin and by email."""

from django.core import mail
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from guidance_pages.models import GuideChapterPage, GuidePage
from tests.test_editing import chapter_form, draftail

pytestmark = pytest.mark.django_db

BASE_URL = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def submit_new_chapter(client, users, author="editor"):
    """The EBE editor (or ``author``) writes a chapter and presses "Submit to Co-production review" in the page editor."""
    client.force_login(users[author])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    data = chapter_form(guide, [("paragraph", {})])
    data["body-0-value"] = draftail("Ask people how they want to be credited.")
    data["action-submit"] = "1"
    response = client.post(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk]), data)
    assert response.status_code == 302
    return GuideChapterPage.objects.get(slug="a-chapter-with-a-picture")


def act(client, user, chapter, action, comment=""):
    """A reviewer approves or asks for changes with the buttons of the page editor."""
    client.force_login(user)
    task_state = chapter.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[chapter.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302
    chapter.refresh_from_db()


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_demo_people_have_an_email_address_and_notifications_on(users):
    for username in ["editor", "peer", "reviewer", "translator-ar"]:
        user = users[username]
        assert user.email.endswith("@example.org")
        profile = UserProfile.get_for_user(user)
        assert profile.submitted_notifications and profile.approved_notifications and profile.rejected_notifications


def test_submitting_tells_the_peer_reviewer_that_a_page_waits_for_them(client, users):
    chapter = submit_new_chapter(client, users)
    [email] = emails_to("peer@example.org")
    assert email.subject == "Waiting for your review: “A chapter with a picture”"
    assert "Amira (EBE editor) asked for a review of the page “A chapter with a picture”" in email.body
    assert "Peer review by an Expert by Experience" in email.body
    assert f"{BASE_URL}/admin/pages/{chapter.pk}/edit/" in email.body
    # The staff reviewer's turn has not come yet.
    assert emails_to("reviewer@example.org") == []
    assert emails_to("editor@example.org") == []  # nobody is told about their own action


def test_the_reviewer_is_told_once_the_peer_approves(client, users):
    chapter = submit_new_chapter(client, users)
    mail.outbox.clear()
    act(client, users["peer"], chapter, "approve", "Clear and kind.")
    [email] = emails_to("reviewer@example.org")
    assert email.subject == "Waiting for your review: “A chapter with a picture”"
    assert "Approval by a reviewer" in email.body
    assert f"{BASE_URL}/admin/pages/{chapter.pk}/edit/" in email.body
    assert emails_to("peer@example.org") == []
    assert not chapter.live


def test_the_editor_gets_the_comment_when_changes_are_asked_for(client, users):
    chapter = submit_new_chapter(client, users)
    mail.outbox.clear()
    act(client, users["peer"], chapter, "reject", "Please say who “they” are in the first sentence.")
    [email] = emails_to("editor@example.org")
    assert email.subject == "Changes asked for: “A chapter with a picture”"
    assert "Yonas (peer reviewer) read “A chapter with a picture” and asked for changes" in email.body
    # The comment arrives as written: quotes and other characters are not turned into HTML entities.
    assert "Please say who “they” are in the first sentence." in email.body
    assert "&" not in email.body
    assert f"{BASE_URL}/admin/pages/{chapter.pk}/edit/" in email.body
    assert emails_to("reviewer@example.org") == []


def test_the_editor_is_told_when_the_reviewer_publishes(client, users):
    chapter = submit_new_chapter(client, users)
    act(client, users["peer"], chapter, "approve")
    mail.outbox.clear()
    act(client, users["reviewer"], chapter, "approve")
    assert chapter.live
    [email] = emails_to("editor@example.org")
    assert email.subject == "Published: “A chapter with a picture”"
    assert f"{BASE_URL}/en/" in email.body and chapter.slug in email.body


def test_nobody_is_emailed_who_switched_the_notification_off(client, users):
    profile = UserProfile.get_for_user(users["peer"])
    profile.submitted_notifications = False
    profile.save()
    submit_new_chapter(client, users)
    assert emails_to("peer@example.org") == []


def test_emails_come_in_the_language_the_person_chose_for_the_admin(client, users):
    profile = UserProfile.get_for_user(users["peer"])
    profile.preferred_language = "ar"
    profile.save()
    submit_new_chapter(client, users)
    [email] = emails_to("peer@example.org")
    # Wagtail's own greeting is translated into Arabic; our sentences follow once the catalog has them.
    assert "مرحبا" in email.body or "مرحبًا" in email.body


def test_the_peer_and_the_reviewer_see_the_page_waiting_on_their_dashboard(client, users):
    chapter = submit_new_chapter(client, users)
    client.force_login(users["peer"])
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Awaiting your review" in dashboard and chapter.title in dashboard
    client.force_login(users["reviewer"])
    assert chapter.title not in client.get(reverse("wagtailadmin_home")).text  # not the reviewer's turn yet
    act(client, users["peer"], chapter, "approve")
    client.force_login(users["reviewer"])
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Awaiting your review" in dashboard and chapter.title in dashboard
    client.force_login(users["peer"])
    assert "Awaiting your review" not in client.get(reverse("wagtailadmin_home")).text


def your_pages_row(client, chapter):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).text, "html.parser")
    panel = soup.find(id="your-pages-section")
    assert panel is not None, "the 'Your pages' panel is missing"
    link = panel.find("a", href=reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    return " ".join(link.find_parent("tr").get_text(" ").split())


def test_the_editors_dashboard_says_where_each_of_their_pages_is(client, users):
    chapter = submit_new_chapter(client, users)
    assert "Waiting for review (Peer review by an Expert by Experience)" in your_pages_row(client, chapter)
    act(client, users["peer"], chapter, "reject", "Shorter sentences, please.")
    client.force_login(users["editor"])
    row = your_pages_row(client, chapter)
    assert "Changes asked for" in row and "Yonas (peer reviewer) wrote:" in row and "Shorter sentences, please." in row


def test_the_editors_dashboard_shows_a_published_page_as_published(client, users):
    chapter = submit_new_chapter(client, users)
    act(client, users["peer"], chapter, "approve")
    act(client, users["reviewer"], chapter, "approve")
    client.force_login(users["editor"])
    assert "Published" in your_pages_row(client, chapter)


def test_the_your_pages_panel_is_left_out_for_people_with_no_pages(client, users):
    client.force_login(users["translator-uk"])
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "your-pages-section" not in response.text
