"""The daily purge of personal data past its retention period, run by the task worker: what it
deleted is kept as the job's report (a text file), for JOB_RETENTION_DAYS."""

from django.utils import timezone

from jobs.background import job_task
from privacy import registry


@job_task
def purge_expired_data(job):
    now = timezone.now()
    lines = [f"{count} {what} deleted." for what, count in registry.purge(now).items()]
    report = f"Purge of {now.isoformat()}\n" + "\n".join(lines) + "\n"
    return f"purge-{now:%Y-%m-%d}.txt", report.encode()
