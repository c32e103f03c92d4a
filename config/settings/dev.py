"""Settings for a developer's machine: debug pages and email printed to the console."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-3f8b1c2e9a"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
