"""The whole site in one file, and back: every database row, every uploaded file, and a manifest.

Rows are written as JSON lines in Django's serialization format, which every database engine
reads back, so a site can move from SQLite to PostgreSQL (and back) through a backup. Every row
keeps its id, content types and permissions included: revisions and wagtail-localize's
translation sources hold ids inside their JSON, and those must still point at the same things.

A restore checks the whole file before it touches anything, replaces the database in one
transaction, and puts the uploaded files in place only once the database has committed.
"""

import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import zipfile
import zlib
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime, time
from importlib.metadata import version
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

logger = logging.getLogger(__name__)

FORMAT = "guidance-cms-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
MEDIA = "media/"

# Rows that are not content: short-lived, or rebuilt from the content by the restore.
SKIPPED_APPS = {"wagtailsearch"}  # the search index: rebuilt after a restore
SKIPPED_MODELS = {
    "sessions.session",  # sign-ins: everyone signs in again after a restore
    "wagtailadmin.editingsession",  # who has a page open in the editor at this moment
    "wagtailimages.rendition",  # resized images: made again the first time each is shown
    "feedback.submissioncount",  # rate-limit counters that expire within minutes
}
# Wagtail keeps resized images (renditions) in images/ and the uploaded originals elsewhere.
SKIPPED_MEDIA_FOLDERS = {"images"}
STAGING_PREFIX = ".restore-"
# Files that are compressed already: storing them as they are saves time and loses nothing.
STORED_AS_IS = {
    ".avif",
    ".gif",
    ".gz",
    ".jpeg",
    ".jpg",
    ".m4a",
    ".mp3",
    ".mp4",
    ".oga",
    ".ogg",
    ".ogv",
    ".opus",
    ".png",
    ".webm",
    ".webp",
    ".zip",
}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why, for the person running it."""


# Making a backup -------------------------------------------------------------------------------


def backed_up_models(connection):
    """The models whose rows a backup holds, in a fixed order."""
    tables = set(connection.introspection.table_names())
    models = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in SKIPPED_APPS
        and model._meta.label_lower not in SKIPPED_MODELS
        and model._meta.db_table in tables
    ]
    return sorted(models, key=lambda model: model._meta.label_lower)


def migration_state(connection):
    """The database changes (migrations) applied to this database, as "app.name" strings."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    # Squashed migrations are recorded differently depending on when a database was migrated;
    # the migration graph's own nodes are the same for every database on the same code.
    return sorted(f"{app}.{name}" for app, name in loader.applied_migrations if (app, name) in loader.graph.nodes)


def make_backup(destination, note=None):
    """Write the site to ``destination`` (a .zip file that must not exist yet); returns the manifest."""
    note = note or (lambda message: None)
    destination = Path(destination).resolve()
    if destination.exists():
        raise BackupError(f"{destination} already exists. Choose a new file name: a backup never overwrites another file.")
    if not destination.parent.is_dir():
        raise BackupError(f"The folder {destination.parent} does not exist. Create it first, or choose another place for the backup.")
    connection = connections[DEFAULT_DB_ALIAS]
    handle, partial = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".partial")
    os.close(handle)
    try:
        with _consistent_snapshot(connection), zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": datetime.now(UTC).isoformat(),
                "database_engine": connection.vendor,
                "software": {package: version(package) for package in ("django", "wagtail", "wagtail-localize")},
                "content_languages": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
                "migrations": migration_state(connection),
            }
            manifest["database"], manifest["rows"] = _write_rows(archive, connection)
            note(f"{sum(manifest['rows'].values())} database rows")
            manifest["media"] = _write_media(archive, Path(settings.MEDIA_ROOT), note)
            note(f"{len(manifest['media'])} uploaded files")
            manifest["skipped"] = {
                "models": sorted(SKIPPED_MODELS | {f"{app}.*" for app in SKIPPED_APPS}),
                "media_folders": sorted(SKIPPED_MEDIA_FOLDERS),
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True))
        os.replace(partial, destination)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return manifest


@contextmanager
def _consistent_snapshot(connection):
    """Read every table as of one moment, while readers and editors go on using the site."""
    if connection.in_atomic_block:
        # Already inside a transaction (a test, or a caller's own): that is the snapshot.
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # A deferred transaction sees one moment and, in WAL mode, holds up no writer; Django's
        # atomic() would BEGIN IMMEDIATE here and make every reader's feedback wait.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
    else:
        yield


