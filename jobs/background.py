"""Long work runs in the task worker, never in a request: Django's tasks framework (the
django-tasks backport) with the database backend, so the embedded default needs nothing else.

A job is a row (`Job`) and a run of its task. `start()` writes both in one transaction, so no
job is left without its task. The task (`@job_task`) keeps the row up to date: running, how far
it has gone (`job.advance`), its file or its failure in French. A worker that stops mid-task
(killed, its server restarted) leaves its job running with a heartbeat that no longer moves:
`recover()` queues it again, at the worker's next start or after `STALE_AFTER` from any worker.
A run that was replaced that way finds out at its next step and writes nothing more.
"""

import functools
import logging
import secrets
from datetime import timedelta

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task, task_backends

from .models import Job, Replaced

log = logging.getLogger(__name__)

BACKEND = "background"  # settings.TASKS: Wagtail's own tasks stay on "default", run at once
STALE_AFTER = timedelta(minutes=2)  # far longer than any step of any job


class JobFailed(Exception):
    """A failure to tell the person who asked, in French (its message is shown as is)."""


def new_run():
    return secrets.token_hex(16)


def job_task(function=None, *, attempts=1, retry_after=timedelta(minutes=1)):
    """A background task running `function(job, **job.arguments)` for a job. The function
    reports its progress with `job.advance()` and returns its file, as (name, bytes or file),
    or None. Raising JobFailed fails the job with that message; any other error is tried again
    `retry_after` later, up to `attempts` runs in all (an SMTP server that did not answer),
    then fails it with a general message (the traceback stays in the task's result, for the
    administrator)."""
    if function is None:
        return functools.partial(job_task, attempts=attempts, retry_after=retry_after)

    def run(context, job_id, run_id):
        worker = (context.task_result.worker_ids or [""])[-1][:64]
        claimed = (
            Job.objects.filter(pk=job_id, run=run_id)
            .exclude(status=Job.Status.DONE)
            .update(
                status=Job.Status.RUNNING,
                runs=F("runs") + 1,
                worker=worker,
                heartbeat_at=timezone.now(),
                done=0,
                error="",
            )
        )
        if not claimed:  # deleted, done already, or replaced by a newer run
            log.warning(
                "Job %s: run %s is not its current run any more; nothing done.", job_id, run_id
            )
            return
        log.info("Job %s: run %s started by %s.", job_id, run_id, worker)
        job = Job.objects.get(pk=job_id)
        try:
            result = function(job, **job.arguments)
        except Replaced:
            return
        except JobFailed as failure:
            fail(job, str(failure))
            return
        except Exception:
            job.refresh_from_db(fields=["runs"])
            if job.runs < attempts:
                with transaction.atomic():
                    enqueue(job, run_after=timezone.now() + retry_after)
            else:
                fail(job, _("Une erreur inattendue a interrompu ce travail. Réessayez."))
            raise
        finish(job, result)

    # Named as the function, so the queue stores its import path (not functools.wraps: the
    # tasks framework reads the signature, which must stay run's).
    run.__module__, run.__name__, run.__qualname__ = (
        function.__module__,
        function.__name__,
        function.__qualname__,
    )
    run.__doc__ = function.__doc__
    return task(backend=BACKEND, takes_context=True)(run)


def finish(job, result):
    path = ""
    if result is not None:
        name, content = result
        content = content if isinstance(content, File) else ContentFile(content)
        path = default_storage.save(job.file.field.generate_filename(job, name), content)
    updated = Job.objects.filter(pk=job.pk, run=job.run).update(
        status=Job.Status.DONE,
        file=path,
        done=F("total") if job.total is not None else F("done"),
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
    )
    if not updated and path:  # replaced meanwhile: the newer run writes its own file
        default_storage.delete(path)


def fail(job, message):
    Job.objects.filter(pk=job.pk, run=job.run).update(
        status=Job.Status.FAILED, error=message, finished_at=timezone.now()
    )


def enqueue(job, run_after=None):
    """Give the job a new run and queue its task (inside the caller's transaction), to run at
    once or after `run_after` (where the backend can wait: the tests' immediate one cannot)."""
    job.run = new_run()
    Job.objects.filter(pk=job.pk).update(
        run=job.run,
        status=Job.Status.QUEUED,
        queued_at=timezone.now(),
        done=0,
        error="",
        worker="",
        finished_at=None,
    )
    task_ = import_string(job.task)
    if run_after is not None and task_.get_backend().supports_defer:
        task_ = task_.using(run_after=run_after)
    result = task_.enqueue(str(job.pk), job.run)
    Job.objects.filter(pk=job.pk, run=job.run).update(task_result_id=str(result.id))


def start(task_, *, title, owner=None, about="", back="", total=None, **arguments):
    """A new job for `task_` (a @job_task), queued; its arguments must be JSON."""
    with transaction.atomic():
        job = Job.objects.create(
            task=task_.module_path,
            title=title,
            owner=owner,
            about=about,
            back=back,
            total=total,
            arguments=arguments,
            run=new_run(),
        )
        enqueue(job)
    job.refresh_from_db()
    return job


def start_once(task_, *, about, owner, **kwargs):
    """The job already queued or running about this and for this person, else a new one: a second
    click does not start the work twice."""
    pending = Job.objects.filter(
        about=about, owner=owner, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).first()
    return pending or start(task_, about=about, owner=owner, **kwargs)


def latest_job(about, owner):
    """The last job started about this by this person, or None."""
    return Job.objects.filter(about=about, owner=owner).first()


def retry(job):
    """Queue a failed job again, from the start."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.status != Job.Status.FAILED:
            return job
        enqueue(job)
    job.refresh_from_db()
    return job


def abandoned(worker=None, now=None):
    """Running jobs whose worker has stopped: their heartbeat stopped moving, or the worker
    named is starting again (so it runs none of them)."""
    now = now or timezone.now()
    stopped = Q(heartbeat_at__lt=now - STALE_AFTER) | Q(heartbeat_at=None)
    if worker:
        stopped |= Q(worker=worker)
    return Job.objects.filter(stopped, status=Job.Status.RUNNING)


def recover(jobs):
    """Queue again each of `jobs` (abandoned()) that is still running; returns how many."""
    count = 0
    for job in jobs:
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=job.pk)
            if job.status != Job.Status.RUNNING:
                continue
            give_up(job.task_result_id)
            enqueue(job)
            count += 1
        log.warning("Job %s (%s) was abandoned by its worker: queued again.", job.pk, job.title)
    return count


def give_up(task_result_id):
    """The abandoned run's task result says it will not finish (it would stay "running")."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if task_result_id and isinstance(task_backends[BACKEND], DatabaseBackend):
        DBTaskResult.objects.filter(id=task_result_id, status="RUNNING").update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path=f"{__name__}.Replaced",
            traceback="Its worker stopped: the job was queued again.",
        )
