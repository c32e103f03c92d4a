"""Read settings from environment variables, failing with one clear sentence when one is wrong."""

import os

from django.core.exceptions import ImproperlyConfigured

import dj_database_url


def env_list(name, default):
    """A comma-separated environment variable as a list of non-empty, stripped items."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_bool(name, default):
    """An environment variable meaning yes or no ("true"/"false", "1"/"0", "yes"/"no")."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f'{name} must be true or false, for example {name}="true"; got "{value}".')


def database_from_url(url, sqlite_default_path):
    """A Django DATABASES entry from DATABASE_URL; SQLite is tuned for a small busy site."""
    example = 'DATABASE_URL="postgres://user:password@127.0.0.1:5432/guidance" or DATABASE_URL="sqlite:////srv/guidance/db.sqlite3"'
    if url is None:
        url = f"sqlite:///{sqlite_default_path}"
    if not url.strip():
        raise ImproperlyConfigured(f"DATABASE_URL is empty; set it like {example}, or unset it to use SQLite.")
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (dj_database_url.UnknownSchemeError, dj_database_url.ParseError, ValueError) as error:
        raise ImproperlyConfigured(f'DATABASE_URL "{url}" cannot be read ({error or "malformed"}); set it like {example}.') from None
    engine = config.get("ENGINE", "")
    if engine not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(f"DATABASE_URL must point at SQLite or PostgreSQL; set it like {example}.")
    if not config.get("NAME"):
        raise ImproperlyConfigured(f'DATABASE_URL "{url}" names no database; set it like {example}.')
    if engine == "django.db.backends.postgresql":
        # A database server that does not answer must not hold a reader's request until the
        # worker is killed: give up after a few seconds and show the "try again" page (503).
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    if engine == "django.db.backends.sqlite3":
        # Readers and editors write at the same time (feedback, previews): WAL lets reads go on
        # during a write, IMMEDIATE takes the write lock up front so transactions queue instead of
        # failing with "database is locked", and the timeout is how long they wait in that queue.
        config["CONN_MAX_AGE"] = 0
        config.pop("CONN_HEALTH_CHECKS", None)
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        }
    return config


def env_positive_int(name, default):
    """A whole number above zero, such as a number of days."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ImproperlyConfigured(f'{name} must be a whole number above zero, for example {name}="{default}"; got "{value}".')
    return number


def env_seconds(name, default, most):
    """A number of seconds from 0 to ``most``, decimals allowed, such as 0.5."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = float(value)
    except ValueError:
        number = -1
    if not 0 <= number <= most:
        raise ImproperlyConfigured(f'{name} must be a number of seconds from 0 to {most}, for example {name}="1"; got "{value}".')
    return number


def env_rate(name, default):
    """A rate such as "10/600": at most 10 times in 600 seconds. Returns (10, 600)."""
    value = os.environ.get(name) or default
    count, _slash, seconds = value.partition("/")
    try:
        parsed = (int(count), int(seconds))
    except ValueError:
        parsed = (0, 0)
    if parsed[0] < 1 or parsed[1] < 1:
        raise ImproperlyConfigured(f'{name} must be "times/seconds", for example {name}="{default}"; got "{value}".')
    return parsed


def env_web_address(name, example):
    """An http(s) address such as "http://127.0.0.1:5000", without a trailing slash; None when unset."""
    from urllib.parse import urlsplit

    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (reading it checks the port is a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f'{name} must be a web address starting with http:// or https://, for example {name}="{example}"; got "{value}".'
        )
    return value.rstrip("/")
