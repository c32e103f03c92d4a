from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from operations.backups import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Back up the whole site into one .zip file: every page, translation, snippet, user and reader answer, "
        "and every uploaded file (resized images are left out; they are made again when needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="Where to write the backup (default: guidance-backup-<date>-<time>.zip in the current folder)."
        )

    def handle(self, *args, file=None, **options):
        destination = Path(file or f"guidance-backup-{datetime.now():%Y-%m-%d-%H%M%S}.zip")
        try:
            manifest = make_backup(destination, note=lambda message: self.stdout.write(f"  {message}"))
        except BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"The database could not be read, so no backup was made: {error}") from None
        size = destination.stat().st_size / 1024 / 1024
        self.stdout.write(
            f"Backed up {sum(manifest['rows'].values())} database rows and {len(manifest['media'])} uploaded files "
            f"to {destination.resolve()} ({size:.1f} MB)."
        )
