from django.core.management.base import BaseCommand

from jobs.models import Job

from ...links import start_check


class Command(BaseCommand):
    help = (
        "Queues a check of every external link (figures' sources, resources, links in lessons "
        "and quizzes); the task worker runs it and records each link's result, which the "
        "freshness report shows. Run it once a day."
    )

    def handle(self, *args, **options):
        job = start_check()
        if job.status == Job.Status.DONE:  # the worker was quicker, or tasks run at once
            self.stdout.write(job.file.read().decode())
        else:
            self.stdout.write(f"Link check queued as job {job.pk}: the task worker runs it.")
