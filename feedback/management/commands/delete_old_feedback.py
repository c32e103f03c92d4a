from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import PageFeedback, SubmissionCount


class Command(BaseCommand):
    help = "Delete reader feedback older than FEEDBACK_RETENTION_DAYS (run daily, for example from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how much would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
        old = PageFeedback.objects.filter(created_at__lt=cutoff)
        count = old.count()
        if dry_run:
            self.stdout.write(f"{count} answer(s) sent before {cutoff:%Y-%m-%d} would be deleted.")
            return
        old.delete()
        SubmissionCount.objects.filter(window_ends__lt=timezone.now()).delete()
        self.stdout.write(f"Deleted {count} answer(s) sent before {cutoff:%Y-%m-%d} (kept for {settings.FEEDBACK_RETENTION_DAYS} days).")
