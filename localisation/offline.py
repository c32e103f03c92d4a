"""Working offline: translators download PO (or XLIFF) files for their language and upload them back.

Every uploaded file is checked before anything is saved, and a ZIP is imported all or nothing:
a damaged, stale, wrong-language or unsafe file is refused with a message naming the file and
the problem. The checks for one page's file (editorial/translating.py) are the same ones.
Translations marked as needing work (fuzzy) are left out, as msgfmt leaves them out, and counted.
"""

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import polib

from editorial.snippet_permissions import user_can_edit_instance
from localisation import xliff
from localisation.states import NEEDS_UPDATE, NOT_STARTED, items_needing_work

# The largest PO or XLIFF file of one page: a long guide's file is a few hundred kilobytes.
LARGEST_TRANSLATION_FILE = 5 * 1024 * 1024
# A ZIP of a whole language: its size as uploaded, unpacked, and how many files it may hold.
LARGEST_ZIP = 20 * 1024 * 1024
LARGEST_UNPACKED_ZIP = 50 * 1024 * 1024
MOST_FILES_IN_ZIP = 500

# Headers every downloaded PO file carries, so an upload can be matched and checked.
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"  # wagtail-localize's own
SOURCE_VERSION_HEADER = "X-Source-Version"  # when the English was last synced into the translation
LANGUAGE_HEADER = "Language"

TOOL_NAME = "PO File"

