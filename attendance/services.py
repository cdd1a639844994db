"""What trainers and participants do on a sheet, with the rules that make it evidence: signing
only during the half-day, in a window the trainer opened, by the participant themselves."""

import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workshops.reading import learner_name

from .models import HalfDay, Presence, period_at

# A drawn signature: an SVG path of moves and lines in a 300 × 100 box, as signature.js writes.
SIGNATURE_PATH = re.compile(r"^(?:[ML] ?-?\d{1,3}(?:\.\d)? -?\d{1,3}(?:\.\d)? ?)+$")
SIGNATURE_LENGTH = 20000


class Refused(Exception):
    """An action the rules refuse, with the French message to show."""


def clean_signature(signature, confirmed):
    """A drawn path, or a confirmed tap (empty path); anything else is refused."""
    signature = (signature or "").strip()
    if signature and (len(signature) > SIGNATURE_LENGTH or not SIGNATURE_PATH.match(signature)):
        raise Refused(_("Signature illisible : effacez-la et signez de nouveau."))
    if not signature and not confirmed:
        raise Refused(_("Signez dans le cadre, ou cochez la case pour confirmer votre présence."))
    return signature


def open_now(workshop, trainer, now=None):
    """Open the current half-day's window (creating its sheet). A countersigned sheet stays
    closed: its signatures are final."""
    now = now or timezone.now()
    half_day, _created = HalfDay.objects.get_or_create(
        workshop=workshop, date=timezone.localdate(now), period=period_at(now)
    )
    if half_day.closed_at:
        raise Refused(_("L'émargement de cette demi-journée est clos : il ne peut pas rouvrir."))
    if not half_day.opened_at:
        half_day.opened_at = now
        half_day.trainer = trainer
        half_day.save(update_fields=["opened_at", "trainer"])
    return half_day


def sign(half_day, user, signature, confirmed, now=None):
    """The participant's own signature, timestamped by the server."""
    now = now or timezone.now()
    signature = clean_signature(signature, confirmed)
    with transaction.atomic():
        half_day = HalfDay.objects.select_for_update().get(pk=half_day.pk)
        if not half_day.workshop.memberships.filter(user=user).exists():
            raise Refused(_("Vous ne participez pas à cet atelier."))
        if not half_day.is_open(now):
            raise Refused(
                _(
                    "L'émargement de cette demi-journée n'est pas ouvert : on signe pendant la "
                    "demi-journée, quand le formateur l'ouvre."
                )
            )
        presence = Presence.objects.filter(half_day=half_day, user=user).first()
        if presence and presence.status == Presence.Status.SIGNED:
            return presence  # signed already: the first signature stands
        fields = {
            "name": learner_name(user.first_name, user.last_name),
            "status": Presence.Status.SIGNED,
            "signed_at": now,
            "signature": signature,
            "recorded_by": None,
        }
        if presence:  # noted absent, then came: their own signature replaces the note
            for name, value in fields.items():
                setattr(presence, name, value)
            presence.save()
            return presence
        return Presence.objects.create(half_day=half_day, user=user, **fields)


def countersign(half_day, trainer, signature, confirmed, now=None):
    """The trainer's signature closes the sheet: no participant signs after it."""
    now = now or timezone.now()
    signature = clean_signature(signature, confirmed)
    start, end = half_day.bounds()
    if half_day.closed_at:
        raise Refused(_("Cette feuille est déjà contresignée."))
    if not (start <= now < end):
        raise Refused(_("On contresigne pendant la demi-journée, pas après."))
    half_day.trainer = trainer
    half_day.trainer_name = learner_name(trainer.first_name, trainer.last_name)
    half_day.trainer_signature = signature
    half_day.countersigned_at = half_day.closed_at = now
    half_day.save()
    return half_day


def record_absence(half_day, member, trainer):
    """An absence, never a signature; a line already signed stays signed."""
    try:
        with transaction.atomic():
            presence, created = Presence.objects.get_or_create(
                half_day=half_day,
                user=member,
                defaults={
                    "name": learner_name(member.first_name, member.last_name),
                    "status": Presence.Status.ABSENT,
                    "recorded_by": trainer,
                },
            )
    except IntegrityError:  # the participant signed at that very moment
        presence, created = Presence.objects.get(half_day=half_day, user=member), False
    if not created and presence.status == Presence.Status.SIGNED:
        raise Refused(_("Ce participant a signé : sa signature reste."))
    return presence


def attendance_counts(workshop):
    """{user id: half-days signed}, and the number of half-days held (with a sheet opened)."""
    held = workshop.half_days.exclude(opened_at=None).count()
    signed = {}
    for user_id in Presence.objects.filter(
        half_day__workshop=workshop, status=Presence.Status.SIGNED
    ).values_list("user_id", flat=True):
        signed[user_id] = signed.get(user_id, 0) + 1
    return signed, held
