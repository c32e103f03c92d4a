"""Translation review in each language: translators submit, that language's reviewers approve and publish.

wagtail-localize's translation editor can publish but knows nothing of workflows, so a translator
(who may not publish) could not send a translation for review. These plain forms, shown under the
editor (editorial/templates/wagtail_localize/admin/edit_translation.html), add "Submit for review",
"Approve and publish" and checking machine-translated text. They work without JavaScript.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.locks import WorkflowLock
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from editorial.machine_text import confirm_machine_text, publishing_blocked_by_machine_text, unchecked_machine_text
from editorial.snippet_permissions import user_can_edit_instance


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    if hasattr(instance, "snippet_viewset"):
        return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])
    return reverse("wagtailadmin_home")


def machine_text_message(page):
    return _(
        "This translation cannot be approved or published yet: some of its text was translated by a computer and "
        "nobody has checked it. The translator (or you) must read it and confirm it first, under 'Check machine text'."
    )


def approvable_task_state(page, user):
    """The review step this user may approve now on this page, or None."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return None
    task = task_state.task.specific
    if "approve" not in [name for name, _label, _modal in task.get_actions(page, user)]:
        return None
    return task_state


def review_panel(user, translation, instance):
    """What the forms under the translation editor need: can this user submit, approve, check machine text?"""
    panel = {"translation": translation, "instance": instance, "machine_strings": unchecked_machine_text(instance).count()}
    panel["can_check_machine_text"] = panel["machine_strings"] and user_can_edit_instance(user, instance)
    if not isinstance(instance, Page):
        return panel
    permissions = instance.permissions_for_user(user)
    workflow = instance.get_workflow()
    panel["workflow"] = workflow
    panel["in_review"] = instance.workflow_in_progress
    state = instance.current_workflow_state
    panel["changes_requested"] = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    panel["can_submit"] = (
        workflow is not None and not panel["in_review"] and permissions.can_edit() and permissions.can_submit_for_moderation()
    )
    task_state = approvable_task_state(instance, user) if panel["in_review"] else None
    panel["approve_task_state"] = task_state
    panel["blocked_by_machine_text"] = task_state is not None and publishing_blocked_by_machine_text(instance)
    return panel


@transaction.atomic
def save_translation_draft(translation, page, user):
    """A new draft revision of the translated page, leaving what readers see as it was.

    wagtail-localize's save_target(publish=False) also writes the draft into the live page's row,
    which readers are shown: unreviewed text would go public. The live content is put back from
    the live revision, as Wagtail's own editor leaves live pages alone until they are published."""
    live_revision = page.live_revision if page.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is None:
        return
    draft = Page.objects.get(pk=page.pk)
    live = live_revision.as_object()
    live.latest_revision = draft.latest_revision
    live.draft_title = draft.draft_title
    live.has_unpublished_changes = True
    live.save(clean=False)


@require_POST
def submit_for_review(request, translation_id):
    """Save the translated strings as a draft of the page and start its language's review workflow."""
    translation = get_object_or_404(Translation, id=translation_id)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if page.workflow_in_progress:
        messages.warning(request, _("This translation is already waiting for review."))
        return redirect(edit_url(page))
    if not page.permissions_for_user(request.user).can_submit_for_moderation():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("Pages in this language have no review step yet. Ask an administrator to set one up."))
        return redirect(edit_url(page))
    try:
        save_translation_draft(translation, page, request.user)
    except ValidationError:
        messages.error(request, _("Some translated text is not valid yet. Fix the strings marked with an error, then submit again."))
        return redirect(edit_url(page))
    page = Page.objects.get(pk=page.pk).specific
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # The reviewers asked for changes: the same review goes on, as in Wagtail's own editor.
        workflow_state.resume(request.user)
    else:
        workflow.start(page, request.user)
    messages.success(
        request,
        _("Submitted for review. The %(language)s reviewers will check it and publish it.") % {"language": page.locale.get_display_name()},
    )
    return redirect(edit_url(page))


