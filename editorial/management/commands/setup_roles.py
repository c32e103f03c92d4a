from django.core.management.base import BaseCommand, CommandError

from editorial.roles import setup_roles
from guidance_pages.models import HomePage


class Command(BaseCommand):
    help = "Create the groups for each role (editors, reviewers, translators per language) and the review workflow."

    def handle(self, *args, **options):
        from django.conf import settings

        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            raise CommandError("There is no English home page yet. Run `manage.py load_demo` or create the home page first.")
        setup_roles(home)
        self.stdout.write("Roles and the co-production review workflow are set up.")
