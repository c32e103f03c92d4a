"""With production settings, a real SQLite connection is in WAL mode, takes write locks up front and waits its turn."""

from tests.test_configuration import manage

CHECK_CONNECTION = """
import sqlite3, threading, time
from django.db import connection, transaction

cursor = connection.cursor()
for pragma in ("journal_mode", "busy_timeout", "synchronous"):
    cursor.execute(f"PRAGMA {pragma}")
    print(pragma, cursor.fetchone()[0])

# IMMEDIATE: entering a transaction takes the write lock before anything is written, so a second
# writer is refused at once (timeout 0) instead of both failing half-way with "database is locked".
other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None, check_same_thread=False)
with transaction.atomic():
    try:
        other.execute("BEGIN IMMEDIATE")
        print("second writer", "let in")
        other.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        print("second writer", error)
    # WAL: readers are not blocked by the writer.
    print("reader during write", other.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] >= 0)

# Busy timeout: while another process holds the write lock, we wait for it instead of failing.
other.execute("BEGIN IMMEDIATE")
threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
with transaction.atomic():
    cursor.execute("CREATE TABLE waited (x)")
print("waited for the lock", "yes")
"""


def test_a_production_sqlite_connection_uses_wal_immediate_transactions_and_a_busy_timeout(tmp_path):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        CHECK_CONNECTION,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="a-long-random-test-value-that-is-not-a-secret-0123456789",
        ALLOWED_HOSTS="guidance.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "journal_mode wal",
        "busy_timeout 20000",
        "synchronous 1",  # NORMAL: safe with WAL, without a disk sync on every commit
        "second writer database is locked",
        "reader during write True",
        "waited for the lock yes",
    ]
