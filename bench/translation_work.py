"""Time the translation work a translator and an editor do on the biggest guide, the way the admin does it.

The timed guide (``guide-1``, with all its chapters) has no translation in the reserved language
(see ``build.reserved_language``). Each run translates it into that language, exports and imports
its PO files (one by one, as a ZIP, and as XLIFF), publishes it, changes an English chapter and
syncs its translations; then it
removes the new language's pages again, so the next run starts from the same site.
"""

import io
import time
import zipfile
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationLog, TranslationSource
from wagtail_localize.operations import translate_object, translate_page_subtree

import polib

from bench.build import reserved_language
from bench.server import BenchError
from guidance_pages.demo import DemoLoader
from guidance_pages.models import GuideChapterPage, GuidePage
from localisation import offline


@contextmanager
def timed(results, name, description):
    """Adds {"step", "description", "seconds"} to results for the time the block takes."""
    started = time.perf_counter()
    yield
    results.append({"step": name, "description": description, "seconds": round(time.perf_counter() - started, 3)})


def time_translation_work(guide):
    """Seconds for each step of translating ``guide`` and its chapters into the reserved language."""
    locale = Locale.objects.get(language_code=reserved_language())
    admin = get_user_model().objects.get(username="admin")
    chapters = list(GuideChapterPage.objects.child_of(guide))
    remove_translation(guide, chapters, locale)
    results = []
    pages = len(chapters) + 1

    # The admin's "Translate" action with "Include subtree": the guide, then its chapters.
    with timed(results, "create", f"translate the guide and its {len(chapters)} chapters (Translate, include subtree)"):
        translate_object(guide, [locale], user=admin)
        translate_page_subtree(guide.pk, [locale], None, admin)
    translations = list(
        Translation.objects.filter(source__object_id__in=[page.translation_key for page in [guide, *chapters]], target_locale=locale)
    )
    if len(translations) != pages:
        raise BenchError(f"Expected {pages} translations of the timed guide, found {len(translations)}.")

    # "Download PO file" for each page, as the translator would to work offline.
    with timed(results, "export_po", f"export {pages} PO files"):
        files = {translation.pk: str(translation.export_po()) for translation in translations}
    catalog = DemoLoader().catalog(locale.language_code)
    for translation in translations:
        po = polib.pofile(files[translation.pk])
        for entry in po:
            # Names and terms a translator keeps stay as they are; the rest is the demo catalog's.
            entry.msgstr = catalog.get(entry.msgid) or entry.msgid
        files[translation.pk] = str(po)

    # "Upload PO file" for each page: parse it and import its strings.
    with timed(results, "import_po", f"import {pages} translated PO files"):
        for translation in translations:
            translation.import_po(polib.pofile(files[translation.pk]), user=admin, tool_name="PO File")

    # "Work offline": one ZIP of every page's PO file, translated, uploaded back and checked whole.
    with timed(results, "export_zip", f"export a ZIP of {pages} PO files (Work offline)"):
        archive = offline.zip_of_translations(translations, "po")
    translated_zip = translate_zip(archive, catalog)
    with timed(results, "import_zip", f"check and import a ZIP of {pages} translated PO files"):
        checked = offline.read_upload(SimpleUploadedFile("translations.zip", translated_zip), admin, locale=locale)
        offline.import_files(checked, admin)
    if len(checked) != pages:
        raise BenchError(f"Expected {pages} files in the uploaded ZIP, {len(checked)} were imported.")

    # The same for CAT tools: one XLIFF file per page, then each uploaded back and checked.
    with timed(results, "export_xliff", f"export {pages} XLIFF files"):
        xliff_files = {translation.pk: offline.translation_file(translation, "xliff") for translation in translations}
    with timed(results, "import_xliff", f"check and import {pages} translated XLIFF files"):
        for translation in translations:
            name = offline.file_name(translation, "xlf")
            offline.import_files([offline.read_file(name, xliff_files[translation.pk], admin, expected=translation)], admin)

    with timed(results, "publish", f"publish the {pages} translated pages"):
        for translation in translations:
            with transaction.atomic():
                translation.save_target(user=admin, publish=True)

    # An editor changes an English chapter; then "Sync translated pages", publishing the updates.
    chapter = chapters[0]
    with timed(results, "edit_source", "edit and publish one English chapter"):
        chapter.summary = f"{chapter.summary.split(' (Checked ')[0]} (Checked {time.strftime('%Y-%m-%d %H:%M:%S')}.)"
        chapter.save_revision(user=admin).publish(user=admin)
    source = TranslationSource.objects.get(object_id=chapter.translation_key, locale=chapter.locale)
    synced = source.translations.filter(enabled=True).count()
    with timed(results, "sync", f"sync the chapter's {synced} translations and publish them"), transaction.atomic():
        source.update_from_db()
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            translation.save_target(user=admin, publish=True)

    remove_translation(guide, chapters, locale)
    return {"language": locale.language_code, "guide": guide.title, "chapters": len(chapters), "steps": results}


def translate_zip(archive, catalog):
    """The ZIP with every PO file translated from the demo catalog, as a translator would send it back."""
    translated = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(translated, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            po = polib.pofile(source.read(name).decode())
            for entry in po:
                entry.msgstr = catalog.get(entry.msgid) or entry.msgid
            target.writestr(name, str(po))
    return translated.getvalue()


def remove_translation(guide, chapters, locale):
    """Delete the guide's pages, translations and imported strings in this language, so every run starts alike."""
    keys = [page.translation_key for page in [guide, *chapters]]
    with transaction.atomic():
        for page in GuidePage.objects.filter(translation_key=guide.translation_key, locale=locale):
            page.delete()
        sources = TranslationSource.objects.filter(object_id__in=keys)
        Translation.objects.filter(source__in=sources, target_locale=locale).delete()
        TranslationLog.objects.filter(source__in=sources, locale=locale).delete()
        StringTranslation.objects.filter(context__object_id__in=keys, locale=locale).delete()
