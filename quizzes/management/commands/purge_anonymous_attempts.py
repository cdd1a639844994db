from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from quizzes.models import Attempt


class Command(BaseCommand):
    help = "Deletes anonymous quiz attempts older than ANONYMOUS_ATTEMPT_RETENTION_DAYS."

    def handle(self, *args, **options):
        days = settings.ANONYMOUS_ATTEMPT_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = Attempt.objects.filter(user=None, submitted_at__lt=cutoff).delete()
        attempts = "attempt" if deleted == 1 else "attempts"
        self.stdout.write(f"{deleted} anonymous {attempts} older than {days} days deleted.")
