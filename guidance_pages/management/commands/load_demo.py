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
        self.stdout.write("Demo logins for http://127.0.0.1:8000/admin/ (password for all: " + DEMO_PASSWORD + ", unless you changed it):")
        for username, description in users:
            self.stdout.write(f"  {username:<15} {description}")
