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
    from localisation.models import SourceTextChange

    page = instance
    if not is_english(page):
        return
    fingerprint = text_fingerprint(page)
    record = SourceTextChange.objects.filter(translation_key=page.translation_key).first()
    earlier = _previous_publish(page, revision)
    if record is not None:
        before = record.text_fingerprint
    else:
        # Pages published before this record existed: compare with the publish before this one.
        before = text_fingerprint(earlier.revision.as_object()) if earlier is not None else None
    changed = before != fingerprint and (before is None or not _only_small_changes(page, revision, fingerprint, before, earlier))
    if record is None:
        SourceTextChange.objects.create(
            translation_key=page.translation_key,
            changed_at=timezone.now() if changed else earlier.timestamp,
            text_fingerprint=fingerprint,
        )
        return
    record.text_fingerprint = fingerprint
    if changed:
        record.changed_at = timezone.now()
    record.save()


def _previous_publish(page, revision):
    """The log entry of the publish before this one, or None for a first publish."""
    return (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision_id=getattr(revision, "pk", None))
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )


def _only_small_changes(page, revision, fingerprint, before, earlier):
    """True when every text change since the last publish was in a revision marked as a small change,
    the published one included.

    The small-change box describes its own revision's edit only: a change of meaning saved as a
    draft, then published with a ticked typo fix, still asks translators for an update. Walks back
    from the published revision, through the drafts saved since the last publish, until the text
    is what was last published. Drafts in between that changed no text need no tick."""
    from localisation.models import SmallChange

    if revision is None:
        return False
    revisions = page.revisions.filter(pk__lte=revision.pk)
    if earlier is not None:
        revisions = revisions.filter(pk__gte=earlier.revision_id)
    revisions = list(revisions.order_by("-pk"))
    if not revisions or revisions[0].pk != revision.pk:
        return False  # an older revision published again (a rollback): its text is a real change
    small = set(SmallChange.objects.filter(revision__in=revisions).values_list("revision_id", flat=True))
    if revision.pk not in small:
        return False  # each publish says for itself whether it was a small change
    later, later_fingerprint = revision, fingerprint
    for older in revisions[1:]:
        older_fingerprint = text_fingerprint(older.as_object())
        if older_fingerprint != later_fingerprint and later.pk not in small:
            return False
        if older_fingerprint == before:
            return True
        later, later_fingerprint = older, older_fingerprint
    return False


def record_snippet_text_change(sender, instance, created, raw=False, **kwargs):
    """post_save of an English snippet (contributor, glossary term, menu, footer): changed text makes
    its translations "needs update". Snippets have no publish step, so every save counts."""
    from wagtail_localize.models import TranslationSource

    from localisation.models import SourceTextChange

    if raw or not is_english(instance):
        return
    fingerprint = text_fingerprint(instance)
    record = SourceTextChange.objects.filter(translation_key=instance.translation_key).first()
    if record is None:
        # Before this was recorded: compare with the text translators last received, if any.
        source = TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id).first()
        before = text_fingerprint(source.as_instance()) if source is not None else None
        SourceTextChange.objects.create(
            translation_key=instance.translation_key,
            changed_at=timezone.now() if before != fingerprint else source.last_updated_at,
            text_fingerprint=fingerprint,
        )
    elif record.text_fingerprint != fingerprint:
        record.text_fingerprint = fingerprint
        record.changed_at = timezone.now()
        record.save()
