"""Telling learners before the action: the trainer sends the convocation (programme, sessions
with their hours and place, trainers, accessibility contact, a calendar file); a change of the
programme sends an update to those already told; the day before each day of sessions, a reminder
with the signing instructions (a periodic check of the task worker). Every message is an e-mail
job (jobs.mail), recorded as a Convocation."""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from attendance import services as attendance
from caching.addresses import public_url
from jobs import mail
from jobs.models import Job
from typography.french import typeset, typeset_text
from workshops import objectives
from workshops.assessment import Refused
from workshops.models import TrainingBody, Workshop, WorkshopSession
from workshops.names import learner_name

from .models import Convocation

Kind = Convocation.Kind


def digest(workshop):
    """The programme as the learners were told it: what a change must be announced for."""
    fields = ["starts_at", "ends_at", "topic", "remote", "room", "address", "remote_tool"]
    rows = [
        [str(value) for value in row]
        for row in workshop.sessions.order_by("date", "starts_at", "pk").values_list(
            "date", *fields, "remote_link"
        )
    ]
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def host():
    return settings.SITE_URL.split("://")[-1].split("/")[0] or "atelier-reseaux.fr"


def calendar(workshop, sessions, sequence, now):
    """The sessions as an iCalendar file: one event each, whose UID stays the same from the
    convocation to its updates (SEQUENCE counts them), so a calendar moves the event."""
    cal = Calendar()
    cal.add("prodid", "-//Atelier Réseaux//Convocations//FR")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    for session in sessions:
        event = Event()
        event.add("uid", f"atelier-{workshop.pk}-seance-{session.pk}@{host()}")
        event.add("dtstamp", now)
        event.add("dtstart", timezone.localtime(session.start()))
        event.add("dtend", timezone.localtime(session.end()))
        event.add("sequence", sequence)
        summary = workshop.name + (f" — {session.topic}" if session.topic else "")
        event.add("summary", summary)
        event.add("location", session.place())
        if session.remote and session.remote_link:
            event.add("url", session.remote_link)
        event.add("description", _("Émargement : signez sur votre téléphone pendant la séance."))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode()


def trainers(workshop):
    return [
        learner_name(first, last) or email
        for first, last, email in workshop.trainers.order_by("last_name").values_list(
            "first_name", "last_name", "email"
        )
    ]


def sender(workshop):
    """Whose job a message is (they see it fail): the first of the workshop's trainers."""
    return workshop.trainers.order_by("pk").first()


def queue(workshop, learner, kind, *, by, now, sessions=None, day=None, links=None):
    """Render the message of `kind` for one learner and queue its e-mail."""
    sessions = list(sessions if sessions is not None else workshop.sessions.all())
    told = Convocation.objects.filter(workshop=workshop, user=learner).exclude(kind=Kind.REMINDER)
    context = {
        "kind": kind,
        "workshop": workshop,
        "learner": learner,
        "first_name": learner.first_name,
        "sessions": sessions,
        "day": day,
        "links": links or {},
        "objectives": objectives.of(workshop),
        "trainers": trainers(workshop),
        "body": TrainingBody.load(),
        "signing_url": public_url("/emargement/"),
        "workshop_url": public_url(f"/ateliers/mes-ateliers/{workshop.pk}/"),
    }
    subject = typeset_text(render_to_string("convocations/emails/subject.txt", context).strip())
    text = typeset_text(render_to_string("convocations/emails/message.txt", context))
    html = typeset(render_to_string("convocations/emails/message.html", context))
    attachments = []
    if kind != Kind.REMINDER:
        ics = calendar(workshop, sessions, told.count(), now)
        attachments.append(("programme.ics", ics, "text/calendar"))
    job = mail.send(by, subject, text, to=learner.email, html=html, attachments=attachments)
    return Convocation.objects.create(
        workshop=workshop,
        user=learner,
        learner_name=learner_name(learner.first_name, learner.last_name) or learner.email,
        email=learner.email,
        kind=kind,
        schedule_digest=digest(workshop),
        day=day,
        sent_by=by,
        queued_at=now,
        job=job,
    )


def roster(workshop):
    return get_user_model().objects.filter(memberships__workshop=workshop).order_by("pk")


def convoked(workshop):
    """Those whose convocation was not refused by the mail server (sent, or on its way)."""
    return (
        workshop.convocations.filter(kind=Kind.CONVOCATION)
        .exclude(job__status=Job.Status.FAILED)
        .values("user")
    )


def to_convoke(workshop):
    """The learners on the roster still to be sent the convocation (never, or it failed)."""
    return roster(workshop).exclude(pk__in=convoked(workshop))


