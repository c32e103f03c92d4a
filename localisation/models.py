"""What the translators' desk remembers: when the English text last really changed, which
revisions were small changes, who translates what, and the authors' notes for translators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceTextChange(models.Model):
    """When an English page's text last changed in a way translators must follow (not a small change)."""

    translation_key = models.UUIDField(unique=True)
    changed_at = models.DateTimeField(verbose_name=_("English text last changed"))
    # A fingerprint of the page's translatable text when it was last published, so a publish
    # that changes no text (a new picture, a moved page) does not ask translators for anything.
    text_fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("change of English text")
        verbose_name_plural = _("changes of English text")

    def __str__(self):
        return f"{self.translation_key} {self.changed_at:%Y-%m-%d %H:%M}"


class SmallChange(models.Model):
    """A revision of an English page its author marked as a small change: translations stay up to date."""

    revision = models.OneToOneField("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("small change")
        verbose_name_plural = _("small changes")

    def __str__(self):
        return str(self.revision_id)


class TranslationAssignment(models.Model):
    """A coordinator asked one translator to translate one page into one language."""

    translation_key = models.UUIDField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translation_assignments", verbose_name=_("translator")
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("assigned by")
    )
    assigned_at = models.DateTimeField(auto_now=True, verbose_name=_("assigned on"))

    class Meta:
        verbose_name = _("translation assignment")
        verbose_name_plural = _("translation assignments")
        constraints = [models.UniqueConstraint(fields=["translation_key", "locale"], name="one_translator_per_page_and_language")]

    def __str__(self):
        return f"{self.translation_key} {self.locale_id} {self.translator_id}"


class TranslatorNotes(models.Model):
    """What the authors want translators to know about a page: why a word was chosen, what a phrase must say.
    Kept beside the page, not in it, so it is never translated nor shown to readers."""

    translation_key = models.UUIDField(unique=True)
    text = models.TextField(verbose_name=_("notes for translators"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notes for translators")
        verbose_name_plural = _("notes for translators")

    def __str__(self):
        return str(self.translation_key)
