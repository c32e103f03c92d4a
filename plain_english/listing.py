"""The plain-English score in page listings, read from the kept score: one join, no query per row."""

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

from plain_english.checker import reading_ease_label


def with_writing_score(queryset):
    """Pages with their kept reading ease and long sentence count (a LEFT JOIN, not a query per row)."""
    return queryset.annotate(
        plain_english_score=F("writing_score__reading_ease"),
        plain_english_long_sentences=F("writing_score__long_sentences"),
        plain_english_checked=F("writing_score__revision_id"),
        plain_english_language=F("locale__language_code"),
    )


def describe_score(page):
    if getattr(page, "plain_english_checked", None) is None:
        if getattr(page, "plain_english_language", settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE:
            return _("Translations are not checked")
        return _("Not checked yet")
    score = page.plain_english_score
    text = reading_ease_label(score) if score is None else f"{round(score)}: {reading_ease_label(score)}"
    if page.plain_english_long_sentences:
        text = _("%(score)s, %(count)d long sentences") % {"score": text, "count": page.plain_english_long_sentences}
    return text


plain_english_column = Column("plain_english", label=_("Plain English (reading ease)"), accessor=describe_score, width="18%")