# Elements that run code, load something or take input: refused from their first characters, since a
# browser may still make a tag of them when the text around them has the missing ">".
DANGEROUS_ELEMENTS = (
    "script|iframe|frame|frameset|img|image|svg|math|object|embed|applet|style|link|meta|base|form|input|"
    "button|textarea|select|video|audio|source|template|body|html"
)
# Real markup: a complete tag (<b>, </p>, <a href=...>), a comment, a document type or processing
# instruction, or the opening of a dangerous element. A lone "<" in text ("3 < 5", "<3", "a<b") is not.
MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<[!?][a-zA-Z\[][^<>]*>?"
    rf"|</?(?:{DANGEROUS_ELEMENTS})(?![a-zA-Z0-9-])[^<>]*>?"
    r"|</?[a-zA-Z][^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
SCRIPT_ADDRESS = re.compile(r"(java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE)


class FileProblem(Exception):
    """An uploaded file that must be refused; ``str()`` is the message for the translator."""

    def __init__(self, file_name, problem):
        self.file_name = file_name
        self.problem = problem
        super().__init__(_("%(file)s: %(problem)s") % {"file": file_name, "problem": problem})


@dataclass
class CheckedFile:
    """One uploaded file that passed every check, ready to import into its translation."""

    name: str
    translation: Translation
    catalog: polib.POFile
    # Translations left out because the translator marked them as needing work (fuzzy in PO, a
    # "needs-..." or "new" state in XLIFF): msgfmt leaves them out too, and they are not checked work.
    needs_work: int = 0

    @property
    def saves_nothing(self):
        """True when every translation in the file was left out as needing work."""
        return bool(self.needs_work) and not any(entry.msgstr for entry in self.catalog if not entry.obsolete)


# Downloading


def source_version(translation):
    """The version of the English a file was made from: when it was last synced into wagtail-localize."""
    return translation.source.last_updated_at.isoformat()


def translation_catalog(translation):
    """wagtail-localize's PO file of a translation, with the language and source version in its header."""
    catalog = translation.export_po()
    catalog.metadata[LANGUAGE_HEADER] = translation.target_locale.language_code
    catalog.metadata[SOURCE_VERSION_HEADER] = source_version(translation)
    catalog.metadata["X-Source-Title"] = translation.source.object_repr
    return catalog


def readable_name(translation):
    """A file name a translator recognises: the page's place on the site, e.g. guides/guide/chapter."""
    instance = translation.source.get_source_instance()
    if isinstance(instance, Page):
        parts = [part for part in instance.url_path.strip("/").split("/")[1:] if part]
        return "/".join(parts) or "home"
    return f"{slugify(instance._meta.verbose_name_plural)}/{slugify(str(instance))[:60] or instance.pk}"


def file_name(translation, extension):
    """e.g. guides/recruiting-trustees/why-it-matters.ar.po"""
    return f"{readable_name(translation)}.{translation.target_locale.language_code}.{extension}"


def translation_file(translation, file_format):
    """The bytes of one translation's file in "po" or "xliff"."""
    catalog = translation_catalog(translation)
    if file_format == "xliff":
        return xliff.catalog_to_xliff(catalog, readable_name(translation), settings.LANGUAGE_CODE)
    return str(catalog).encode("utf-8")


def extension(file_format):
    return "xlf" if file_format == "xliff" else "po"


def zip_of_translations(translations, file_format="po"):
    """A ZIP holding one file per translation, named by where the page is."""
    buffer = io.BytesIO()
    used = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            name = file_name(translation, extension(file_format))
            stem, dot, rest = name.partition(".")
            number = 2
            while name in used:
                name = f"{stem}-{number}{dot}{rest}"
                number += 1
            used.add(name)
            archive.writestr(name, translation_file(translation, file_format))
    return buffer.getvalue()


def translations_to_download(user, locale):
    """Translations into ``locale`` that need work (in progress or needing an update) that ``user`` may edit.

    For a page whose English changed since wagtail-localize last read it, it first reads the new
    English (as "Get the new English text" on the translator's desk does), so the file holds it.
    """
    items = [item for item in items_needing_work(locale) if item.translation_id and item.state != NOT_STARTED]
    translations = Translation.objects.in_bulk([item.translation_id for item in items])
    wanted = []
    for item in items:
        translation = translations.get(item.translation_id)
        if translation is None:
            continue
        try:
            instance = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue  # its page was deleted: nothing to download
        if not user_can_edit_instance(user, instance):
            continue
        # Read the English again only if it changed after wagtail-localize last read it: reading it
        # again each time would make every file downloaded before out of date.
        if item.state == NEEDS_UPDATE and item.changed_at and (item.source_updated_at is None or item.changed_at > item.source_updated_at):
            try:
                translation.source.update_from_db()
            except ObjectDoesNotExist:
                continue  # the English was deleted
        wanted.append(translation)
    return wanted


# Uploading


def read_file(name, content, user, locale=None, expected=None):
    """Checks one uploaded PO or XLIFF file and returns it matched to its translation, or raises FileProblem.

    ``locale``: the language the translator chose (for a ZIP); ``expected``: the translation
    whose editor the file was uploaded from (for one file).
    """
    if not content:
        raise FileProblem(name, _("This file is empty. Upload the PO file you downloaded for this page and translated."))
    if len(content) > LARGEST_TRANSLATION_FILE:
        raise FileProblem(name, _("This file is too big to be a translation of one page. Upload the PO file you downloaded for this page."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            name, _("This file is not saved as UTF-8 text. In your PO editor, save it with the encoding UTF-8 and upload it again.")
        ) from None
    if "\x00" in text:
        raise FileProblem(name, _("This is not a PO file. Upload the PO file you downloaded for this page and translated."))
    if is_xliff(name, text):
        try:
            catalog = xliff.xliff_to_catalog(content)
        except xliff.NotXliff:
            raise FileProblem(
                name, _("This is not an XLIFF file, or it is damaged. Upload the XLIFF file you downloaded and translated.")
            ) from None
        except xliff.NewerXliff:
            raise FileProblem(
                name, _("This file is in XLIFF 2. In your translation tool, save it as XLIFF 1.2 and upload it again.")
            ) from None
    else:
        catalog = parse_po(name, text)

    translation = matching_translation(name, catalog, locale, expected)
    if not same_language(catalog.metadata.get(LANGUAGE_HEADER, translation.target_locale.language_code), translation.target_locale):
        raise FileProblem(name, another_language(translation.target_locale))
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:  # the translated page was deleted since
        instance = None
    if not translation.enabled:
        raise FileProblem(name, _("This page is no longer translated from the English here, so this file cannot be used."))
    if instance is None or not user_can_edit_instance(user, instance):
        raise FileProblem(name, _("You may not translate this page in this language, so this file cannot be used."))
    if catalog.metadata.get(SOURCE_VERSION_HEADER) != source_version(translation):
        raise FileProblem(
            name,
            _(
                "The English text of this page changed after this file was made, so it is out of date. "
                "Download it again, copy your translations into it and upload the new file."
            ),
        )
    needs_work = leave_out_needing_work(catalog)
    known = english_strings(translation)
    for entry in catalog:
        if entry.msgstr and (entry.msgctxt, entry.msgid) not in known:
            raise FileProblem(
                name,
                _(
                    "The English text “%(text)s” in this file is not on the page. Change only the translations, never the "
                    "English lines; download the file again if you need to."
                )
                % {"text": shorten(entry.msgid)},
            )
        unsafe = unsafe_markup(entry.msgid, entry.msgstr)
        if unsafe:
            raise FileProblem(
                name,
                _(
                    "The translation of “%(text)s” contains “%(markup)s”, which the English does not have. "
                    "Translations may only keep the formatting of the English text. Remove it and upload the file again."
                )
                % {"text": shorten(entry.msgid), "markup": shorten(unsafe)},
            )
    return CheckedFile(name=name, translation=translation, catalog=catalog, needs_work=needs_work)


def leave_out_needing_work(catalog):
    """Empties the translations marked as needing work (fuzzy), as msgfmt does; returns how many the
    translator can see (obsolete entries are hidden in PO editors)."""
    count = 0
    for entry in catalog:
        if not entry.fuzzy or not (entry.msgstr or any(entry.msgstr_plural.values())):
            continue
        entry.msgstr = ""
        entry.msgstr_plural = {}
        if not entry.obsolete:
            count += 1
    return count


def needs_work_note(checked):
    """What to tell the translator about translations left out as needing work, or None when there were none."""
    if not checked.needs_work:
        return None
    if checked.saves_nothing:
        problem = _(
            "Nothing in this file was saved: every translation in it is marked as needing work (fuzzy). "
            "Check them in your PO editor or CAT tool, then upload the file again."
        )
    else:
        problem = ngettext(
            "%(count)s translation marked as needing work (fuzzy) was not saved: check it in your PO editor or CAT tool, "
            "then upload the file again.",
            "%(count)s translations marked as needing work (fuzzy) were not saved: check them in your PO editor or CAT tool, "
            "then upload the file again.",
            checked.needs_work,
        ) % {"count": checked.needs_work}
    return _("%(file)s: %(problem)s") % {"file": checked.name, "problem": problem}


def english_strings(translation):
    """{(context, English text)} a file for this translation may hold: the page's strings now, and
    earlier strings that still have a translation (wagtail-localize exports those as obsolete)."""
    current = StringSegment.objects.filter(source=translation.source).values_list("context__path", "string__data")
    earlier = StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, locale=translation.target_locale
    ).values_list("context__path", "translation_of__data")
    return set(current) | set(earlier)


def is_xliff(name, text):
    """By its name; a file named neither .po nor .xlf is XLIFF if it starts like XML."""
    lowered = name.lower()
    if lowered.endswith((".xlf", ".xliff")):
        return True
    return not lowered.endswith(".po") and text.lstrip().startswith("<?xml")


def parse_po(name, text):
    """The PO file as a catalog; FileProblem when it is not one or is damaged.

    polib reads a damaged file without complaint (a text cut off before its closing quote mark is
    saved cut off), so every line is checked first, as msgfmt would.
    """
    not_po = FileProblem(
        name, _("This is not a PO file, or it is damaged. Upload the PO file you downloaded for this page and translated.")
    )
    if "msgid" not in text:
        raise not_po
    damage = po_damage(text)
    if damage:
        line, unclosed = damage
        if unclosed:
            problem = _(
                "This is not a PO file, or it is damaged. The problem is at line %(line)s: a text is not closed with a quote mark. "
                "Download the file again, or open it in your PO editor and save it again."
            )
        else:
            problem = _(
                "This is not a PO file, or it is damaged. The problem is at line %(line)s: it is not written the way PO files are. "
                "Download the file again, or open it in your PO editor and save it again."
            )
        raise FileProblem(name, problem % {"line": line})
    try:
        return polib.pofile(text)
    except (OSError, ValueError):
        raise not_po from None


# A PO line: a keyword and its quoted text, or a quoted text continuing the one above.
PO_KEYWORD = re.compile(r"(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])(?=\s|\")\s*")
PO_TEXT = re.compile(r'"(?:[^"\\]|\\.)*"\s*\Z')
PO_UNCLOSED_TEXT = re.compile(r'"(?:[^"\\]|\\.)*\\?\Z')


def po_damage(text):
    """(line number, whether a text is not closed) of the first line a PO file cannot have, or None."""
    # Lines end as gettext ends them; str.splitlines() would also break at characters a text may hold.
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword = PO_KEYWORD.match(line)
        rest = line[keyword.end() :] if keyword else line
        if PO_TEXT.match(rest):
            continue
        return number, bool(PO_UNCLOSED_TEXT.match(rest))
    return None


def same_language(code, locale):
    """Whether a file's language code is the locale's language, ignoring region and case: ar_EG, ar-SA
    and AR are Arabic, arz (Egyptian Arabic) is not."""

    def primary(code):
        return re.split(r"[-_@.]", code.strip(), maxsplit=1)[0].lower()

    return primary(code) == primary(locale.language_code)


def another_language(locale):
    return _("This file is for another language, not %(language)s. Download the file for %(language)s and translate that one.") % {
        "language": locale.get_display_name()
    }


def matching_translation(name, catalog, locale, expected):
    """The translation the file was made for, refused when it belongs to another page or language."""
    mark = catalog.metadata.get(TRANSLATION_ID_HEADER, "")
    if expected is not None:
        if mark != str(expected.uuid):
            raise FileProblem(
                name,
                _(
                    "This PO file was made for another page or another language. Download the PO file from this page's "
                    "translation, translate it and upload that one."
                ),
            )
        return expected
    translation = Translation.objects.filter(uuid=mark).select_related("source", "target_locale").first() if is_uuid(mark) else None
    if translation is None:
        raise FileProblem(
            name, _("This file was not downloaded from this site, or its page was deleted. Use the files you downloaded here.")
        )
    if locale is not None and translation.target_locale_id != locale.pk:
        raise FileProblem(name, another_language(locale))
    return translation


def is_uuid(text):
    return bool(re.fullmatch(r"[0-9a-fA-F-]{32,36}", text or ""))


def unsafe_markup(source, translated):
    """The first tag or script address in a translation that its English text does not have, or None.

    Rich text segments carry their formatting as tags (<b>, <a id="a1">); a translation may use
    those same tags, and nothing else: no <script>, no on…= handlers, no javascript: links.
    """
    allowed = Counter(normalise_tag(tag) for tag in MARKUP.findall(source))
    for tag in MARKUP.findall(translated or ""):
        if normalise_tag(tag) not in allowed:
            return tag
    match = SCRIPT_ADDRESS.search(translated or "")
    if match and not SCRIPT_ADDRESS.search(source):
        return match.group(0)
    return None


def normalise_tag(tag):
    return " ".join(tag.replace("'", '"').split())


def shorten(text, most=60):
    text = " ".join(text.split())
    return text if len(text) <= most else f"{text[: most - 1]}…"


def read_zip(name, upload, user, locale):
    """Checks every file in an uploaded ZIP; returns them all, or raises FileProblem for the first bad one."""
    if upload.size > LARGEST_ZIP:
        raise FileProblem(
            name, _("This ZIP file is too big. Upload at most %(count)s megabytes at a time.") % {"count": LARGEST_ZIP // 2**20}
        )
    try:
        archive = zipfile.ZipFile(upload)
        members = [info for info in archive.infolist() if not info.is_dir() and not is_clutter(info.filename)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FileProblem(name, _("This ZIP file is damaged. Download the files again and make a new ZIP.")) from None
    if not members:
        raise FileProblem(name, _("This ZIP file has no PO or XLIFF files in it."))
    if len(members) > MOST_FILES_IN_ZIP:
        raise FileProblem(name, _("This ZIP file holds too many files. Upload at most %(count)s at a time.") % {"count": MOST_FILES_IN_ZIP})
    if sum(info.file_size for info in members) > LARGEST_UNPACKED_ZIP:
        raise FileProblem(name, _("This ZIP file unpacks to too much data. Upload only the files you translated."))
    checked = []
    unpacked = 0
    seen = {}
    for info in members:
        inner = f"{name} › {info.filename}"
        if info.flag_bits & 0x1:
            raise FileProblem(inner, _("This file is protected by a password. Make the ZIP again without a password."))
        if not info.filename.lower().endswith((".po", ".xlf", ".xliff")):
            raise FileProblem(inner, _("Only PO and XLIFF files can be uploaded. Take this file out of the ZIP."))
        content = read_member(archive, info, inner)
        unpacked += len(content)
        if unpacked > LARGEST_UNPACKED_ZIP:
            raise FileProblem(name, _("This ZIP file unpacks to too much data. Upload only the files you translated."))
        result = read_file(inner, content, user, locale=locale)
        if result.translation.pk in seen:
            raise FileProblem(
                inner,
                _("This is a second file for the same page as %(other)s. Keep only one of them.") % {"other": seen[result.translation.pk]},
            )
        seen[result.translation.pk] = info.filename
        checked.append(result)
    return checked


def is_clutter(path):
    """Folders and hidden files that zip tools on Mac and Windows add by themselves."""
    parts = path.split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith(".") or parts[-1] in ("Thumbs.db", "desktop.ini")


def read_member(archive, info, name):
    """A file's bytes, read no further than the largest allowed file (its stated size may lie)."""
    try:
        with archive.open(info) as member:
            content = member.read(LARGEST_TRANSLATION_FILE + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise FileProblem(name, _("This file in the ZIP is damaged. Download the files again and make a new ZIP.")) from None
    if len(content) > LARGEST_TRANSLATION_FILE:
        raise FileProblem(name, _("This file is too big to be a translation of one page. Upload the PO file you downloaded for this page."))
    return content


def read_upload(upload, user, locale=None, expected=None):
    """Checks an uploaded PO, XLIFF or ZIP file; returns the checked files, or raises FileProblem."""
    name = upload.name or "file"
    if not upload.size:
        raise FileProblem(name, _("This file is empty. Upload the PO file you downloaded for this page and translated."))
    if name.lower().endswith(".zip") or (expected is None and zipfile.is_zipfile(upload)):
        if expected is not None:
            raise FileProblem(name, _("Upload one page's PO or XLIFF file here. Upload a ZIP on the “Work offline” page."))
        return read_zip(name, upload, user, locale)
    upload.seek(0)
    content = upload.read(LARGEST_TRANSLATION_FILE + 1)
    return [read_file(name, content, user, locale=locale, expected=expected)]


@transaction.atomic
def import_files(checked, user):
    """Saves the translated strings of files that passed every check, all of them or none; returns how
    many files had something to save (a file of translations all needing work has nothing)."""
    saving = [result for result in checked if not result.saves_nothing]
    for result in saving:
        result.translation.import_po(result.catalog, user=user, tool_name=TOOL_NAME)
    return len(saving)
