"""`manage.py backup` and `manage.py restore`: a whole site comes back the same, on SQLite or PostgreSQL.

The round trips run each site in its own process with its own DATABASE_URL and MEDIA_ROOT, as an
operator would. The refusals run in this process against the demo site that every test starts from.
"""

import hashlib
import io
import json
import os
import shutil
import urllib.parse
import uuid
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Page

import pytest

from feedback.models import PageFeedback
from guidance_pages.demo import DEMO_PASSWORD
from operations.backups import make_backup
from tests.live import environment, manage
from tests.site_state import ANOTHER_PASSWORD, DRAFT_TITLE

PASSWORDS = {"admin": DEMO_PASSWORD, "translator-ar": DEMO_PASSWORD, "coordinator-zainab": ANOTHER_PASSWORD}


def state_of(env, path):
    """Everything the site in ``env`` holds (see tests/site_state.py), read by its own process."""
    code = f"from tests.site_state import write_state; write_state({str(path)!r}, {PASSWORDS!r})"
    manage(env, "shell", "-v0", "-c", code)
    return json.loads(Path(path).read_text())


def assert_same_site(restored, original):
    """Every row, page, login and file the same; search finds the same pages on the same engine."""
    assert restored["rows"].keys() == original["rows"].keys()
    for label, rows in original["rows"].items():
        assert restored["rows"][label] == rows, f"{label} differs after the restore"
    for key in ("pages", "admin", "logins", "media"):
        assert restored[key] == original[key], f"{key} differ after the restore"
    if restored["database_engine"] == original["database_engine"]:
        assert restored["search"] == original["search"]
    else:
        # Each engine ranks and stems in its own way; the English guide must still be found.
        assert "/en/guides/recruiting-trustees-with-lived-experience/" in restored["search"]["/en/search/?q=trustees"]


@pytest.fixture(scope="module")
def empty_sqlite_site(tmp_path_factory):
    """Makes a migrated SQLite site with no content (migrated once, then copied)."""
    template = tmp_path_factory.mktemp("empty-sqlite")
    manage(environment(f"sqlite:///{template / 'db.sqlite3'}", template / "media"), "migrate", "--noinput")

    def make(folder):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(template / "db.sqlite3", folder / "db.sqlite3")
        return environment(f"sqlite:///{folder / 'db.sqlite3'}", folder / "media")

    return make


@pytest.fixture(scope="module")
def source(empty_sqlite_site, tmp_path_factory):
    """A demo site on SQLite with work in progress, its backup, and everything it held."""
    folder = tmp_path_factory.mktemp("backup-source")
    env = empty_sqlite_site(folder)
    manage(env, "load_demo")
    manage(env, "shell", "-v0", "-c", "from tests.site_state import add_work_in_progress; add_work_in_progress()")
    output = manage(env, "backup", str(folder / "site.zip"))
    assert "Backed up" in output
    return folder / "site.zip", state_of(env, folder / "state.json")


