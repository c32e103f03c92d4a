"""The review steps of the workflows (peer review by another EBE, each language's translation review),
and the record of checked machine text."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupApprovalTask


class PeerReviewTask(GroupApprovalTask):
    """Another Expert by Experience approves or asks for changes: never the person who asked for the review.

    A peer reviewer may write guidance too; their own page then waits for a different peer.
    """

    class Meta:
        verbose_name = _("peer review by another Expert by Experience")
        verbose_name_plural = _("peer reviews by another Expert by Experience")

    @staticmethod
    def asked_for_review(obj, user):
        """True when ``user`` is the person who asked for this review (administrators are never held back)."""
        if user.is_superuser:
            return False
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user):
        return [] if self.asked_for_review(obj, user) else super().get_actions(obj, user)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) or self.asked_for_review(obj, user)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and not self.asked_for_review(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states if user.is_superuser else states.exclude(workflow_state__requested_by=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The last line of defence, whichever screen the approval came from.
        if action_name in ("approve", "reject") and self.asked_for_review(task_state.workflow_state.content_object, user):
            raise PermissionDenied(_("Another Expert by Experience must review this page: you asked for the review."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve or ask for changes, except the person who asked for the review.")


class TranslationReviewTask(GroupApprovalTask):
    """A language's reviewers approve a translation; optionally not while machine text is unchecked."""

    machine_text_must_be_checked = models.BooleanField(
        verbose_name=_("machine text must be checked first"),
        default=True,
        help_text=_(
            "When ticked, a translation cannot be approved or published while some of its text was "
            "translated by a computer and no person has checked it yet."
        ),
    )

    admin_form_fields = [*GroupApprovalTask.admin_form_fields, "machine_text_must_be_checked"]

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")

    def on_action(self, task_state, user, action_name, **kwargs):
        # The last line of defence: every way of approving ends here. The admin's forms explain the
        # refusal first (editorial/review.py); here the reviewer is sent to the same explanation.
        if action_name == "approve" and self.machine_text_must_be_checked:
            from editorial.machine_text import unchecked_machine_text

            content = task_state.workflow_state.content_object
            if unchecked_machine_text(content).exists():
                return reverse("editorial_machine_text_not_checked", args=[content.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Reviewers of one language approve its translations, after any machine text has been checked.")


class MachineTextCheck(models.Model):
    """Who confirmed machine-translated text on a translation, when, and how many strings."""

    translation_key = models.UUIDField(verbose_name=_("page or snippet"), db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(verbose_name=_("checked at"), auto_now_add=True)
    strings = models.PositiveIntegerField(verbose_name=_("strings checked"))

    class Meta:
        verbose_name = _("machine text check")
        verbose_name_plural = _("machine text checks")
        ordering = ["-checked_at"]

    def __str__(self):
        return f"{self.locale} {self.translation_key}: {self.strings} by {self.checked_by} at {self.checked_at:%Y-%m-%d %H:%M}"
