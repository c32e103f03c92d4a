"""Settings shared by every environment. Values that differ between machines come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.environment import database_from_url, env_bool, env_list, env_positive_int, env_rate, env_seconds, env_web_address
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
    "plain_english",
    "localisation",
    "page_cache",
    "feedback",
    "uploads",
    "operations",
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
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags for every page, so a reader's phone revalidates a page it has without downloading it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the page cache, so pages from the cache carry the policy too.
    "config.security.ContentSecurityPolicyMiddleware",
    # Before sessions and the database: a cached page costs no query (see page_cache.middleware).
    "page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into our "please wait" page.
    "axes.middleware.AxesMiddleware",
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

# Cache: Redis when REDIS_URL is set, so every server (and every process) shares it; files otherwise.

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
    # Files, not process memory: gunicorn's workers must all see that the content has changed
    # (see page_cache.content). One server only; several servers need Redis.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR") or BASE_DIR / ".cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Whole pages for anonymous readers (page_cache.middleware), kept until the content changes.
PAGE_CACHE_SECONDS = env_positive_int("PAGE_CACHE_SECONDS", 60 * 60 * 24)
PAGE_CACHE_SKIP_PATHS = ["/admin/", "/documents/"]
# How long each process may go on using the content version it read last, without asking the
# shared cache (see page_cache.content). With Redis, 1 s by default: the Redis round trip on every
# cached view costs a quarter of the throughput (bench/), and a change then reaches the other
# processes up to a second late (the process that made it at once). 0: never stale. Without
# Redis the version is a local file, cheap to read, so 0.
PAGE_CACHE_VERSION_SECONDS = env_seconds("PAGE_CACHE_VERSION_SECONDS", 1 if REDIS_URL else 0, 10)

# A CDN or caching proxy in front of the site (optional): how long it may keep a page, and how
# to tell it that a page has changed (see page_cache.frontend and the README).
PAGE_CACHE_CDN_SECONDS = env_positive_int("PAGE_CACHE_CDN_SECONDS", 0)
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx or Squid that accept PURGE
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
    if not WAGTAILFRONTENDCACHE["cloudflare"]["ZONEID"]:
        raise ImproperlyConfigured(
            "CLOUDFLARE_ZONE_ID must be set with CLOUDFLARE_API_TOKEN: it is on the zone's overview page in Cloudflare."
        )
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Passwords and sign-in

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a sign-in while that account is locked on that address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address pause signing in to that account
# from that address for 15 minutes. Colleagues behind the same office address are not
# affected, and nobody elsewhere can lock an editor out by guessing their password.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "editorial.sign_in.locked_out"
AXES_CLIENT_IP_CALLABLE = "feedback.ratelimit.client_address"
# Only failed attempts are kept (and only until the cool-off ends); no log of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
# Signed in for at most 8 hours, then sign in again: a working day for an editor, while a
# phone or a shared office tablet left signed in does not keep access to drafts, contributors'
# names and readers' feedback overnight. "Remember me" on the sign-in page cannot extend it.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

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

# Security headers (config/security.py gives the admin its own, looser policy)

ADMIN_URL_PREFIX = "/admin/"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites never learn which page a reader came from (nor that they pressed "Leave this site").
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Reader pages: our own scripts, styles, pictures, video and fonts only; no inline script or
# style (so no nonce either: a page is cached and shared between readers). Never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin: what Wagtail 8's own scripts and styles need (found by loading the admin in
# Chromium with this policy on), framed only by itself (the page preview).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Wagtail 8's admin still has inline <script> blocks and style="" attributes.
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # data: icons in Wagtail's stylesheet; blob: previews of images chosen for upload.
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Browser features no page of ours uses are switched off, for us and anything we might embed.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "serial": [],
    "usb": [],
    "fullscreen": ["self"],
    "picture-in-picture": ["self"],
}

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

# Uploads in S3-compatible object storage (optional: AWS S3, Scaleway, OVH, MinIO ...) when the
# site runs on more than one server. Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
# Pages are cached, so image addresses must not expire: images/ must be publicly readable, while
# original_images/ and documents/ stay private (documents are served through the site, which
# checks who may see them). See the README's "Beyond one server".
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }

# Wagtail

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Guidance made with people who know")
# No avatars from gravatar.com: the admin makes no requests to other sites about our editors.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # On PostgreSQL, each page is stemmed in its own language (see guidance_pages.search_backend).
        "BACKEND": "guidance_pages.search_backend"
        if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        else "wagtail.search.backends.database"
    }
}
# Uploads are checked by content, not by name (uploads/forms.py). Wagtail refuses pictures over these
# limits, decompression bombs (tiny files that unpack to a huge picture) included. No SVG: it can carry scripts.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "vtt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "uploads.forms.DocumentForm"
# Every document goes through Wagtail's view, which checks private collections and sends it as a
# download ("Content-Disposition: attachment", PDFs too) with "X-Content-Type-Options: nosniff".
# It also keeps documents private in object storage (S3_BUCKET).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# The type each document is sent as, the same on every server (Python's own guess depends on the system).
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "vtt": "text/vtt",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "uploads.forms.ImageForm"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "MEDIA_FORM_BASE": "uploads.forms.MediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "opus", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "ogv"],
}
# wagtailmedia has no size limit of its own.
MEDIA_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea", "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]}}
}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Page editors can be long; Django's default of 1000 form fields is too few for a long chapter.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Machine translation (optional): a self-hosted LibreTranslate, off unless LIBRETRANSLATE_URL is set.
# Its output stays marked "machine, not checked" until a translator confirms it (editorial/machine_text.py).
LIBRETRANSLATE_URL = env_web_address("LIBRETRANSLATE_URL", "http://127.0.0.1:5000")
if LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "editorial.machine_translation.LibreTranslateForGuidance",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL,
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": 20,
        },
    }

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