class _PreciseEncoder(DjangoJSONEncoder):
    """Django's encoder keeps only milliseconds; a restore must keep which of two edits came first."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


class _HashingWriter(io.RawIOBase):
    """Passes bytes through to a file in the archive, counting and hashing them."""

    def __init__(self, target):
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self):
        return True

    def write(self, data):
        self.target.write(data)
        self.sha256.update(data)
        self.size += len(data)
        return len(data)


def _write_rows(archive, connection):
    rows = Counter()
    info = zipfile.ZipInfo(DATABASE, date_time=datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        hashing = _HashingWriter(member)
        text = io.TextIOWrapper(io.BufferedWriter(hashing, CHUNK), encoding="utf-8", newline="\n")
        for model in backed_up_models(connection):
            label = model._meta.label_lower

            def counted(queryset, label=label):
                for row in queryset:
                    rows[label] += 1
                    yield row

            queryset = model._base_manager.using(connection.alias).order_by(model._meta.pk.name).iterator(chunk_size=500)
            serializers.serialize("jsonl", counted(queryset), stream=text, cls=_PreciseEncoder)
        text.flush()
        text.detach().detach()
    return {"name": DATABASE, "sha256": hashing.sha256.hexdigest(), "size": hashing.size}, dict(sorted(rows.items()))


def _media_files(root):
    """Every uploaded file under MEDIA_ROOT as (path, name in the backup), renditions left out."""
    if not root.is_dir():
        return
    for folder, subfolders, files in os.walk(root):
        relative = Path(folder).relative_to(root)
        if relative == Path("."):
            subfolders[:] = [name for name in subfolders if name not in SKIPPED_MEDIA_FOLDERS and not name.startswith(STAGING_PREFIX)]
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink():
                logger.warning("Backup: %s is a symbolic link; it was left out.", path)
                continue
            yield path, (relative / name).as_posix()


def _write_media(archive, root, note):
    entries = []
    for path, name in _media_files(root):
        try:
            source = open(path, "rb")  # noqa: SIM115 - closed below; opened first so a vanished file adds nothing
        except FileNotFoundError:
            note(f"{name} was deleted while the backup ran; it was left out")
            continue
        with source:
            info = zipfile.ZipInfo.from_file(path, MEDIA + name)
            info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED_AS_IS else zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                hashing = _HashingWriter(member)
                shutil.copyfileobj(source, hashing, CHUNK)
        entries.append({"name": name, "sha256": hashing.sha256.hexdigest(), "size": hashing.size})
    return entries


# Restoring a backup ----------------------------------------------------------------------------


def restore_backup(path, replace=False, note=None):
    """Replace the database and add the uploaded files from the backup at ``path``; returns its manifest.

    Nothing changes unless everything succeeds: the file is checked first, the database is
    replaced in one transaction, and files go into MEDIA_ROOT only after that commits.
    """
    note = note or (lambda message: None)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise BackupError(_damaged(path, "it is not a complete zip file")) from None
    with archive:
        manifest = _read_manifest(archive, path)
        _check_contents(archive, manifest, path)
        _check_migrations(connection, manifest)
        if not replace:
            _check_empty()
        media_root = Path(settings.MEDIA_ROOT)
        staging = _stage_media(archive, manifest, media_root, path)
        try:
            with transaction.atomic(using=connection.alias):
                _replace_database(connection, archive, manifest, path)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    note(f"{sum(manifest['rows'].values())} database rows")
    _move_into_place(staging, media_root)
    note(f"{len(manifest['media'])} uploaded files")
    _forget_cached_pages()
    configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    hidden = [code for code in manifest.get("content_languages", []) if code not in configured]
    if hidden:
        note(f"the backup has content in languages this site does not show: {', '.join(hidden)} (add them to CONTENT_LANGUAGES)")
    return manifest


def _damaged(path, reason):
    return (
        f"{path.name} cannot be restored: {reason}. The file may be damaged, incomplete (a copy that stopped half way) "
        "or not a backup made by `manage.py backup`. Nothing was changed."
    )


def _read_manifest(archive, path):
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise BackupError(_damaged(path, f"it has no {MANIFEST}")) from None
    except (ValueError, zipfile.BadZipFile, EOFError, zlib.error, OSError):
        raise BackupError(_damaged(path, f"its {MANIFEST} cannot be read")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_damaged(path, f"its {MANIFEST} does not describe a backup of this site"))
    found = manifest.get("format_version")
    if not isinstance(found, int) or found < 1:
        raise BackupError(_damaged(path, "its format version is missing"))
    if found > FORMAT_VERSION:
        raise BackupError(
            f"{path.name} was made by a newer version of this site (backup format {found}); this version reads format "
            f"{FORMAT_VERSION}. Install the newer version of the site, then restore again. Nothing was changed."
        )
    well_formed = (
        isinstance(manifest.get("migrations"), list)
        and all(isinstance(name, str) for name in manifest["migrations"])
        and isinstance(manifest.get("rows"), dict)
        and all(isinstance(label, str) and isinstance(count, int) and count >= 0 for label, count in manifest["rows"].items())
        and _is_entry(manifest.get("database"))
        and manifest["database"]["name"] == DATABASE
        and isinstance(manifest.get("media"), list)
        and all(_is_entry(entry) for entry in manifest["media"])
    )
    if not well_formed:
        raise BackupError(_damaged(path, f"its {MANIFEST} is incomplete"))
    return manifest


def _is_entry(entry):
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("name"), str)
        and isinstance(entry.get("sha256"), str)
        and len(entry["sha256"]) == 64
        and isinstance(entry.get("size"), int)
    )


def _safe_media_name(name):
    """A relative path that stays inside MEDIA_ROOT and is not where a restore stages files."""
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and not PurePosixPath(name).is_absolute()
        and "\\" not in name
        and "\x00" not in name
        and not any(part in {"", ".", ".."} for part in parts)
        and not parts[0].startswith(STAGING_PREFIX)
    )


def _check_contents(archive, manifest, path):
    """Every file the manifest lists is there, whole, and nothing else is."""
    names = [entry["name"] for entry in manifest["media"]]
    unsafe = [name for name in names if not _safe_media_name(name)]
    if unsafe:
        raise BackupError(_damaged(path, f"it would write outside the uploads folder ({unsafe[0]})"))
    if len(set(names)) != len(names):
        raise BackupError(_damaged(path, "it lists an uploaded file twice"))
    expected = {MANIFEST: None, DATABASE: manifest["database"], **{MEDIA + entry["name"]: entry for entry in manifest["media"]}}
    found = {info.filename: info for info in archive.infolist()}
    missing = sorted(set(expected) - set(found))
    if missing:
        raise BackupError(_damaged(path, f"{len(missing)} of its files are missing (for example {missing[0]})"))
    unexpected = sorted(set(found) - set(expected))
    if unexpected:
        raise BackupError(_damaged(path, f"it holds files its manifest does not list (for example {unexpected[0]})"))
    for name, entry in expected.items():
        if entry is not None and found[name].file_size != entry["size"]:
            raise BackupError(_damaged(path, f"{name} has the wrong size"))
    if _sha256(archive, DATABASE, path) != manifest["database"]["sha256"]:
        raise BackupError(_damaged(path, f"{DATABASE} does not match its checksum"))


def _sha256(archive, name, path, copy_to=None):
    digest = hashlib.sha256()
    try:
        with archive.open(name) as member:
            while chunk := member.read(CHUNK):
                digest.update(chunk)
                if copy_to is not None:
                    copy_to.write(chunk)
    except (zipfile.BadZipFile, EOFError, zlib.error) as error:
        raise BackupError(_damaged(path, f"{name} cannot be read ({error})")) from None
    return digest.hexdigest()


def _check_migrations(connection, manifest):
    """The backup's database changes (migrations) are exactly this code's, all applied here."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    code = {f"{app}.{name}" for app, name in loader.graph.nodes}
    pending = sorted(code - set(migration_state(connection)))
    if pending:
        raise BackupError(
            f"This database is not ready: {len(pending)} database change(s) have not been applied to it yet "
            f"(for example {pending[0]}). Run `manage.py migrate` first, then restore again. Nothing was changed."
        )
    made_with = manifest.get("software", {}).get("wagtail", "an unknown version")
    newer = sorted(set(manifest["migrations"]) - code)
    if newer:
        raise BackupError(
            f"This backup was made by a newer version of the site: it has {len(newer)} database change(s) that this "
            f"version does not know (for example {newer[0]}). Restore it with the version that made it. Nothing was changed."
        )
    older = sorted(code - set(manifest["migrations"]))
    if older:
        raise BackupError(
            f"This backup was made by an older version of the site (with Wagtail {made_with}): this version has "
            f"{len(older)} database change(s) that the backup lacks (for example {older[0]}). Restore it into an empty "
            "database with the version that made it, then install this version and run `manage.py migrate`. Nothing was changed."
        )


