"""The satisfaction summary's PDF, printed by the task worker, never in a request, and kept
(services.keep_summary): once the "à chaud" questionnaire has closed (a periodic check), or when
a trainer asks."""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from jobs.background import job_task, start_once
from jobs.models import Job
from workshops.assessment import last_session
from workshops.models import Workshop

from . import services
from .models import Summary


@job_task
def keep_summary(job, workshop_id, reason):
    job.advance(0, total=1)
    services.keep_summary(Workshop.objects.get(pk=workshop_id), reason, timezone.now())
    job.advance(1)


def about(workshop):
    return f"satisfaction-summary:{workshop.pk}"


def start_keeping(workshop, reason, owner, back=""):
    """The job that keeps the workshop's summary (the one under way, if any)."""
    return start_once(
        keep_summary,
        about=about(workshop),
        owner=owner,
        title=_("Synthèse de satisfaction · %(name)s") % {"name": workshop.name},
        back=back,
        workshop_id=workshop.pk,
        reason=reason,
    )


def keep_closed_summaries(now):
    """Each workshop whose "à chaud" questionnaire has closed (HOT_OPEN_DAYS after its last
    session) and whose summary has not been kept then: the job that keeps it. Returns how
    many were started."""
    closed_by = timezone.localdate(now) - timedelta(days=services.HOT_OPEN_DAYS)
    workshops = (
        Workshop.objects.annotate(last_day=Max("sessions__date"))
        .filter(last_day__lte=closed_by)
        .exclude(satisfaction_summaries__reason=Summary.Reason.CLOSED)
    )
    started = 0
    for workshop in workshops:
        # One that failed (its message is on its job's page) is not started again every minute.
        failed = Job.objects.filter(
            about=about(workshop), status=Job.Status.FAILED, finished_at__gt=now - timedelta(days=1)
        )
        if now > services.hot_closes_at(last_session(workshop)) and not failed.exists():
            owner = workshop.trainers.order_by("pk").first()
            start_keeping(workshop, Summary.Reason.CLOSED, owner)
            started += 1
    return started
