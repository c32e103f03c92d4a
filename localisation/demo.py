"""Demo translation work, so a translator's dashboard is not empty on a fresh demo site: one English
chapter changed after it was translated (so it needs updating), assigned to the Arabic translator,
with a note from the authors."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale

from localisation.models import TranslationAssignment, TranslatorNotes

DEMO_TRANSLATOR = "translator-ar"
DEMO_COORDINATOR = "reviewer"
CHANGED_SUMMARY_ENDING = " Updated with what new trustees told us after their first year."
DEMO_NOTE = (
    "“Tokenism” means inviting someone only to be seen to include them. Please use a word readers "
    "will understand rather than the English word."
)


def demo_translation_work(guide, note=print):
    """Change the guide's last English chapter after its translation, and assign its Arabic update.
    Runs once: nothing is done when the assignment already exists."""
    User = get_user_model()
    arabic = Locale.objects.filter(language_code="ar").first()
    translator = User.objects.filter(username=DEMO_TRANSLATOR).first()
    if guide is None or arabic is None or translator is None:
        return
    chapter = guide.get_children().specific().order_by("-path").first()
    if chapter is None or chapter.locale.language_code != settings.LANGUAGE_CODE:
        return
    if TranslationAssignment.objects.filter(translation_key=chapter.translation_key, locale=arabic).exists():
        return
    with transaction.atomic():
        TranslatorNotes.objects.update_or_create(translation_key=chapter.translation_key, defaults={"text": DEMO_NOTE})
        if not chapter.summary.endswith(CHANGED_SUMMARY_ENDING):
            chapter.summary = (chapter.summary + CHANGED_SUMMARY_ENDING)[:300]
            chapter.save_revision(user=User.objects.filter(username="admin").first()).publish()
        TranslationAssignment.objects.create(
            translation_key=chapter.translation_key,
            locale=arabic,
            translator=translator,
            assigned_by=User.objects.filter(username=DEMO_COORDINATOR).first(),
        )
    note(f"changed the English of “{chapter.title}” after its translation, and assigned its Arabic update to {DEMO_TRANSLATOR}")
