"""Keeps each English page's plain-English score up to date, so page listings show it without extra work."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Locale, Revision, get_default_page_content_type

from plain_english.page_text import check_texts, is_checked, page_texts


def score_revision(revision):
    """Check the page as it is in this revision and keep the result (one row per page)."""
    from plain_english.models import WritingScore

    if revision.base_content_type_id != get_default_page_content_type().pk:
        return None  # a snippet's revision
    english = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True).first()
    if revision.content.get("locale") != english:
        return None  # translations are not checked
    page = revision.as_object()
    if not is_checked(page):
        return None
    report = check_texts(page_texts(page))
    score, _created = WritingScore.objects.update_or_create(
        page_id=int(revision.object_id),
        defaults={
            "revision_id": revision.pk,
            "reading_ease": report.reading_ease,
            "words": report.words,
            "long_sentences": len(report.long_sentences),
            "advice": report.advice_count,
        },
    )
    return score


@receiver(post_save, sender=Revision)
def score_new_revision(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        score_revision(instance)
