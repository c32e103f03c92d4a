"""What readers should know about a translated page: is it behind the English, or machine-made?"""

from django.conf import settings
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationLog

from localisation.models import SourceTextChange


def translation_status(page):
    """{"english": page, "english_updated": date} when the English changed after this translation
    was last updated, and {"machine": True} when some of its text was machine translated and no
    person has checked it since. Empty for English pages."""
    status = {}
    if page is None or not getattr(page, "pk", None) or page.locale.language_code == settings.LANGUAGE_CODE:
        return status
    # When the English text last changed for translators: a publish marked as a small change
    # (typo, spelling, formatting) does not count (localisation.changes). Pages published before
    # that was recorded count from their last publish.
    text_changed = SourceTextChange.objects.filter(translation_key=OuterRef("translation_key")).values("changed_at")[:1]
    english = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .annotate(text_changed_at=Coalesce(Subquery(text_changed), "last_published_at"))
        .first()
    )
    if english is not None:
        last_translated = TranslationLog.objects.filter(source__object_id=page.translation_key, locale_id=page.locale_id).aggregate(
            latest=Max("created_at")
        )["latest"]
        if last_translated and english.text_changed_at and english.text_changed_at > last_translated:
            status.update(english=english, english_updated=english.text_changed_at)
    status["machine"] = StringTranslation.objects.filter(
        context__object_id=page.translation_key, locale_id=page.locale_id, translation_type="machine"
    ).exists()
    return status
