from django.core.management.base import BaseCommand

from jobs.background import start
from jobs.models import Job

from ...tasks import purge_expired_data


class Command(BaseCommand):
    help = (
        "Queues the deletion of the personal data whose retention period is over, as each app "
        "registered it (privacy.registry): anonymous quiz attempts and live sessions' guests, "
        "sign-in records, expired sessions, sign-ups never activated, old background jobs, and "
        "training evidence (attendance sheets, attestations) past its legal period. The task "
        "worker runs it; run this once a day."
    )

    def handle(self, *args, **options):
        job = start(purge_expired_data, title="Purge des données personnelles expirées")
        if job.status == Job.Status.DONE:  # the worker was quicker, or tasks run at once
            self.stdout.write(job.file.read().decode())
        else:
            self.stdout.write(f"Purge queued as job {job.pk}: the task worker runs it.")
