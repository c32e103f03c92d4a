"""What an uploaded file really is, judged by its first bytes rather than by its name.

Binary formats are recognised by filetype (pure Python, no system libmagic; Willow already uses it
to tell Wagtail what kind of picture a file is). Web pages and SVG drawings are text, which
filetype does not look at, so they are recognised here.
"""

from django.utils.translation import gettext_lazy as _

import filetype

# Enough for every signature filetype knows, and for the start of a web page.
HEAD_SIZE = 8192

PROGRAMS = {"exe", "elf", "wasm", "swf", "crx", "deb", "rpm", "nes", "dex", "cab"}
ARCHIVES = {"zip", "tar", "rar", "gz", "bz2", "7z", "xz", "zst", "lz", "lz4", "lzo", "Z", "ar", "br"}

# What the editor is told a file is: "This file is a web page, not a PDF document."
DESCRIPTIONS = {
    "web_page": _("a web page"),
    "svg": _("an SVG drawing"),
    "program": _("a program"),
    "archive": _("a compressed folder (such as a ZIP file)"),
    "picture": _("a picture"),
    "sound": _("a sound recording"),
    "video": _("a video"),
    "pdf": _("a PDF document"),
    "rtf": _("a Rich Text document"),
    "word": _("a Word document"),
    "excel": _("an Excel spreadsheet"),
    "powerpoint": _("a PowerPoint presentation"),
    "opendocument": _("an OpenDocument file"),
    "ebook": _("an e-book"),
    "database": _("a database file"),
    "font": _("a font"),
}
BY_EXTENSION = {
    "pdf": "pdf",
    "rtf": "rtf",
    "doc": "word",
    "docx": "word",
    "xls": "excel",
    "xlsx": "excel",
    "ppt": "powerpoint",
    "pptx": "powerpoint",
    "odt": "opendocument",
    "ods": "opendocument",
    "odp": "opendocument",
    "epub": "ebook",
    "sqlite": "database",
}


def read_head(upload, size=HEAD_SIZE):
    """The first bytes of an uploaded file, leaving it ready to be read again from the start."""
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def looks_like_markup(head):
    """ "web_page" or "svg" when the file is HTML or an SVG drawing, whatever its name; None otherwise."""
    text = head[:2048].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html")):
        return "web_page"
    if not text.startswith("<"):
        return None
    if "<svg" in text:
        return "svg"
    if any(tag in text for tag in ("<html", "<head", "<body", "<script", "<iframe", "<meta", "<a ", "<div", "<p>")):
        return "web_page"
    return None


def identify(head):
    """A short name for what the file is ("web_page", "program", "picture" ...), or None if unknown.

    Also returns filetype's own name for the format (such as "gif" or "heic"), or "".
    """
    markup = looks_like_markup(head)
    if markup:
        return markup, ""
    kind = filetype.guess(head)
    if kind is None:
        return None, ""
    if kind.extension in PROGRAMS:
        return "program", kind.extension
    if kind.extension in BY_EXTENSION:
        return BY_EXTENSION[kind.extension], kind.extension
    if kind.extension in ARCHIVES:
        return "archive", kind.extension
    if filetype.is_image(head):
        return "picture", kind.extension
    if filetype.is_video(head):
        return "video", kind.extension
    if filetype.is_audio(head):
        return "sound", kind.extension
    if filetype.is_font(head):
        return "font", kind.extension
    return None, kind.extension


def describe(kind):
    """What to call a kind of file in a message to an editor."""
    return DESCRIPTIONS.get(kind)
