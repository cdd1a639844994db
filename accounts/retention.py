"""How long personal data is kept, besides what an account holds while it exists (the privacy
page says the same): sign-in records, sessions, never-activated sign-ups, live sessions'
guests, and the training evidence (attendance sheets, attestations) once its legal period is
over. `manage.py purge_expired_data` runs it once a day, with quizzes' own purge of
anonymous attempts."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from attendance.models import HalfDay
from attestations.models import Attestation
from live.models import Participant

from .models import User


def forget_sign_ins(email):
    """Every sign-in record of an address: when its account is deleted."""
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=email).delete()


def purge(now=None):
    """{what: how many deleted} of what has outlived its retention period."""
    now = now or timezone.now()
    records = now - timedelta(days=settings.LOGIN_RECORDS_RETENTION_DAYS)
    deleted = {
        "sign-in records": sum(
            model.objects.filter(attempt_time__lt=records).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        ),
        "expired sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        # Guests of live sessions (no account): their nicknames and answers.
        "live guests": Participant.objects.filter(
            user=None,
            joined_at__lt=now - timedelta(days=settings.ANONYMOUS_ATTEMPT_RETENTION_DAYS),
        )
        .delete()[1]
        .get(Participant._meta.label, 0),
        # Legal evidence, kept after the account is deleted, until its period is over.
        "attestations": Attestation.objects.filter(
            issued_at__lt=now - timedelta(days=settings.ATTESTATION_RETENTION_DAYS)
        ).delete()[0],
        "attendance sheets": HalfDay.objects.filter(
            date__lt=(now - timedelta(days=settings.ATTENDANCE_RETENTION_DAYS)).date()
        )
        .delete()[1]
        .get(HalfDay._meta.label, 0),
        "sign-ups never activated": User.objects.filter(
            is_active=False,
            last_login=None,
            date_joined__lt=now - timedelta(days=settings.UNACTIVATED_ACCOUNT_RETENTION_DAYS),
        )
        .delete()[1]
        .get(User._meta.label, 0),
    }
    return deleted