@pytest.fixture(scope="module")
def empty_postgres_site(tmp_path_factory):
    """Makes a migrated PostgreSQL site with no content, each in a database of its own."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")
    import psycopg

    server = urllib.parse.urlsplit(url)
    admin_url = server._replace(path="/postgres").geturl()
    run = uuid.uuid4().hex[:8]
    template = f"operations_backup_{run}_empty"
    created = [template]
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{template}"')
    manage(environment(server._replace(path=f"/{template}").geturl(), tmp_path_factory.mktemp("pg-template")), "migrate", "--noinput")

    def make(folder, name):
        database = f"operations_backup_{run}_{name}"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')
        created.append(database)
        return environment(server._replace(path=f"/{database}").geturl(), folder / "media")

    yield make
    with psycopg.connect(admin_url, autocommit=True) as connection:
        for database in created:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_the_source_site_holds_work_in_progress_to_back_up(source):
    """The round trips below prove something only if the site they copy holds all of this."""
    _backup, state = source
    pages = {row[1]["url_path"]: row[1] for row in state["rows"]["wagtailcore.page"]}
    assert len(pages) > 50
    french_drafts = [page for page in pages.values() if page["title"].startswith("[fr] ")]
    assert len(french_drafts) == 1 and not french_drafts[0]["live"]
    assert sum(row[1]["data"].startswith("[fr] ") for row in state["rows"]["wagtail_localize.stringtranslation"]) == 3
    assert any(row[1]["draft_title"] == DRAFT_TITLE and row[1]["has_unpublished_changes"] for row in state["rows"]["wagtailcore.page"])
    assert {row[1]["comment"] for row in state["rows"]["feedback.pagefeedback"]} >= {"أريد أمثلة أكثر", "Clear and kind."}
    assert state["logins"] == {"admin": True, "translator-ar": True, "coordinator-zainab": True}
    assert {"original_images/group-photo.png", "documents/خطة-الاجتماع.txt", "media/welcome-message.wav"} <= state["media"].keys()
    assert all(status == 200 for status, _digest in state["pages"].values())
    assert "/ar/guides/recruiting-trustees-with-lived-experience/why-lived-experience-matters/" in state["pages"]


def test_a_backup_restores_into_an_empty_sqlite_database_with_everything_the_same(source, empty_sqlite_site, tmp_path):
    backup, original = source
    env = empty_sqlite_site(tmp_path / "restored")
    output = manage(env, "restore", str(backup))
    assert "Restored" in output and "Restart the site" in output
    assert_same_site(state_of(env, tmp_path / "state.json"), original)


@pytest.mark.postgres
def test_a_backup_moves_from_sqlite_to_postgresql_between_postgresql_databases_and_back(
    source, empty_sqlite_site, empty_postgres_site, tmp_path
):
    backup, original = source
    on_postgres = empty_postgres_site(tmp_path / "pg-a", "a")
    manage(on_postgres, "restore", str(backup))
    first_copy = state_of(on_postgres, tmp_path / "pg-a.json")
    assert_same_site(first_copy, original)

    manage(on_postgres, "backup", str(tmp_path / "from-postgres.zip"))
    on_second_postgres = empty_postgres_site(tmp_path / "pg-b", "b")
    manage(on_second_postgres, "restore", str(tmp_path / "from-postgres.zip"))
    second_copy = state_of(on_second_postgres, tmp_path / "pg-b.json")
    assert_same_site(second_copy, original)
    assert_same_site(second_copy, first_copy)  # search results too: both on PostgreSQL

    back_on_sqlite = empty_sqlite_site(tmp_path / "sqlite-again")
    manage(back_on_sqlite, "restore", str(tmp_path / "from-postgres.zip"))
    assert_same_site(state_of(back_on_sqlite, tmp_path / "sqlite-again.json"), original)

    # Every table's id sequence continues after the highest restored id: editors can carry on.
    manage(on_second_postgres, "shell", "-v0", "-c", "from tests.site_state import add_more_work; add_more_work()")


# Refusals: in this process, against the demo site ----------------------------------------------


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the demo site that every test starts from."""
    path = tmp_path_factory.mktemp("demo-backup") / "demo.zip"
    with django_db_blocker.unblock():
        make_backup(path)
    return path


def fingerprint(search_index=True):
    """Row counts of every table, page titles, and the files under MEDIA_ROOT with their hashes."""
    tables = set(connection.introspection.table_names())
    counts = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.db_table in tables and (search_index or model._meta.app_label != "wagtailsearch")
    }
    titles = list(Page.objects.order_by("path").values_list("path", "title", "draft_title", "live"))
    root = Path(settings.MEDIA_ROOT)
    files = {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in root.rglob("*") if path.is_file()}
    folders = sorted(path.name for path in root.iterdir())
    return counts, titles, files, folders


def rewritten(backup, target, manifest=None, members=None):
    """A copy of ``backup`` with its manifest changed by ``manifest`` and some files replaced or added."""
    members = members or {}
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as copy:
        for name in source.namelist():
            if name == "manifest.json" and manifest is not None:
                changed = manifest(json.loads(source.read(name)))
                if changed is not None:
                    copy.writestr(name, json.dumps(changed))
            elif name not in members:
                copy.writestr(name, source.read(name))
        for name, data in members.items():
            if data is not None:
                copy.writestr(name, data)
    return target


def with_rows_changed(backup, target, change):
    """A copy whose database rows were changed by ``change`` (a function of the list of lines), checksums kept right."""
    with zipfile.ZipFile(backup) as source:
        lines = change(source.read("database.jsonl").decode().splitlines())
    data = ("\n".join(lines) + "\n").encode()

    def update(manifest):
        manifest["database"].update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        return manifest

    return rewritten(backup, target, manifest=update, members={"database.jsonl": data})


