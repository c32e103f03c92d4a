"""Machine-translated text that no person has checked yet: finding it, confirming it, and whether it blocks publishing.

wagtail-localize marks each string a machine filled in as ``translation_type="machine"``; a translator
editing the string makes it "manual". Confirming here does the same for strings a person read and
found right, and records who did it and when (MachineTextCheck).
"""

from django.db import transaction

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from editorial.models import MachineTextCheck, TranslationReviewTask


def unchecked_machine_text(instance):
    """The machine-translated strings of this translated page or snippet that nobody has checked."""
    return StringTranslation.objects.filter(
        context__object_id=instance.translation_key,
        locale_id=instance.locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )


def machine_text_must_be_checked(page):
    """True when this page's language review asks for machine text to be checked before publishing."""
    if not isinstance(page, Page):
        return False
    workflow = page.get_workflow()
    if workflow is None:
        return False
    return TranslationReviewTask.objects.filter(workflow_tasks__workflow=workflow, active=True, machine_text_must_be_checked=True).exists()


def publishing_blocked_by_machine_text(page):
    """True when this page may not be approved or published yet because of unchecked machine text."""
    return machine_text_must_be_checked(page) and unchecked_machine_text(page).exists()


@transaction.atomic
def confirm_machine_text(instance, user, string_translation_ids=None):
    """Turn unchecked machine strings (all, or the ones chosen) into a person's translation.

    Returns how many were confirmed."""
    strings = unchecked_machine_text(instance)
    if string_translation_ids is not None:
        strings = strings.filter(pk__in=string_translation_ids)
    count = 0
    # One save per string, as wagtail-localize's editor does, so the page cache sees the change.
    # updated_at is left alone: the text did not change, and the translators' desk reads a newer
    # updated_at as an edit readers cannot see until the translation is published again.
    for string in strings.select_for_update():
        string.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        string.tool_name = ""
        string.last_translated_by = user
        string.save(update_fields=["translation_type", "tool_name", "last_translated_by"])
        count += 1
    if count:
        MachineTextCheck.objects.create(
            translation_key=instance.translation_key, locale_id=instance.locale_id, checked_by=user, strings=count
        )
    return count
