"""What background work keeps about a person (privacy.registry): the jobs they asked for (and the
e-mails sent to them), with their files; and the task queue's own rows, which hold only a job's
id. Both go JOB_RETENTION_DAYS after they were made."""

from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from privacy.registry import DELETED, EXPIRES, Expiry, register

from .models import Job


def register_personal_data():
    register(
        Job,
        on_account_deletion=DELETED,
        expiry=Expiry("background jobs", "created_at", "JOB_RETENTION_DAYS"),
        note="Work done for the person (a workshop's ZIP, an e-mail to them): its file holds "
        "a workshop's documents, which the export already gives in their own sections.",
    )
    register(
        DBTaskResult,
        on_account_deletion=EXPIRES,
        expiry=Expiry(
            "finished tasks",
            "finished_at",
            "JOB_RETENTION_DAYS",
            only=Q(status__in=["SUCCESSFUL", "FAILED"]),
        ),
        note="The task queue's rows hold a job's id and run, nothing of the person.",
    )
