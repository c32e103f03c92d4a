"""Compile the interface translations (locale/*/LC_MESSAGES/django.po) into .mo files.

Django's own ``compilemessages`` needs GNU gettext installed; this uses polib (already required
by wagtail-localize) so a fresh machine with only Python can run the site in every language.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


def compile_catalogs(locale_paths):
    """Compile every out-of-date .po under ``locale_paths``; returns how many were compiled."""
    compiled = 0
    for locale_path in locale_paths:
        for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                catalog = polib.pofile(str(po_path), check_for_duplicates=True)
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path} cannot be read: {error}") from None
            catalog.save_as_mofile(str(mo_path))
            compiled += 1
    return compiled


class Command(BaseCommand):
    help = "Compile the interface translation catalogs in locale/ (needs no GNU gettext)."

    def handle(self, *args, **options):
        compiled = compile_catalogs(settings.LOCALE_PATHS)
        self.stdout.write(f"Compiled {compiled} translation catalog(s); the others were up to date.")
