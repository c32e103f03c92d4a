"""Print what each role may do as a Markdown table (the README's roles section shows it)."""

from django.core.management.base import BaseCommand

from editorial.permission_matrix import as_markdown, permission_matrix


class Command(BaseCommand):
    help = "Try every action as each demo user through the admin (changing nothing) and print the results as a Markdown table."

    def handle(self, *args, **options):
        self.stdout.write(as_markdown(permission_matrix()))
