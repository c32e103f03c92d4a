"""What readers tell us about a page, kept without anything that identifies them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    """One reader's answer to "Was this page useful?", with an optional comment.

    No name, email, IP address, browser or session is stored: only the page, its language,
    the answer, the comment and the time.
    """

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="reader_feedback")
    language_code = models.CharField(verbose_name=_("language"), max_length=10, db_index=True)
    useful = models.BooleanField(verbose_name=_("found it useful"))
    comment = models.TextField(verbose_name=_("what could be better"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(verbose_name=_("sent"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(verbose_name=_("handled"), default=False)
    handled_at = models.DateTimeField(verbose_name=_("handled on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handled by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.page_id} {self.language_code} {'yes' if self.useful else 'no'}"


class SubmissionCount(models.Model):
    """How many times one client sent feedback in one time window, for the rate limit.

    ``client`` is a keyed hash of the client's address and the window, so the address itself
    is never stored, and rows are deleted once their window has passed. A table (not the
    per-process memory cache) keeps the count right across several server processes when
    there is no Redis.
    """

    client = models.CharField(max_length=64, unique=True)
    window_ends = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.client[:8]}… {self.count}"
