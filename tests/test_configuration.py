"""Settings come from the environment; a wrong value stops start-up with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from config.environment import database_from_url, env_bool
from config.languages import parse_content_languages

BASE_DIR = Path(__file__).resolve().parents[1]


def manage(*args, **environment):
    ours = {"DATABASE_URL", "CONTENT_LANGUAGES", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "FEEDBACK_RATE_LIMIT", "FEEDBACK_RETENTION_DAYS"}
    env = {key: value for key, value in os.environ.items() if key not in ours}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DATABASE_URL", "not a url", "DATABASE_URL"),
        ("DATABASE_URL", "mysql://user@localhost/guidance", "DATABASE_URL"),
        ("DATABASE_URL", "", "DATABASE_URL is empty"),
        ("DATABASE_URL", "postgres://127.0.0.1:5432", "names no database"),
        ("CONTENT_LANGUAGES", "en,xx", "unknown language code(s) xx"),
        ("CONTENT_LANGUAGES", "ar,fa", "must include the source language 'en'"),
        ("CONTENT_LANGUAGES", " , ", "CONTENT_LANGUAGES is empty"),
        ("CONTENT_LANGUAGES", "en,ar,ar", "lists a language twice"),
        ("FEEDBACK_RATE_LIMIT", "lots", 'must be "times/seconds"'),
        ("FEEDBACK_RATE_LIMIT", "0/600", 'must be "times/seconds"'),
        ("FEEDBACK_RETENTION_DAYS", "-5", "must be a whole number above zero"),
        ("FEEDBACK_TRUST_X_FORWARDED_FOR", "perhaps", "must be true or false"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL must start with redis://"),
        ("LIBRETRANSLATE_URL", "translate.internal:5000", 'LIBRETRANSLATE_URL="http://127.0.0.1:5000"'),
    ],
)
def test_a_bad_setting_stops_start_up_with_one_clear_line(variable, value, expected):
    result = manage("check", **{variable: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Configuration error: {variable}")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_manage_py_check_is_clean():
    result = manage("check", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_migrations_are_complete():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    config = database_from_url(None, tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5


def test_wal_mode_is_really_on_for_a_sqlite_file(tmp_path):
    database = tmp_path / "wal.sqlite3"
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
        DATABASE_URL=f"sqlite:///{database}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"


def test_postgres_url_is_read_with_its_parts():
    config = database_from_url("postgres://guide:secret@db.example.org:5433/guidance", "unused")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["HOST"], config["PORT"]) == ("guidance", "guide", "db.example.org", 5433)


def test_content_languages_put_english_first_and_accept_the_languages_django_lacks():
    assert parse_content_languages("ps, ti ,so,en") == ["en", "ps", "ti", "so"]


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_yes_or_no_setting_refuses_other_words(monkeypatch, value):
    monkeypatch.setenv("HTTPS", value)
    with pytest.raises(ImproperlyConfigured, match="HTTPS must be true or false"):
        env_bool("HTTPS", True)


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="guidance.example.org", SECRET_KEY="")
    assert result.returncode != 0
    assert result.stderr.strip().startswith("Configuration error: SECRET_KEY")
