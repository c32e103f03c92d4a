"""The "Your pages" panel on the admin dashboard: where each of an editor's pages is in the review."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

# How many pages the panel lists: the editor's most recently changed ones.
PAGES_SHOWN = 10

DRAFT = "draft"
IN_REVIEW = "in_review"
CHANGES_ASKED = "changes_asked"
PUBLISHED = "published"
PUBLISHED_WITH_DRAFT = "published_with_draft"

STATE_LABELS = {
    DRAFT: _("Draft: not sent for review yet"),
    IN_REVIEW: _("Waiting for review"),
    CHANGES_ASKED: _("Changes asked for"),
    PUBLISHED: _("Published"),
    PUBLISHED_WITH_DRAFT: _("Published, with changes not sent for review yet"),
}


def pages_of(user):
    """The pages this person created or sent for review, most recently changed first."""
    page_type = ContentType.objects.get_for_model(Page)
    requested = WorkflowState.objects.filter(base_content_type=page_type, requested_by=user).values_list("object_id", flat=True)
    return (
        Page.objects.filter(Q(owner=user) | Q(pk__in=[int(pk) for pk in requested]))
        .select_related("locale")
        .order_by("-latest_revision_created_at", "-pk")[:PAGES_SHOWN]
    )


def review_states(user):
    """Each of the person's pages with its review state in plain words (and the reviewer's comment)."""
    pages = list(pages_of(user))
    page_type = ContentType.objects.get_for_model(Page)
    latest = {}
    states = (
        WorkflowState.objects.filter(base_content_type=page_type, object_id__in=[str(page.pk) for page in pages])
        .exclude(status=WorkflowState.STATUS_CANCELLED)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("created_at")
    )
    for state in states:
        latest[int(state.object_id)] = state  # the newest one wins
    rows = []
    for page in pages:
        state = latest.get(page.pk)
        comment, step, reviewer = "", "", None
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            kind = IN_REVIEW
            step = state.current_task_state.task.name if state.current_task_state else ""
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            kind = CHANGES_ASKED
            task_state = state.current_task_state
            if task_state is not None:
                comment, step, reviewer = task_state.comment, task_state.task.name, task_state.finished_by
        elif page.live:
            kind = PUBLISHED_WITH_DRAFT if page.has_unpublished_changes else PUBLISHED
        else:
            kind = DRAFT
        rows.append({"page": page, "state": kind, "label": STATE_LABELS[kind], "step": step, "comment": comment, "reviewer": reviewer})
    return rows


class YourPagesPanel(Component):
    """Tells an editor, on the dashboard, which of their pages wait for review, need changes or are published."""

    name = "your_pages"
    template_name = "editorial/home/your_pages.html"
    order = 205  # just above Wagtail's "Your pages and snippets in a workflow"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = review_states(parent_context["request"].user)
        return context