def machine_text(request, translation_id):
    """The machine-translated strings nobody has checked, to confirm one by one or all at once."""
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    strings = unchecked_machine_text(instance).select_related("translation_of", "context").order_by("context__path")
    if request.method == "POST":
        if "confirm_all" in request.POST:
            count = confirm_machine_text(instance, request.user)
        else:
            chosen = [value for value in request.POST.getlist("string") if value.isdigit()]
            if not chosen:
                messages.error(request, _("Tick the strings you have checked, or choose 'I have checked all machine text on this page'."))
                return redirect(request.path)
            count = confirm_machine_text(instance, request.user, chosen)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)d string is now marked as checked by you.",
                    "%(count)d strings are now marked as checked by you.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.warning(request, _("There was no unchecked machine text left to confirm."))
        return redirect(request.path if unchecked_machine_text(instance).exists() else edit_url(instance))
    return TemplateResponse(
        request,
        "editorial/machine_text.html",
        {
            "translation": translation,
            "instance": instance,
            "strings": strings,
            "edit_url": edit_url(instance),
            "page_title": _("Check machine text"),
            "header_title": _("Check machine text"),
        },
    )


def machine_text_not_checked(request, page_id):
    """Where an approval refused for unchecked machine text lands: the reason, then the page."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    messages.error(request, machine_text_message(page))
    return redirect(edit_url(page))


def refuse_publishing_unchecked_machine_text(request, page):
    """The before_edit_page hook: no publishing or approving, by any button, while machine text is unchecked."""
    if request.method != "POST":
        return None
    publishing = request.POST.get("action") == "publish" or "action-publish" in request.POST
    approving = "action-workflow-action" in request.POST and request.POST.get("workflow-action-name") == "approve"
    if (publishing or approving) and publishing_blocked_by_machine_text(page):
        messages.error(request, machine_text_message(page))
        return redirect(edit_url(page))
    return None


def refuse_bulk_publishing_unchecked_machine_text(request, action_type, objects, action):
    """The before_bulk_action hook: "Publish" on several pages refuses if any has unchecked machine text."""
    if action_type != "publish" or request.method != "POST":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    if request.POST.get("include_descendants"):
        pages += [descendant for page in pages for descendant in page.get_descendants().specific()]
    blocked = [page for page in pages if publishing_blocked_by_machine_text(page)]
    if not blocked:
        return None
    messages.error(
        request,
        _(
            "Nothing was published: machine-translated text nobody has checked is still on %(pages)s. Check it first, under 'Check machine text'."
        )
        % {"pages": _titles(blocked)},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def refuse_bulk_publishing_what_others_must_review(request, action_type, objects, action):
    """The before_bulk_action hook: "Publish" on several pages never skips someone else's review step.

    A page waiting at a step this person cannot act on (the peer review, for a staff reviewer), or
    locked by someone else, cannot be published from its editor; publishing it from a list of
    pages must not get round that.
    """
    if action_type != "publish" or request.method != "POST":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    if request.POST.get("include_descendants"):
        pages += [descendant for page in pages for descendant in page.get_descendants().specific()]
    waiting, locked = [], []
    for page in pages:
        lock = page.get_lock()
        if lock is not None and lock.for_user(request.user):
            (waiting if isinstance(lock, WorkflowLock) else locked).append(page)
    if not waiting and not locked:
        return None
    if waiting:
        messages.error(
            request,
            _("Nothing was published: %(pages)s must first be reviewed by someone else, at the review step it is waiting for.")
            % {"pages": _titles(waiting)},
        )
    if locked:
        messages.error(
            request,
            ngettext(
                "Nothing was published: %(pages)s is locked by someone else. Ask them to unlock it first.",
                "Nothing was published: %(pages)s are locked by someone else. Ask them to unlock them first.",
                len(locked),
            )
            % {"pages": _titles(locked)},
        )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def _titles(pages):
    return ", ".join(f"“{page.get_admin_display_title()}”" for page in pages[:5])