def content_counts():
    """What the database holds beyond what `manage.py migrate` creates, by plain name; empty when nothing."""
    from django.contrib.auth import get_user_model

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtailmedia.models import get_media_model

    from feedback.models import PageFeedback

    counts = {
        "users": get_user_model().objects.count(),
        # Migrations make the tree's root and Wagtail's "Welcome" page (a plain Page); nothing else.
        "pages": Page.objects.exclude(depth=1).exclude(depth=2, content_type__app_label="wagtailcore", content_type__model="page").count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "video and audio files": get_media_model().objects.count(),
        "reader answers": PageFeedback.objects.count(),
    }
    return {name: count for name, count in counts.items() if count}


def _check_empty():
    held = content_counts()
    if held:
        listed = ", ".join(f"{count} {name}" for name, count in held.items())
        raise BackupError(
            f"This database already holds content ({listed}). A restore replaces everything in it. If that is what "
            "you want, make a backup of it first if you may need it again, then run the restore with --replace. "
            "Nothing was changed."
        )


def _stage_media(archive, manifest, media_root, path):
    """Unpack the uploaded files beside their final place, checking each one; returns the folder."""
    try:
        media_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=media_root))
    except OSError as error:
        raise BackupError(f"The uploaded files cannot be written to {media_root} ({error.strerror}). Nothing was changed.") from None
    try:
        for entry in manifest["media"]:
            target = staging / entry["name"]
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as copy:
                digest = _sha256(archive, MEDIA + entry["name"], path, copy_to=copy)
            if digest != entry["sha256"]:
                raise BackupError(_damaged(path, f"the uploaded file {entry['name']} does not match its checksum"))
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"The uploaded files cannot be written to {media_root} ({error.strerror}). Nothing was changed.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