def flipped(backup, target):
    data = bytearray(backup.read_bytes())
    for offset in range(len(data) // 3, len(data) // 3 + 16):
        data[offset] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def not_a_zip(backup, target):
    target.write_text("name,title\n1,Home\n")
    return target


def truncated(backup, target):
    target.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    return target


def future_migration(manifest):
    manifest["migrations"].append("guidance_pages.9999_from_the_future")
    return manifest


def missing_migration(manifest):
    manifest["migrations"] = [name for name in manifest["migrations"] if name != "feedback.0001_initial"]
    return manifest


def a_dangling_answer(lines):
    row = {"model": "feedback.pagefeedback", "pk": 999_999, "fields": {"page": 999_999, "language_code": "en", "useful": True}}
    row["fields"].update(comment="", created_at="2025-01-01T00:00:00+00:00", handled=False, handled_at=None, handled_by=None)
    return [*lines, json.dumps(row)]


def count_one_more_answer(manifest):
    manifest["rows"]["feedback.pagefeedback"] = manifest["rows"].get("feedback.pagefeedback", 0) + 1
    return manifest


DAMAGED_BACKUPS = {
    "not a zip file": (not_a_zip, "not a complete zip file"),
    "cut off half way": (truncated, "not a complete zip file"),
    "bytes changed in the middle": (flipped, "cannot be restored"),
    "no manifest": (lambda backup, target: rewritten(backup, target, manifest=lambda manifest: None), "it has no manifest.json"),
    "another program's zip": (
        lambda backup, target: rewritten(backup, target, manifest=lambda manifest: {"format": "something-else"}),
        "does not describe a backup of this site",
    ),
    "a newer backup format": (
        lambda backup, target: rewritten(backup, target, manifest=lambda manifest: {**manifest, "format_version": 2}),
        "made by a newer version of this site",
    ),
    "database changes this code does not know": (
        lambda backup, target: rewritten(backup, target, manifest=future_migration),
        "made by a newer version of the site",
    ),
    "database changes missing": (
        lambda backup, target: rewritten(backup, target, manifest=missing_migration),
        "made by an older version of the site",
    ),
    "a file outside the uploads folder": (
        lambda backup, target: rewritten(
            backup,
            target,
            manifest=lambda manifest: {
                **manifest,
                "media": [*manifest["media"], {"name": "../escaped.txt", "sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}],
            },
            members={"media/../escaped.txt": b"x"},
        ),
        "outside the uploads folder",
    ),
    "an uploaded file changed": (
        lambda backup, target: rewritten(
            backup,
            target,
            members={
                "media/original_images/group-meeting.png": b"\0"
                * zipfile.ZipFile(backup).getinfo("media/original_images/group-meeting.png").file_size
            },
        ),
        "does not match its checksum",
    ),
    "rows pointing at a page that does not exist": (
        lambda backup, target: rewritten(
            with_rows_changed(backup, target.with_suffix(".tmp"), a_dangling_answer), target, manifest=count_one_more_answer
        ),
        "its rows do not fit this database",
    ),
}


@pytest.mark.parametrize("damage", DAMAGED_BACKUPS, ids=list(DAMAGED_BACKUPS))
def test_a_damaged_or_mismatched_backup_is_refused_and_changes_nothing(db, demo_backup, tmp_path, damage):
    make, message = DAMAGED_BACKUPS[damage]
    bad = make(demo_backup, tmp_path / "bad.zip")
    before = fingerprint()
    with pytest.raises(CommandError, match=message) as refused:
        call_command("restore", str(bad), replace=True, stdout=io.StringIO())
    assert "Nothing was changed" in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert fingerprint() == before


def test_a_database_with_content_is_refused_without_replace(db, demo_backup):
    before = fingerprint()
    with pytest.raises(CommandError, match=r"already holds content \(\d+ users, \d+ pages.*run the restore with --replace"):
        call_command("restore", str(demo_backup), stdout=io.StringIO())
    assert fingerprint() == before


def test_a_missing_backup_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="There is no backup file at"):
        call_command("restore", str(tmp_path / "nowhere.zip"))


def test_replace_puts_back_exactly_what_the_backup_held(db, demo_backup, client, users):
    before = fingerprint(search_index=False)
    chapter = Page.objects.get(locale__language_code="en", slug="running-a-meeting")
    Page.objects.filter(pk=chapter.pk).update(title="Changed after the backup")
    PageFeedback.objects.create(page=chapter, language_code="en", useful=False)
    users["translator-uk"].delete()

    output = io.StringIO()
    call_command("restore", str(demo_backup), replace=True, stdout=output)

    assert "Restored" in output.getvalue()
    assert fingerprint(search_index=False) == before
    # The search index is rebuilt from the restored pages.
    assert "Recruiting trustees with lived experience" in client.get("/en/search/?q=trustees").text
    assert client.get("/en/guides/running-an-experts-by-experience-user-group/running-a-meeting/").status_code == 200
    signed_in = client.post("/admin/login/", {"username": "translator-uk", "password": DEMO_PASSWORD})
    assert signed_in.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_backup_never_overwrites_a_file(db, tmp_path):
    existing = tmp_path / "existing.zip"
    existing.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"an older backup"
    assert [path.name for path in tmp_path.iterdir()] == ["existing.zip"]


def test_a_backup_holds_the_manifest_rows_and_original_files_but_no_resized_images(demo_backup):
    with zipfile.ZipFile(demo_backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = archive.namelist()
        first_row = json.loads(archive.open("database.jsonl").readline())
    assert manifest["format"] == "guidance-cms-backup" and manifest["format_version"] == 1
    assert "guidance_pages.0001_initial" in manifest["migrations"]
    assert manifest["rows"]["wagtailcore.page"] > 50
    assert "sessions.session" not in manifest["rows"] and "wagtailimages.rendition" not in manifest["rows"]
    assert {"media/original_images/group-meeting.png", "media/documents/meeting-agenda.txt"} <= set(names)
    assert not [name for name in names if name.startswith("media/images/")]
    assert set(first_row) == {"model", "pk", "fields"}
