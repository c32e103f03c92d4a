"""For the hostile-input tests: a picture of what the database holds, to prove bad input changed nothing.

The feedback rate limit's counters (SubmissionCount) are left out on purpose: every request to
the feedback address counts towards the limit, refused or not, or robots could probe for free.
"""

from django.contrib.auth import get_user_model

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Comment, Locale, Page, PageLogEntry, Revision, WorkflowState

from feedback.models import PageFeedback
from guidance_pages.models import Contributor, FooterText, GlossaryTerm, NavigationMenu

COUNTED = [
    Page,
    Revision,
    PageLogEntry,
    WorkflowState,
    Comment,
    PageFeedback,
    Contributor,
    GlossaryTerm,
    NavigationMenu,
    FooterText,
    Locale,
    Redirect,
    Image,
    Document,
]


def database_state():
    """Row counts of everything readers and editors can change, and each page's revisions and status."""
    counts = {model.__name__: model.objects.count() for model in [*COUNTED, get_user_model()]}
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "title", "slug", "live", "has_unpublished_changes", "latest_revision_id", "live_revision_id", "locked"
        )
    )
    feedback = list(PageFeedback.objects.order_by("pk").values_list("pk", "handled", "comment"))
    return {"counts": counts, "pages": pages, "feedback": feedback}
