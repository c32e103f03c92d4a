"""Real files, good and bad, for the upload tests: made here, so nothing is fetched or checked in."""

import io
import os
import struct
import wave
import zipfile
import zlib

from PIL import Image as PillowImage

WEB_PAGE = b"<!DOCTYPE html>\n<html><head><title>Hi</title></head><body><script>alert('hi')</script></body></html>\n"
SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("hi")</script><rect width="10" height="10"/></svg>\n'
)
# The start of a Windows program: the "MZ" header and the DOS stub message.
PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode.\r\n"
    + b"\x00" * 200
)
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)
RTF = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}}\\f0 Hello, readers.\\par}\n"
CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelcome to the group.\n\n00:00:04.000 --> 00:00:08.000\nمرحبا بكم.\n".encode()


def picture(size=(40, 30), format="PNG"):
    """A small real picture."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#3366aa").save(buffer, format=format)
    return buffer.getvalue()


def noisy_picture(size_in_bytes):
    """A real PNG of random pixels, which does not compress, so it is about this many bytes."""
    side = int((size_in_bytes / 3) ** 0.5) + 1
    pixels = PillowImage.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    pixels.save(buffer, format="PNG", compress_level=0)
    return buffer.getvalue()


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def decompression_bomb(width=30_000, height=30_000):
    """A valid black-and-white PNG of width × height pixels that is only about 100 KB on disk.

    Written chunk by chunk: Pillow would need the whole picture in memory (900 MB) to save it,
    which is exactly what the upload must never do.
    """
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then one bit per pixel
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", data) + _png_chunk(b"IEND", b"")


def _zip(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            name, content = stored_first
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED)
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def word_document(macros=False):
    """The parts that make a .docx (Office Open XML) file."""
    entries = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": "<Relationships/>", "word/document.xml": "<w:document/>"}
    if macros:
        entries["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0macros"
    return _zip(entries)


def excel_spreadsheet():
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": "<Relationships/>", "xl/workbook.xml": "<workbook/>"})


def opendocument_text():
    """An .odt file: a ZIP whose first entry, "mimetype", says what it is."""
    return _zip(
        {"content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest/>"},
        ("mimetype", "application/vnd.oasis.opendocument.text"),
    )


def plain_zip():
    return _zip({"notes.txt": "Just a folder of files."})


def sound(seconds=1):
    """A real WAV file: silence."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(8000)
        recording.writeframes(b"\x00\x00" * 8000 * seconds)
    return buffer.getvalue()


def mp4_start():
    """The first box of an MP4 video ("ftyp", brand isom), which is what says a file is MP4."""
    brands = b"isom" + b"\x00\x00\x02\x00" + b"isomiso2avc1mp41"
    return struct.pack(">I", 8 + len(brands)) + b"ftyp" + brands + struct.pack(">I", 8) + b"free"
