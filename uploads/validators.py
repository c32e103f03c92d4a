"""Documents, video and audio are accepted for what they contain, not for the end of their name.

Wagtail and wagtailmedia only look at a file's name; these checks look inside it, so that a web page
or a program renamed to end in .pdf (or .mp4) is refused with a message that says what it really is.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import filetype

from uploads.captions import validate_captions
from uploads.file_types import describe, identify, looks_like_markup, read_all, read_head

# What each document type is called in a message: "This file is a web page, not a PDF document."
DOCUMENT_NAMES = {
    "pdf": gettext_lazy("a PDF document"),
    "docx": gettext_lazy("a Word document (.docx)"),
    "xlsx": gettext_lazy("an Excel spreadsheet (.xlsx)"),
    "odt": gettext_lazy("an OpenDocument text document (.odt)"),
    "rtf": gettext_lazy("a Rich Text document (.rtf)"),
    "txt": gettext_lazy("a plain text file (.txt)"),
    "csv": gettext_lazy("a CSV spreadsheet (.csv)"),
    "vtt": gettext_lazy("a WebVTT captions file (.vtt)"),
}
# The part inside a .docx or .xlsx that makes it one (Office Open XML keeps every file in a ZIP).
OFFICE_MAIN_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
OPENDOCUMENT_TEXT = b"application/vnd.oasis.opendocument.text"
# Text files may hold tabs and line breaks, never other control characters.
CONTROL_CHARACTERS = {chr(code) for code in range(32)} - {"\t", "\n", "\r", "\f"}
# What filetype may find inside each video or audio type editors can upload.
MEDIA_CONTENT = {
    "mp3": {"mp3"},
    "m4a": {"m4a", "mp4"},
    "wav": {"wav"},
    "ogg": {"ogg"},
    "oga": {"ogg"},
    "opus": {"ogg"},
    "ogv": {"ogg"},
    "mp4": {"mp4", "m4v"},
    "webm": {"webm"},
}


def extension_of(upload):
    return os.path.splitext(upload.name)[1][1:].lower()


def _endings(extensions):
    return get_text_list([f".{extension}" for extension in extensions], _("or"))


def _refuse(message, code, **params):
    raise ValidationError(message % params if params else message, code=code)


def refuse_as_not(upload, expected, extension):
    """Refuse a file that is not what its name says, naming what it really is when that is known."""
    kind, _format = identify(read_head(upload))
    if kind == "program":
        _refuse(
            _("This file is a program, not %(expected)s. Programs cannot be uploaded, because they could harm readers' computers."),
            "not_what_it_says",
            expected=expected,
        )
    if kind:
        _refuse(
            # Translators: for example "This file is a web page, not a PDF document. Save it as a PDF document and upload it again."
            _("This file is %(actual)s, not %(expected)s. Save it as %(expected)s and upload it again."),
            "not_what_it_says",
            actual=describe(kind),
            expected=expected,
        )
    _refuse(
        _(
            "This file is not %(expected)s, or it is damaged, although its name ends in .%(extension)s. "
            "Open it in the program that made it, save it as %(expected)s and upload it again."
        ),
        "not_what_it_says",
        expected=expected,
        extension=extension,
    )


def _zip_names(upload):
    """The names of the files inside a ZIP and its "mimetype" entry (OpenDocument), or (None, b"") if it is not a ZIP.

    Nothing else is unpacked, so a ZIP bomb costs nothing here.
    """
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            mimetype = archive.open("mimetype").read(100) if "mimetype" in names else b""
    except Exception:  # a damaged ZIP fails in many ways inside zipfile; all of them mean "not a ZIP"
        return None, b""
    finally:
        upload.seek(0)
    return names, mimetype


def _refuse_macros(names, expected):
    # Macros are small programs inside an office file; readers' computers may run them.
    if any(name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/")) for name in names):
        _refuse(
            _(
                "This file contains macros (small programs), which readers could run by mistake. Save it as %(expected)s without macros and upload it again."
            ),
            "macros",
            expected=expected,
        )


def _check_pdf(upload, extension):
    if read_head(upload, 5) != b"%PDF-":
        refuse_as_not(upload, DOCUMENT_NAMES[extension], extension)


def _check_rtf(upload, extension):
    if read_head(upload, 5) != b"{\\rtf":
        refuse_as_not(upload, DOCUMENT_NAMES[extension], extension)


def _check_office_open_xml(upload, extension):
    names, _mimetype = _zip_names(upload)
    if names is None or "[Content_Types].xml" not in names or OFFICE_MAIN_PARTS[extension] not in names:
        refuse_as_not(upload, DOCUMENT_NAMES[extension], extension)
    _refuse_macros(names, DOCUMENT_NAMES[extension])


def _check_opendocument_text(upload, extension):
    names, mimetype = _zip_names(upload)
    if names is None or mimetype.strip() != OPENDOCUMENT_TEXT:
        refuse_as_not(upload, DOCUMENT_NAMES[extension], extension)
    _refuse_macros(names, DOCUMENT_NAMES[extension])


def decode_text(data):
    """The text of a .txt or .csv file: UTF-8, UTF-16 with its byte-order mark, or Windows' Western encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    elif b"\x00" in data:
        return None
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if CONTROL_CHARACTERS.intersection(text) else text
    return None


