"""Settings shared by every environment. Values that differ between machines come from the environment."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.environment import database_from_url, env_bool, env_list, env_positive_int, env_rate
from config.languages import (
    DEFAULT_CONTENT_LANGUAGES,
    SOURCE_LANGUAGE,
    language_choices,
    parse_content_languages,
    register_extra_languages,
    right_to_left_languages,
)

BASE_DIR = Path(__file__).resolve().parents[2]

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Applications

INSTALLED_APPS = [
    "guidance_pages",
    "editorial",
    "feedback",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales, as wagtail-localize asks
    "wagtailmedia",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "guidance_pages.context_processors.reader_site",
            ],
        },
    },
]

# Database

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"), BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, so every server process shares it; memory otherwise.

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            'REDIS_URL must start with redis://, rediss:// or unix://, for example REDIS_URL="redis://127.0.0.1:6379/0".'
        )
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "guidance",
            "OPTIONS": {
                # A cache outage must not take the site down: treat it as a cache miss.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "guidance"}}

# Passwords and sign-in

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# Languages

register_extra_languages()
CONTENT_LANGUAGES = parse_content_languages(os.environ.get("CONTENT_LANGUAGES", ",".join(DEFAULT_CONTENT_LANGUAGES)))

USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = language_choices(CONTENT_LANGUAGES)
LANGUAGES_BIDI = right_to_left_languages()
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's chosen language, remembered for a year (not personal data: only a language code).
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Editors may use the admin in any content language that Wagtail itself has been translated into.
WAGTAILADMIN_PERMITTED_LANGUAGES = language_choices([code for code in CONTENT_LANGUAGES if code in {"en", "ar", "fa", "uk", "fr"}])

# Static files and uploads

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Guidance made with people who know")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "vtt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "opus", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "ogv"],
}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea", "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]}}
}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Page editors can be long; Django's default of 1000 form fields is too few for a long chapter.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Safeguarding

# "Leave this site" sends readers here: a neutral, common site that raises no questions.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
if not QUICK_EXIT_URL.startswith("https://"):
    raise ImproperlyConfigured('QUICK_EXIT_URL must be an https:// address, for example QUICK_EXIT_URL="https://www.bbc.co.uk/weather".')

# Reader feedback

# At most this many submissions per reader in this many seconds, counted across all processes.
FEEDBACK_RATE_LIMIT = env_rate("FEEDBACK_RATE_LIMIT", "10/600")
# Feedback older than this is deleted by `manage.py delete_old_feedback` (run it daily).
FEEDBACK_RETENTION_DAYS = env_positive_int("FEEDBACK_RETENTION_DAYS", 365)
# Behind a reverse proxy every request comes from the proxy; trust its X-Forwarded-For instead.
FEEDBACK_TRUST_X_FORWARDED_FOR = env_bool("FEEDBACK_TRUST_X_FORWARDED_FOR", False)

# Logging: tracebacks to the console, where gunicorn and runserver collect them.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # WeasyPrint warns about every in-page link it cannot follow in a PDF; only errors matter.
    "loggers": {"weasyprint": {"level": "ERROR"}},
}
