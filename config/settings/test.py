"""Settings for the test suite: fast hashing, memory cache (unless REDIS_URL is set) and memory email."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
if os.environ.get("CACHE_DIR") and not REDIS_URL:
    # A real server started by a test (tests/live.py): its workers share the cache on disk.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": os.environ["CACHE_DIR"]}}
elif not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
else:
    # Test processes running side by side (pytest-xdist) share one Redis: each keeps its own keys.
    CACHES["default"]["KEY_PREFIX"] = f"guidance-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"

# Uploads (and collected static files) go to a throwaway folder per test process, never into
# the project's media/.
_SCRATCH = Path(tempfile.mkdtemp(prefix="guidance-tests-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)
MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"]) if os.environ.get("MEDIA_ROOT") else _SCRATCH / "media"
STATIC_ROOT = _SCRATCH / "static"
STATIC_ROOT.mkdir()

# Serve static files from the source folders, as in production but without collectstatic.
WHITENOISE_USE_FINDERS = True
