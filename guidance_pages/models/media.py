"""Caption tracks that belong to a video or audio file, one per language, added by that language's translators.

Captions listed inside a page's video block live in the English page, which translators cannot
extend in wagtail-localize; a caption track attached to the media file itself can be added by
the translator of its language, and every reader's player lists them all (issue #5).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from guidance_pages.blocks import content_language_choices

# A WebVTT file for a long video is a few tens of kilobytes.
LARGEST_CAPTIONS_FILE = 512 * 1024


def validate_webvtt(upload):
    """Refuse anything but a UTF-8 WebVTT file, with a message a translator understands."""
    name = getattr(upload, "name", "") or ""
    if not name.lower().endswith(".vtt"):
        raise ValidationError(_("Captions must be a WebVTT file whose name ends in .vtt."), code="extension")
    if upload.size > LARGEST_CAPTIONS_FILE:
        raise ValidationError(_("This file is too big to be captions. A captions file is usually under 100 KB."), code="size")
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("This file is not saved as UTF-8 text. Save it with the encoding UTF-8 in your captions editor and upload it again."),
            code="encoding",
        ) from None
    if not text.startswith("WEBVTT"):
        raise ValidationError(_("This is not a WebVTT captions file: its first line must be “WEBVTT”."), code="format")


def caption_languages_for(user):
    """The languages a person may add captions in: translators their own, everyone else all of them."""
    from editorial.roles import ADMINISTRATORS, EBE_EDITORS, PEER_REVIEWERS, REVIEWERS, translator_group_name

    codes = [code for code, _name in content_language_choices()]
    if user is None or user.is_superuser or user.groups.filter(name__in=[EBE_EDITORS, PEER_REVIEWERS, REVIEWERS, ADMINISTRATORS]).exists():
        return codes
    groups = set(user.groups.values_list("name", flat=True))
    return [code for code in codes if translator_group_name(code) in groups]


class CaptionTrackForm(WagtailAdminModelForm):
    """Offers only the languages this person may add captions in, and says so if they try another."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_languages = caption_languages_for(self.for_user)
        field = self.fields["language"]
        field.choices = [(code, name) for code, name in field.choices if code in self.allowed_languages or code == ""]

    def clean_language(self):
        language = self.cleaned_data["language"]
        if language not in self.allowed_languages or (self.instance.pk and self.instance.language not in self.allowed_languages):
            raise ValidationError(_("You can add and change captions only in the language you translate into."))
        return language


class CaptionTrack(models.Model):
    """A WebVTT captions file in one language for a video or audio file, shown in every language's player."""

    media = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("video or audio"),
        on_delete=models.CASCADE,
        related_name="caption_tracks",
        help_text=_("The video or audio file these captions are for."),
    )
    language = models.CharField(
        verbose_name=_("language"), max_length=10, choices=content_language_choices, help_text=_("The language of the captions.")
    )
    file = models.FileField(
        verbose_name=_("captions file"),
        upload_to="captions/",
        validators=[validate_webvtt],
        help_text=_("A WebVTT file (ending in .vtt) with the words and their times."),
    )

    panels = [FieldPanel("media"), FieldPanel("language"), FieldPanel("file")]
    base_form_class = CaptionTrackForm

    class Meta:
        verbose_name = _("captions for a video or audio")
        verbose_name_plural = _("captions for videos and audio")
        ordering = ["media", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["media", "language"],
                name="one_caption_track_per_language",
                violation_error_message=_("This video or audio already has captions in this language. Open them to change the file."),
            )
        ]

    def __str__(self):
        return f"{self.media.title} ({self.get_language_display()})"

    @property
    def language_direction(self):
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"
