"""Long work that the task worker does for someone (a ZIP of attestations, a report, an e-mail):
what it is, how far it has gone, its file once ready, or why it failed. The worker writes this
row as it goes; the page that follows the work reads it."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

WAIT = timedelta(minutes=1)


class Replaced(Exception):
    """This run is no longer the job's own: the job was queued again (see jobs.background)."""


def result_path(job, name):
    """Each job's file in a folder named by the job's random id: nobody can guess it."""
    return f"jobs/{job.pk}/{name}"


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("en attente")
        RUNNING = "running", _("en cours")
        DONE = "done", _("terminé")
        FAILED = "failed", _("échec")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The django-tasks task that does the work (its import path), and what the work is about
    # (e.g. "documents:12"), so that the page which starts it finds it again.
    task = models.CharField(max_length=200)
    about = models.CharField(max_length=100, blank=True, db_index=True)
    title = models.CharField(_("titre"), max_length=200)
    back = models.CharField(max_length=200, blank=True)  # the page the work was asked from
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("demandé par"),
    )
    arguments = models.JSONField(default=dict)
    status = models.CharField(
        _("état"), max_length=7, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    file = models.FileField(upload_to=result_path, max_length=300, blank=True)
    error = models.TextField(blank=True)  # in French, for the person who asked
    # The current run: a run that is no longer the job's own (the job was queued again after
    # its worker stopped) writes nothing more.
    run = models.CharField(max_length=32)
    task_result_id = models.CharField(max_length=64, blank=True)
    runs = models.PositiveSmallIntegerField(default=0)
    worker = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(default=timezone.now)  # again at each retry
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("travail en arrière-plan")
        verbose_name_plural = _("travaux en arrière-plan")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk])

    def advance(self, done, total=None):
        """Record how far the work has gone (and that its worker is alive). Raises Replaced when
        this run is no longer the job's own: the worker then stops it."""
        changes = {"done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            changes["total"] = total
        if not Job.objects.filter(pk=self.pk, run=self.run).update(**changes):
            raise Replaced
        self.done = done
        if total is not None:
            self.total = total

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def waiting_long(self):
        """Queued for over a minute: no worker seems to be running."""
        return self.status == self.Status.QUEUED and timezone.now() - self.queued_at > WAIT

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0
