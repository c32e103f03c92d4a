from django.conf import settings
from django.core.management.base import BaseCommand

from guidance_pages.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo guides, their translations and one demo user per role. Safe to run again."

    def handle(self, *args, **options):
        added, users = load_demo(self.stdout)
        if added:
            self.stdout.write(f"Added {len(added)} demo item(s).")
        else:
            self.stdout.write("The demo content is already loaded; nothing changed.")
        self.stdout.write("")
        self.stdout.write(
            f"Demo logins for {settings.WAGTAILADMIN_BASE_URL}/admin/ (password for all: {DEMO_PASSWORD}, unless you changed it):"
        )
        for username, description in users:
            self.stdout.write(f"  {username:<15} {description}")
