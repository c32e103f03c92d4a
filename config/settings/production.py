"""Settings for a public server: no defaults for secrets, static files from whitenoise."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.environment import env_bool

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value, for example SECRET_KEY=\"$(python -c 'import secrets; print(secrets.token_urlsafe(50))')\"."
    )
if "ALLOWED_HOSTS" not in os.environ:
    raise ImproperlyConfigured('ALLOWED_HOSTS must list the site\'s host names, for example ALLOWED_HOSTS="guidance.example.org".')

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# HTTPS: on by default; HTTPS=false only for a server reached over plain HTTP on a private network.
SECURE = env_bool("HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
