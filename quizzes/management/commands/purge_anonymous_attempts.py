from django.conf import settings
from django.core.management.base import BaseCommand

from privacy import registry
from quizzes.models import Attempt


class Command(BaseCommand):
    help = (
        "Deletes anonymous quiz attempts older than ANONYMOUS_ATTEMPT_RETENTION_DAYS "
        "(purge_expired_data does it too, with the rest)."
    )

    def handle(self, *args, **options):
        days = settings.ANONYMOUS_ATTEMPT_RETENTION_DAYS
        deleted = sum(registry.purge(only=[Attempt]).values())
        attempts = "attempt" if deleted == 1 else "attempts"
        self.stdout.write(f"{deleted} anonymous {attempts} older than {days} days deleted.")
