"""When the English text changes for translators: every publish of an English page with changed
text, unless its author marked the revision as a small change (typo, spelling, formatting)."""

import hashlib

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue


def text_fingerprint(page):
    """A fingerprint of the text translators translate in this page (its strings, in order)."""
    digest = hashlib.sha256()
    for segment in extract_segments(page.specific if type(page) is Page else page):
        if isinstance(segment, StringSegmentValue):
            digest.update(segment.path.encode())
            digest.update(b"\x00")
            digest.update(segment.render_text().encode())
            digest.update(b"\x01")
    return digest.hexdigest()


def is_english(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def remember_desk_fields(sender, instance, created, **kwargs):
    """post_save of a Revision: store the editor's notes for translators and the small-change mark."""
    from localisation.models import SmallChange, TranslatorNotes

    field = Revision._meta.get_field("content_object")
    if not field.is_cached(instance):
        return
    page = field.get_cached_value(instance)
    desk = getattr(page, "_translator_desk", None)
    if desk is None or not isinstance(page, Page):
        return
    if desk["small_change"]:
        SmallChange.objects.get_or_create(revision=instance)
    else:
        SmallChange.objects.filter(revision=instance).delete()
    current = TranslatorNotes.objects.filter(translation_key=page.translation_key).first()
    if current is None and desk["notes"]:
        TranslatorNotes.objects.create(translation_key=page.translation_key, text=desk["notes"])
    elif current is not None and current.text != desk["notes"]:
        current.text = desk["notes"]
        current.save(update_fields=["text", "updated_at"])


def record_text_change(sender, instance, revision=None, **kwargs):
    """page_published: an English page whose text changed, not as a small change, makes its
    translations "needs update" from now."""
    from localisation.models import SmallChange, SourceTextChange

    page = instance
    if not is_english(page):
        return
    fingerprint = text_fingerprint(page)
    record = SourceTextChange.objects.filter(translation_key=page.translation_key).first()
    small = revision is not None and SmallChange.objects.filter(revision=revision).exists()
    if record is None:
        # Pages published before this record existed: compare with the publish before this one.
        earlier = (
            PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
            .exclude(revision_id=getattr(revision, "pk", None))
            .select_related("revision")
            .order_by("-timestamp", "-pk")
            .first()
        )
        changed = earlier is None or (text_fingerprint(earlier.revision.as_object()) != fingerprint and not small)
        SourceTextChange.objects.create(
            translation_key=page.translation_key,
            changed_at=timezone.now() if changed else earlier.timestamp,
            text_fingerprint=fingerprint,
        )
        return
    changed = fingerprint != record.text_fingerprint and not small
    record.text_fingerprint = fingerprint
    if changed:
        record.changed_at = timezone.now()
    record.save()
