"""Which release of the code this is, so what an earlier release kept for readers is never served.

Pages and fragments kept for readers live as long as the content does not change, in Redis or in
files shared by every process. A deploy changes templates, styles and the hashed names of static
files without changing the content, so whatever an earlier release kept must not be served by
this one (its pages would point at style sheets that are no longer there). Every key kept for
readers therefore carries the release. By default the release is a fingerprint of the code,
templates, static sources, catalogs and pinned requirements, so any deploy that changes them
starts afresh; ``RELEASE_ID`` (a commit hash, say) names it instead.

Settings taken from the environment that show on reader pages are part of the release too,
whatever ``RELEASE_ID`` says: a new "Leave this site" address (``QUICK_EXIT_URL``) must reach
every page at the next start, not when the content next changes.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

FINGERPRINTED = {".py", ".html", ".js", ".css", ".svg", ".po"}
# Folders at the top of the project that hold no shipped source (uploads, collected static files, ...).
NOT_SHIPPED = {"tests", "bench", "media", "static", "docs", "node_modules"}


# Settings whose values appear in what readers get: addresses, languages, dates, headers kept with pages.
READER_SETTINGS = [
    "QUICK_EXIT_URL",
    "LANGUAGE_CODE",
    "TIME_ZONE",
    "STATIC_URL",
    "MEDIA_URL",
    "WAGTAIL_SITE_NAME",
    "PAGE_CACHE_SECONDS",
    "PAGE_CACHE_CDN_SECONDS",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
]


@cache
def release():
    """A short name for this release: ``RELEASE_ID`` or the code's fingerprint, and the reader settings'."""
    code = os.environ.get("RELEASE_ID", "").strip()[:40] or fingerprint(Path(settings.BASE_DIR))
    return f"{code}-{settings_fingerprint()}"


def settings_fingerprint():
    """A hash of the reader settings' values, the same in every process that has the same settings."""
    values = {name: str(getattr(settings, name, None)) for name in READER_SETTINGS}
    # Codes only: language names are translated lazily and differ in their text, not in what is shown.
    values["LANGUAGES"] = [code for code, _name in settings.LANGUAGES]
    values["WAGTAIL_CONTENT_LANGUAGES"] = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    digest = hashlib.blake2b(repr(sorted(values.items())).encode(), digest_size=4)
    return digest.hexdigest()


def fingerprint(root):
    """A hash of every shipped source file under ``root``, by path and content (about 20 ms)."""
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(_shipped_files(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _shipped_files(root):
    for folder, folders, files in os.walk(root):
        top = Path(folder) == root
        folders[:] = [name for name in folders if not name.startswith(".") and name != "__pycache__" and not (top and name in NOT_SHIPPED)]
        for name in files:
            path = Path(folder, name)
            if path.suffix in FINGERPRINTED or name.startswith("requirements"):
                yield path