@contextmanager
def _model_signals_muted():
    """Load rows exactly as they were: some receivers (wagtail-localize's) act even on raw loads."""
    signals = [pre_save, post_save, pre_delete, post_delete, m2m_changed]
    saved = []
    for signal in signals:
        with signal.lock:
            saved.append(signal.receivers)
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in zip(signals, saved, strict=True):
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


def _replace_database(connection, archive, manifest, path):
    from django.contrib.contenttypes.models import ContentType

    allowed = {model._meta.label_lower for model in backed_up_models(connection)}
    unknown = sorted(set(manifest["rows"]) - allowed)
    if unknown:
        raise BackupError(_damaged(path, f"it holds rows of a kind this site does not back up ({unknown[0]})"))
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    try:
        # Settle any row checks still pending in an enclosing transaction: PostgreSQL will not
        # empty a table that has some.
        connection.check_constraints()
        connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))
    except DatabaseError as error:
        raise BackupError(f"The database could not be emptied for the restore ({str(error).strip()[:300]}). Nothing was changed.") from None
    ContentType.objects.clear_cache()
    loaded = Counter()
    try:
        with _model_signals_muted(), archive.open(DATABASE) as member:
            lines = io.TextIOWrapper(member, encoding="utf-8")
            for row in serializers.deserialize("jsonl", lines, using=connection.alias):
                label = row.object._meta.label_lower
                if label not in allowed:
                    raise BackupError(_damaged(path, f"it holds rows of a kind this site does not back up ({label})"))
                row.save(using=connection.alias, force_insert=True)
                loaded[label] += 1
        if dict(loaded) != {label: count for label, count in manifest["rows"].items() if count}:
            raise BackupError(_damaged(path, "the number of rows does not match its manifest"))
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
                cursor.execute(statement)
        connection.check_constraints()
    except (DeserializationError, DatabaseError, ValidationError, ValueError, TypeError, LookupError) as error:
        raise BackupError(
            f"{path.name} cannot be restored: its rows do not fit this database ({str(error).strip()[:300]}). Nothing was changed."
        ) from None
    finally:
        ContentType.objects.clear_cache()
    # What `manage.py migrate` would add for this code (content types, permissions, a locale per
    # content language), then the search index, which backups leave out.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    call_command("update_index", verbosity=0, stdout=io.StringIO())


def _move_into_place(staging, media_root):
    for staged in sorted(staging.rglob("*")):
        if staged.is_file():
            target = media_root / staged.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    shutil.rmtree(staging, ignore_errors=True)


def _forget_cached_pages():
    """Cached pages and page-tree lookups describe the old database (shared in Redis)."""
    from django.core.cache import cache

    try:
        if hasattr(cache, "delete_pattern"):
            cache.delete_pattern("*")  # only this site's keys (its KEY_PREFIX), not all of Redis
        else:
            cache.clear()
    except Exception:  # a cache outage must not fail a restore that has committed
        logger.warning("Restore: the cache could not be emptied; restart the site to be sure it shows the restored content.")