def send_convocations(workshop, trainer, now=None):
    """The convocation, to each learner on the roster who has not had one. Returns how many."""
    now = now or timezone.now()
    if not workshop.sessions.exists():
        raise Refused(_("Écrivez d'abord le programme : la convocation en donne les séances."))
    learners = to_convoke(workshop)
    if not roster(workshop).exists():
        raise Refused(_("Personne n'est encore inscrit : invitez les participants d'abord."))
    sent = 0
    for learner in learners:
        queue(workshop, learner, Kind.CONVOCATION, by=trainer, now=now)
        sent += 1
    return sent


def send_updates_after_change(sender, workshop, changed, by=None, **kwargs):
    """The programme was saved: those told an older one get an update (once per change)."""
    if not changed:
        return 0
    now, current = timezone.now(), digest(workshop)
    sent = 0
    for learner in roster(workshop).filter(pk__in=convoked(workshop)):
        last = (
            workshop.convocations.filter(user=learner)
            .exclude(kind=Kind.REMINDER)
            .order_by("queued_at", "pk")
            .last()
        )
        if last and last.schedule_digest != current:
            queue(workshop, learner, Kind.UPDATE, by=by or sender(workshop), now=now)
            sent += 1
    return sent


def send_reminders(now):
    """The day before each day of sessions, from CONVOCATION_REMINDER_HOUR: a reminder to each
    learner who had the convocation, with that day's sessions and how to sign (a personal link
    for a session at a distance). Once a day per learner, whoever runs the check."""
    local = timezone.localtime(now)
    if local.hour < settings.CONVOCATION_REMINDER_HOUR:
        return 0
    tomorrow = local.date() + timedelta(days=1)
    sent = 0
    for workshop in Workshop.objects.filter(archived=False, sessions__date=tomorrow).distinct():
        sessions = list(workshop.sessions.filter(date=tomorrow).order_by("starts_at"))
        told = convoked(workshop)
        reminded = workshop.convocations.filter(kind=Kind.REMINDER, day=tomorrow).values("user")
        for learner in roster(workshop).filter(pk__in=told).exclude(pk__in=reminded):
            links = {
                session.pk: public_url(
                    attendance.personal_link_url(attendance.sheet_for(session), learner.pk)
                )
                for session in sessions
                if session.remote
            }
            queue(
                workshop,
                learner,
                Kind.REMINDER,
                by=sender(workshop),
                now=now,
                sessions=sessions,
                day=tomorrow,
                links=links,
            )
            sent += 1
    return sent


def send_failed_again(now):
    """Each convocation whose e-mail failed (after jobs.mail's own tries, or an address refused)
    is sent once more a day later (mail.SEND_FAILED_AGAIN_AFTER), before the workshop starts,
    to a learner still on the roster and not convoked meanwhile. Once: a learner with two
    convocations (this one, or the trainer's own resending) is left to the trainer, who sees
    them failed on the Convocations page. Returns how many."""
    # Rows done with (a second convocation to the learner, a workshop begun before today) are
    # left out here, so the check, every minute, reads one query when nothing is due.
    another = Convocation.objects.filter(
        workshop=OuterRef("workshop"), user=OuterRef("user"), kind=Kind.CONVOCATION
    ).exclude(pk=OuterRef("pk"))
    begun = WorkshopSession.objects.filter(
        workshop=OuterRef("workshop"), date__lt=timezone.localdate(now)
    )
    failed = (
        Convocation.objects.select_related("workshop", "user")
        .filter(
            mail.failed_long_enough(now),
            kind=Kind.CONVOCATION,
            user__isnull=False,
            workshop__archived=False,
            job__finished_at__gt=now - timedelta(days=30),  # long failed: the trainer saw it
        )
        .exclude(Exists(another))
        .exclude(Exists(begun))
    )
    sent = 0
    for row in failed:
        with transaction.atomic():
            # One check at a time per workshop (several workers run it): the second finds the
            # convocation sent again.
            workshop = Workshop.objects.select_for_update().get(pk=row.workshop_id)
            first = workshop.sessions.order_by("date", "starts_at").first()
            learner = row.user
            if (
                first is None
                or first.start() <= now
                or not roster(workshop).filter(pk=learner.pk).exists()
                or workshop.convocations.filter(kind=Kind.CONVOCATION, user=learner).count() > 1
            ):
                continue
            queue(workshop, learner, Kind.CONVOCATION, by=sender(workshop), now=now)
            sent += 1
    return sent
