from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from operations.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into this site's database (migrated, with no content of its own "
        "unless --replace is given) and MEDIA_ROOT. Stop the site first; start it again afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup's .zip file.")
        parser.add_argument(
            "--replace", action="store_true", help="Replace everything this database holds already (it is refused otherwise)."
        )

    def handle(self, *args, file, replace=False, **options):
        try:
            manifest = restore_backup(file, replace=replace, note=lambda message: self.stdout.write(f"  {message}"))
        except BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"The database could not be used, so nothing was restored: {error}") from None
        self.stdout.write(
            f"Restored {sum(manifest['rows'].values())} database rows and {len(manifest['media'])} uploaded files from a "
            f"backup made on {manifest['created_at'][:16].replace('T', ' ')} UTC ({manifest['database_engine']}). "
            "Restart the site's server processes so that none of them shows what it remembered from before."
        )
