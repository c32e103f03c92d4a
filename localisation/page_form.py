"""The page editor's "For translators" part: notes for translators and the small-change box.

Both are form fields, not page fields: they are never translated, never shown to readers, and
never copied into a translation. The values travel on the page to its new revision, where
localisation.changes stores them (the notes in TranslatorNotes, a small change in SmallChange).
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

NOTES_LIMIT = 2000


class TranslatorDeskPageForm(WagtailAdminPageForm):
    """The page editor's form with the notes for translators and, on English pages, the small-change box."""

    notes_for_translators = forms.CharField(
        label=_("Notes for translators"),
        required=False,
        max_length=NOTES_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anything translators should know: why a word was chosen, what a phrase must say. Readers never see this."),
    )
    small_change = forms.BooleanField(
        label=_("Small change (typo, spelling, formatting): translations do not need updating"),
        required=False,
        help_text=_("Tick this only when the meaning did not change. Otherwise translators are told that this page needs updating."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = getattr(self.instance, "locale", None) if getattr(self.instance, "locale_id", None) else None
        if locale is not None and locale.language_code != settings.LANGUAGE_CODE:
            # Translations have no notes of their own and never make other pages out of date.
            del self.fields["notes_for_translators"]
            del self.fields["small_change"]
            return
        if self.instance.pk:
            from localisation.models import TranslatorNotes

            notes = TranslatorNotes.objects.filter(translation_key=self.instance.translation_key).first()
            self.fields["notes_for_translators"].initial = notes.text if notes else ""
        # Always unticked: each publish decides for itself whether it was a small change.
        self.fields["small_change"].initial = False

    def save(self, commit=True):
        page = super().save(commit=commit)
        if "small_change" in self.fields:
            page._translator_desk = {
                "small_change": bool(self.cleaned_data.get("small_change")),
                "notes": self.cleaned_data.get("notes_for_translators", "").strip(),
            }
        return page


def translator_desk_panel():
    """The "For translators" panel at the end of every page type's content tab."""
    from wagtail.admin.panels import FieldPanel, MultiFieldPanel

    return MultiFieldPanel(
        [FieldPanel("notes_for_translators"), FieldPanel("small_change")],
        heading=_("For translators"),
    )
