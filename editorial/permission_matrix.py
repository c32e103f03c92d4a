"""What each role may do, found by trying every action through the admin as each demo user.

Each try is a real admin request (the page editor's buttons, the review buttons, "Translate this
page", the users list...) inside a transaction that is rolled back, so nothing stays changed.
Used by the permission matrix test and by ``manage.py permission_matrix``, which prints the
table in the README's roles section.
"""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import Locale

from guidance_pages.models import GuideChapterPage, GuidePage

# The demo user for each role, in the order of the table's rows.
ROLES = [
    ("EBE editor", "editor"),
    ("Peer reviewer", "peer"),
    ("Reviewer", "reviewer"),
    ("Administrator", "admin"),
    ("Translator (Arabic)", "translator-ar"),
]

FULL_GUIDE = "recruiting-trustees-with-lived-experience"
ENGLISH_ONLY_GUIDE = "running-an-experts-by-experience-user-group"


class RolledBack(Exception):
    """Raised to undo whatever an action changed."""


def _english_guide():
    return GuidePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=FULL_GUIDE)


def _published_chapter():
    return GuideChapterPage.objects.child_of(_english_guide()).live().first()


def _draft_in_review(step):
    """A new chapter by the EBE editor, sent for review and waiting at review ``step`` (0: peer, 1: reviewer)."""
    User = get_user_model()
    guide = _english_guide()
    chapter = guide.add_child(
        instance=GuideChapterPage(
            title="A chapter waiting for review",
            slug="a-chapter-waiting-for-review",
            summary="A draft.",
            body=[{"type": "paragraph", "value": "<p>Draft text.</p>"}],
            live=False,
            owner=User.objects.get(username="editor"),
        )
    )
    chapter.save_revision(user=chapter.owner)
    chapter.get_workflow().start(chapter, chapter.owner)
    if step == 1:
        chapter.current_workflow_task_state.specific.approve(user=User.objects.get(username="peer"))
    chapter.refresh_from_db()
    return chapter


def _editor_form(page, **extra):
    """What the page editor posts for an existing chapter, with a changed title."""
    paragraph = {"key": "a", "text": "Changed text.", "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    data = {
        "title": page.title + " (changed)",
        "slug": page.slug,
        "summary": page.summary,
        "content_note": "",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-order": "0",
        "body-0-deleted": "",
        "body-0-id": "block-0",
        "body-0-value": json.dumps({"blocks": [paragraph], "entityMap": {}}),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def _opens(response):
    return response.status_code == 200


# Each action: (column heading, function(client) -> whether the action went through).


def create(client):
    guide = _english_guide()
    return _opens(client.get(reverse("wagtailadmin_pages:add", args=["guidance_pages", "guidechapterpage", guide.pk])))


def edit(client):
    chapter = _published_chapter()
    client.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), _editor_form(chapter))
    chapter.refresh_from_db()
    return chapter.get_latest_revision_as_object().title.endswith("(changed)")


def submit(client):
    chapter = _published_chapter()
    client.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), _editor_form(chapter, **{"action-submit": "1"}))
    chapter.refresh_from_db()
    return chapter.workflow_in_progress


def _approve(client, step):
    chapter = _draft_in_review(step)
    task_state = chapter.current_workflow_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[chapter.pk, "approve", task_state.pk]), {"comment": ""})
    task_state.refresh_from_db()
    return task_state.status == task_state.STATUS_APPROVED


def approve_as_peer(client):
    return _approve(client, 0)


def approve_as_reviewer(client):
    return _approve(client, 1)


def publish(client):
    chapter = _published_chapter()
    client.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), _editor_form(chapter, **{"action-publish": "1"}))
    chapter.refresh_from_db()
    return chapter.title.endswith("(changed)")


def unpublish(client):
    chapter = _published_chapter()
    client.post(reverse("wagtailadmin_pages:unpublish", args=[chapter.pk]), {})
    chapter.refresh_from_db()
    return not chapter.live


def delete(client):
    chapter = _published_chapter()
    client.post(reverse("wagtailadmin_pages:delete", args=[chapter.pk]), {})
    return not GuideChapterPage.objects.filter(pk=chapter.pk).exists()


def move(client):
    chapter = _published_chapter()
    destination = GuidePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=ENGLISH_ONLY_GUIDE)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[chapter.pk, destination.pk]), {})
    chapter.refresh_from_db()
    return chapter.get_parent().pk == destination.pk


def translate(client):
    guide = GuidePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=ENGLISH_ONLY_GUIDE)
    arabic = Locale.objects.get(language_code="ar")
    client.post(reverse("wagtail_localize:submit_page_translation", args=[guide.pk]), {"locales": [arabic.pk]})
    return guide.get_translation_or_none(arabic) is not None


def edit_arabic(client):
    arabic_chapter = _published_chapter().get_translation(Locale.objects.get(language_code="ar"))
    return _opens(client.get(reverse("wagtailadmin_pages:edit", args=[arabic_chapter.pk])))


def manage_users(client):
    return _opens(client.get(reverse("wagtailusers_users:index")))


def read_feedback(client):
    return _opens(client.get(reverse("feedback_report")))


ACTIONS = [
    ("create", create),
    ("edit", edit),
    ("submit for review", submit),
    ("approve as peer", approve_as_peer),
    ("approve as reviewer", approve_as_reviewer),
    ("publish", publish),
    ("unpublish", unpublish),
    ("delete published", delete),
    ("move published", move),
    ("translate into Arabic", translate),
    ("edit Arabic page", edit_arabic),
    ("manage users", manage_users),
    ("read feedback", read_feedback),
]
ACTION_FUNCTIONS = dict(ACTIONS)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def try_action(username, action):
    """Whether ``username`` can do ``action`` through the admin; every change is rolled back."""
    client = Client(SERVER_NAME=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS[0] != "*" else "localhost")
    client.force_login(get_user_model().objects.get(username=username))
    outcome = False
    try:
        with transaction.atomic():
            outcome = bool(ACTION_FUNCTIONS[action](client))
            raise RolledBack
    except RolledBack:
        pass
    return outcome


def permission_matrix():
    """{role: {action: allowed}} for every role and action."""
    return {role: {action: try_action(username, action) for action, _function in ACTIONS} for role, username in ROLES}


def as_markdown(matrix):
    """The matrix as a Markdown table: roles down, actions across, "yes" or "no" in each cell."""
    actions = [action for action, _function in ACTIONS]
    lines = ["| role | " + " | ".join(actions) + " |", "| --- |" + " --- |" * len(actions)]
    for role, row in matrix.items():
        lines.append(f"| {role} | " + " | ".join("yes" if row[action] else "no" for action in actions) + " |")
    return "\n".join(lines)