def _check_text(upload, extension):
    text = decode_text(read_all(upload))
    if text is None:
        refuse_as_not(upload, DOCUMENT_NAMES[extension], extension)
    if looks_like_markup(text[:2048].encode()) == "web_page":
        _refuse(
            _("This file is a web page, not %(expected)s. Save it as PDF, or as plain text, and upload it again."),
            "not_what_it_says",
            expected=DOCUMENT_NAMES[extension],
        )


def _check_captions(upload, extension):
    kind, _format = identify(read_head(upload))
    if kind is not None:  # a web page, a program, a picture ...: not captions text at all
        refuse_as_not(upload, DOCUMENT_NAMES[extension], extension)
    validate_captions(read_all(upload))


DOCUMENT_CHECKS = {
    "pdf": _check_pdf,
    "rtf": _check_rtf,
    "docx": _check_office_open_xml,
    "xlsx": _check_office_open_xml,
    "odt": _check_opendocument_text,
    "txt": _check_text,
    "csv": _check_text,
    "vtt": _check_captions,
}


def document_extensions():
    return getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or sorted(DOCUMENT_CHECKS)


def validate_document(upload):
    """Refuse a document whose type is not allowed, or whose content is not what its name says."""
    extension = extension_of(upload)
    allowed = document_extensions()
    if extension not in allowed:
        kind, _format = identify(read_head(upload))
        if kind in ("program", "web_page", "svg"):
            _refuse(
                _("This file is %(actual)s. It cannot be uploaded as a document. You can upload files ending in %(endings)s."),
                "document_type",
                actual=describe(kind),
                endings=_endings(allowed),
            )
        _refuse(
            _("Files ending in .%(extension)s cannot be uploaded. You can upload files ending in %(endings)s."),
            "document_type",
            extension=extension or "?",
            endings=_endings(allowed),
        )
    check = DOCUMENT_CHECKS.get(extension)
    if check is None:
        # A type added to WAGTAILDOCS_EXTENSIONS without its own check: still keep out what could run.
        kind, _format = identify(read_head(upload))
        if kind in ("program", "web_page", "svg"):
            refuse_as_not(upload, f".{extension}", extension)
        return
    check(upload, extension)


def media_extensions(media_type):
    media_settings = getattr(settings, "WAGTAILMEDIA", {})
    audio = media_settings.get("AUDIO_EXTENSIONS", [])
    video = media_settings.get("VIDEO_EXTENSIONS", [])
    return {"audio": audio, "video": video}.get(media_type, audio + video)


def validate_media(upload, media_type):
    """Refuse a video or audio file whose type is not allowed, too big, or not what its name says."""
    extension = extension_of(upload)
    allowed = media_extensions(media_type)
    if extension not in allowed:
        if media_type == "audio":
            message = _("Files ending in .%(extension)s cannot be uploaded as audio. You can upload audio files ending in %(endings)s.")
        elif media_type == "video":
            message = _("Files ending in .%(extension)s cannot be uploaded as video. You can upload video files ending in %(endings)s.")
        else:
            message = _("Files ending in .%(extension)s cannot be uploaded. You can upload files ending in %(endings)s.")
        _refuse(message, "media_type", extension=extension or "?", endings=_endings(allowed))
    limit = getattr(settings, "MEDIA_MAX_UPLOAD_SIZE", None)
    if limit is not None and upload.size > limit:
        _refuse(
            _(
                "This file is too big (%(size)s). Video and audio files can be at most %(limit)s. Make it shorter or smaller and upload it again."
            ),
            "file_too_large",
            size=filesizeformat(upload.size),
            limit=filesizeformat(limit),
        )
    found = filetype.guess(read_head(upload))
    if extension not in MEDIA_CONTENT or (found is not None and found.extension in MEDIA_CONTENT[extension]):
        return
    if found is not None and found.mime.startswith(("audio/", "video/")):
        right_endings = [ending for ending, contents in MEDIA_CONTENT.items() if found.extension in contents and ending in allowed]
        if right_endings:
            _refuse(
                _(
                    "This file is saved as %(format)s, but its name ends in .%(extension)s. Rename it to end in .%(right)s and upload it again."
                ),
                "not_what_it_says",
                format=found.extension.upper(),
                extension=extension,
                right=right_endings[0],
            )
        _refuse(
            _(
                "This file is saved as %(format)s, which cannot be used here. Convert it to a file ending in %(endings)s and upload it again."
            ),
            "not_what_it_says",
            format=found.extension.upper(),
            endings=_endings(allowed),
        )
    refuse_as_not(upload, _("an audio file") if media_type == "audio" else _("a video"), extension)
