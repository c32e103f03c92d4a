"""The reader's feedback form, and the rules that keep bad input out."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from feedback.models import COMMENT_MAX_LENGTH
from guidance_pages.models import GuideChapterPage

# Control characters other than tab and line breaks only come from binary data, never a reader.
BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
MARKUP = re.compile(r"<[a-zA-Z!?/]|javascript\s*:", re.IGNORECASE)
# Wagtail's page ids are 32-bit; a larger number is no page (and SQLite cannot even compare it).
LARGEST_PAGE_ID = 2**31 - 1


class FeedbackForm(forms.Form):
    """Was this page useful? Yes or no, and optionally what could be better."""

    page = forms.IntegerField(
        min_value=1,
        max_value=LARGEST_PAGE_ID,
        error_messages={
            "required": _("We could not tell which page this is about."),
            "min_value": _("This page does not exist or is not published."),
            "max_value": _("This page does not exist or is not published."),
        },
    )
    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        error_messages={
            "required": _("Please choose Yes or No."),
            "invalid_choice": _("Please choose Yes or No."),
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={"max_length": _("Please keep your comment under %(limit_value)d characters.")},
    )
    # Left empty by people; filled in by robots that fill in every field. Hidden from people.
    website = forms.CharField(required=False)

    def __init__(self, *args, language_code, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_code = language_code

    def clean_page(self):
        page = GuideChapterPage.objects.live().public().filter(pk=self.cleaned_data["page"]).select_related("locale").first()
        if page is None:
            raise forms.ValidationError(_("This page does not exist or is not published."))
        if page.locale.language_code != self.language_code and not self.is_shown_untranslated(page):
            raise forms.ValidationError(_("This page is not in the language of this address."))
        return page

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if BINARY.search(comment):
            raise forms.ValidationError(_("Your comment has characters we cannot read. Please type it again."))
        if MARKUP.search(comment):
            raise forms.ValidationError(_("Please write your comment as plain text, without code or HTML tags."))
        return comment

    def is_shown_untranslated(self, page):
        """An English page read under the reader's language because it has no translation yet."""
        return page.locale.language_code == settings.LANGUAGE_CODE and not (
            page.get_translations().live().filter(locale__language_code=self.language_code).exists()
        )

    def is_from_a_robot(self):
        return bool(self.data.get("website"))
