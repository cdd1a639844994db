"""The daily purge of personal data past its retention period, run by the task worker: what it
deleted is kept as the job's report (a text file), for JOB_RETENTION_DAYS. What is over is closed
first (the worker's periodic checks, once more: a live session left open since another day)."""

from django.utils import timezone

from jobs import periodic
from jobs.background import job_task
from privacy import registry


@job_task
def purge_expired_data(job):
    now = timezone.now()
    lines = [f"{count} {what}." for what, count in periodic.run(now).items()]
    lines += [f"{count} {what} deleted." for what, count in registry.purge(now).items()]
    report = f"Purge of {now.isoformat()}\n" + "\n".join(lines) + "\n"
    return f"purge-{now:%Y-%m-%d}.txt", report.encode()
