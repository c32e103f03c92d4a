"""Print what each role may do as a Markdown table (the README's roles section shows it)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial.permission_matrix import ROLES, as_markdown, permission_matrix


class Command(BaseCommand):
    help = "Try every action as each demo user through the admin (changing nothing) and print the results as a Markdown table."

    def handle(self, *args, **options):
        usernames = [username for _role, username in ROLES]
        missing = set(usernames) - set(get_user_model().objects.filter(username__in=usernames).values_list("username", flat=True))
        if missing:
            raise CommandError(f"The demo users are missing ({', '.join(sorted(missing))}): run `manage.py load_demo` first.")
        self.stdout.write(as_markdown(permission_matrix()))
