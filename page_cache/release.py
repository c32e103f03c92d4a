"""Which release of the code this is, so what an earlier release kept for readers is never served.

Pages and fragments kept for readers live as long as the content does not change, in Redis or in
files shared by every process. A deploy changes templates, styles and the hashed names of static
files without changing the content, so whatever an earlier release kept must not be served by
this one (its pages would point at style sheets that are no longer there). Every key kept for
readers therefore carries the release. By default the release is a fingerprint of the code,
templates, static sources, catalogs and pinned requirements, so any deploy that changes them
starts afresh; ``RELEASE_ID`` (a commit hash, say) names it instead.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

FINGERPRINTED = {".py", ".html", ".js", ".css", ".svg", ".po"}
# Folders at the top of the project that hold no shipped source (uploads, collected static files, ...).
NOT_SHIPPED = {"tests", "bench", "media", "static", "docs", "node_modules"}


@cache
def release():
    """A short name for this release: ``RELEASE_ID`` or the code's fingerprint."""
    return os.environ.get("RELEASE_ID", "").strip()[:40] or fingerprint(Path(settings.BASE_DIR))


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
