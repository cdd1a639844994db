"""What trainers and participants do on a sheet, with the rules that make it evidence: a learner
signs only during the session (with a short grace), in the room with its current code or through
their own link for a session at a distance, never someone else; the trainer countersigns at the
session's end, which seals the sheet; what follows the seal is an amendment."""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from caching.addresses import public_url
from caching.rate import client_address
from jobs import mail
from jobs.models import Job
from typography.french import typeset, typeset_text
from workshops.models import TrainingBody, WorkshopSession
from workshops.reading import learner_name

from . import codes
from .models import Amendment, LateSignature, LinkSent, Presence, Sheet

# A drawn signature: an SVG path of moves and lines in a 300 × 100 box, as signature.js writes.
SIGNATURE_PATH = re.compile(r"^(?:[ML] ?-?\d{1,3}(?:\.\d)? -?\d{1,3}(?:\.\d)? ?)+$")
SIGNATURE_LENGTH = 20000
LINK_SALT = "attendance.link"


class Refused(Exception):
    """An action the rules refuse, with the French message to show."""


@dataclass(frozen=True)
class Proof:
    """Where a signature came from, as the server saw it."""

    ip_address: str | None
    user_agent: str

    @classmethod
    def of(cls, request):
        return cls(client_address(request) or None, request.headers.get("User-Agent", "")[:300])


def sheet_for(session):
    """The session's sheet (made when first needed: sheets exist only for scheduled sessions)."""
    sheet, _created = Sheet.objects.get_or_create(session=session)
    return sheet


def minutes(number):
    return timedelta(minutes=number)


def signing_window(session):
    return (
        session.start() - minutes(settings.SIGNING_OPENS_BEFORE_MINUTES),
        session.end() + minutes(settings.SIGNING_CLOSES_AFTER_MINUTES),
    )


def countersigning_window(session):
    return (
        session.end() - minutes(settings.COUNTERSIGNING_OPENS_BEFORE_END_MINUTES),
        session.end() + minutes(settings.COUNTERSIGNING_CLOSES_AFTER_END_MINUTES),
    )


def within(window, now):
    start, end = window
    return start <= now <= end


def clock(moment):
    return time_format(timezone.localtime(moment), "H:i")


def is_signing_open(session, now=None):
    return within(signing_window(session), now or timezone.now())


def open_sessions(user, now=None):
    """The sessions of the user's workshops whose signing window is open now."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sessions = WorkshopSession.objects.filter(
        workshop__memberships__user=user, date__range=(today - timedelta(days=1), today)
    ).select_related("workshop")
    return [session for session in sessions if is_signing_open(session, now)]


def late_sheets(user):
    """The sheets the trainer has let the user sign late, not yet countersigned: listed on
    their Émargement page whatever the time, as the trainer is told they are."""
    return (
        Sheet.objects.filter(late_signatures__user=user, seal_digest="")
        .select_related("session__workshop")
        .order_by("session__date", "session__starts_at")
    )


def clean_signature(signature, confirmed):
    """A drawn path, or a confirmed tap (empty path); anything else is refused."""
    signature = (signature or "").strip()
    if signature and (len(signature) > SIGNATURE_LENGTH or not SIGNATURE_PATH.match(signature)):
        raise Refused(_("Signature illisible : effacez-la et signez de nouveau."))
    if not signature and not confirmed:
        raise Refused(_("Signez dans le cadre, ou cochez la case pour confirmer votre présence."))
    return signature


def personal_link_token(sheet, user_id):
    return signing.dumps([sheet.pk, user_id], salt=LINK_SALT)


def personal_link_url(sheet, user_id):
    """The path of a learner's personal signing link for a session at a distance."""
    return reverse("attendance:sign_by_link", args=[personal_link_token(sheet, user_id)])


def send_links(session, trainer, now=None, learner_id=None):
    """E-mail each learner on the roster their own signing link for a session at a distance
    (one e-mail job each, as every e-mail is sent: jobs.mail), or only `learner_id`'s again.
    Without `learner_id`, those whose link was already sent (and did not fail) are not sent a
    second one. The trainer never sees a link. Returns how many were queued."""
    now = now or timezone.now()
    if not session.remote:
        raise Refused(
            _("Cette séance a lieu en salle : on y signe avec le code projeté, sans lien.")
        )
    sheet = sheet_for(session)
    if sheet.sealed:
        raise Refused(_("La feuille est contresignée : on ne peut plus la signer."))
    if now > signing_window(session)[1]:
        raise Refused(_("L'émargement de cette séance est fermé : les liens ne servent plus."))
    with transaction.atomic():
        # Two clicks at once (two trainers, a double tap) send each link once: the second waits
        # for the first and finds its links sent.
        sheet = Sheet.objects.select_for_update().get(pk=sheet.pk)
        sent = send_links_now(sheet, session, trainer, now, learner_id)
    if not sent:
        if learner_id is not None:
            raise Refused(_("Cette personne n'est pas inscrite à l'atelier : aucun lien envoyé."))
        if session.workshop.memberships.exists():
            raise Refused(
                _(
                    "Chaque participant a déjà reçu son lien : renvoyez-le à celui qui l'a "
                    "perdu, sur sa ligne."
                )
            )
        raise Refused(_("Personne n'est inscrit à cet atelier : aucun lien à envoyer."))
    return sent


def send_links_now(sheet, session, trainer, now, learner_id):
    """send_links' sending, the sheet locked: returns how many links were e-mailed."""
    from django.contrib.auth import get_user_model

    learners = get_user_model().objects.filter(
        memberships__workshop=session.workshop_id, is_active=True
    )
    if learner_id is not None:
        learners = learners.filter(pk=learner_id)
    else:
        # Not those whose link is delivered, on its way, or long delivered (its job purged).
        arrived = sheet.links_sent.exclude(job__status=Job.Status.FAILED)
        learners = learners.exclude(pk__in=arrived.values("user"))
    body = TrainingBody.load()
    opens, closes = signing_window(session)
    sent = 0
    for learner in learners.order_by("pk"):
        context = {
            "first_name": learner.first_name,
            "workshop": session.workshop,
            "session": session,
            "opens": clock(opens),
            "closes": clock(closes),
            "link": public_url(personal_link_url(sheet, learner.pk)),
            "body": body,
        }
        subject = typeset_text(
            render_to_string("attendance/emails/link_subject.txt", context).strip()
        )
        text = typeset_text(render_to_string("attendance/emails/link.txt", context))
        html = typeset(render_to_string("attendance/emails/link.html", context))
        job = mail.send(trainer, subject, text, to=learner.email, html=html)
        LinkSent.objects.create(sheet=sheet, user=learner, sent_at=now, job=job)
        sent += 1
    return sent


def last_links(sheet):
    """{learner's id: the last link sent them for `sheet`} (from a prefetched links_sent)."""
    return {link.user_id: link for link in sheet.links_sent.all()}


def read_link_token(token):
    """(sheet, user) of a personal link, or Refused."""
    from django.contrib.auth import get_user_model

    try:
        sheet_id, user_id = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        raise Refused(_("Ce lien d'émargement n'est pas valide.")) from None
    sheet = Sheet.objects.select_related("session__workshop").filter(pk=sheet_id).first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if not sheet or not user:
        raise Refused(_("Ce lien d'émargement n'est plus valide."))
    return sheet, user


def link_only(session, late_leave):
    """Whether a learner signs this session only through their personal link: at a distance,
    unless the trainer let them sign late (then from their Émargement page, like the room)."""
    return session.remote and not late_leave


def sign(sheet, user, signature, confirmed, proof, *, code="", by_link=False, now=None):
    """The participant's own signature, timestamped by the server, with its proof."""
    now = now or timezone.now()
    signature = clean_signature(signature, confirmed)
    with transaction.atomic():
        sheet = (
            Sheet.objects.select_for_update().select_related("session__workshop").get(pk=sheet.pk)
        )
        session = sheet.session
        if not session.workshop.memberships.filter(user=user).exists():
            raise Refused(_("Vous ne participez pas à cet atelier."))
        if sheet.sealed:
            raise Refused(
                _("La feuille de cette séance est contresignée : on ne peut plus la signer.")
            )
        late = LateSignature.objects.filter(sheet=sheet, user=user).first()
        if not late:
            start, end = window = signing_window(session)
            if not within(window, now):
                raise Refused(
                    _(
                        "L'émargement de cette séance est ouvert de %(start)s à %(end)s, le "
                        "%(date)s. En dehors de ces heures, seul le formateur peut vous autoriser "
                        "à signer en retard."
                    )
                    % {
                        "start": clock(start),
                        "end": clock(end),
                        "date": session.date.strftime("%d/%m/%Y"),
                    }
                )
            if link_only(session, late) and not by_link:
                raise Refused(
                    _("Cette séance a lieu à distance : signez avec le lien personnel reçu.")
                )
            if not session.remote and not codes.accepted(sheet, code, now):
                raise Refused(
                    _(
                        "Code de la salle incorrect ou expiré : saisissez le code affiché en ce "
                        "moment à l'écran (il change toutes les %(seconds)s secondes)."
                    )
                    % {"seconds": settings.ROOM_CODE_SECONDS}
                )
        presence = Presence.objects.filter(sheet=sheet, user=user).first()
        if presence and presence.status == Presence.Status.SIGNED:
            return presence  # signed already: the first signature stands
        fields = {
            "name": learner_name(user.first_name, user.last_name),
            "status": Presence.Status.SIGNED,
            "signed_at": now,
            "signature": signature,
            "method": Presence.Method.DRAWN if signature else Presence.Method.TAP,
            "identified_by": (Presence.Identified.LINK if by_link else Presence.Identified.ACCOUNT),
            "code": "" if late or session.remote else "".join(c for c in code if c.isdigit()),
            "ip_address": proof.ip_address,
            "user_agent": proof.user_agent,
            "late_reason": late.reason if late else "",
            "recorded_by": None,
        }
        if presence:  # noted absent, then came: their own signature replaces the note
            for name, value in fields.items():
                setattr(presence, name, value)
            presence.save()
            return presence
        return Presence.objects.create(sheet=sheet, user=user, **fields)


def canonical(sheet):
    """The sheet's content as countersigned: what the seal's digest covers."""
    session = sheet.session
    presences = sorted(sheet.presences.all(), key=lambda presence: (presence.name, presence.pk))
    return {
        "workshop": session.workshop.name,
        "session": {
            "date": session.date.isoformat(),
            "starts_at": session.starts_at.strftime("%H:%M"),
            "ends_at": session.ends_at.strftime("%H:%M"),
            "topic": session.topic,
            "place": str(session.place()),
        },
        "lines": [
            {
                "name": presence.name,
                "status": presence.status,
                "signed_at": presence.signed_at and presence.signed_at.isoformat(),
                "signature_sha256": hashlib.sha256(presence.signature.encode()).hexdigest(),
                "method": presence.method,
                "identified_by": presence.identified_by,
                "code": presence.code,
                "ip_address": presence.ip_address,
                "user_agent": presence.user_agent,
                "late_reason": presence.late_reason,
            }
            for presence in presences
        ],
        "trainer": sheet.trainer_name,
        "trainer_signature_sha256": hashlib.sha256(sheet.trainer_signature.encode()).hexdigest(),
        "countersigned_at": sheet.countersigned_at.isoformat(),
        "countersignature_proof": countersignature_proof(sheet),
    }


def countersignature_proof(sheet):
    """How the trainer countersigned, as the server saw it: kept like a signature's proof."""
    return {
        "method": sheet.trainer_method,
        "identified_by": sheet.trainer_identified_by,
        "ip_address": sheet.trainer_ip_address,
        "user_agent": sheet.trainer_user_agent,
        "late_reason": sheet.trainer_late_reason,
    }


def digest(content):
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def countersign(sheet, trainer, signature, confirmed, proof, now=None, late_reason=""):
    """The trainer's signature, at the session's end, seals the sheet; its proof (server time,
    address, browser, method, identified by their account's session) is sealed with it. After
    its window (the trainer forgot), only with `late_reason`, which the sheet shows."""
    now = now or timezone.now()
    late_reason = (late_reason or "").strip()
    signature = clean_signature(signature, confirmed)
    with transaction.atomic():
        sheet = (
            Sheet.objects.select_for_update().select_related("session__workshop").get(pk=sheet.pk)
        )
        if sheet.sealed:
            raise Refused(_("Cette feuille est déjà contresignée."))
        start, end = countersigning_window(sheet.session)
        if now > end and not late_reason:
            raise Refused(
                _(
                    "La contresignature de cette séance a fermé à %(end)s. Vous pouvez encore "
                    "contresigner en retard : indiquez pourquoi, la feuille le dira."
                )
                % {"end": clock(end)}
            )
        if now < start:
            raise Refused(
                _(
                    "On contresigne à la fin de la séance, de %(start)s à %(end)s : la "
                    "contresignature certifie la présence de ceux qui ont signé jusqu'au bout."
                )
                % {"start": clock(start), "end": clock(end)}
            )
        sheet.trainer = trainer
        sheet.trainer_name = learner_name(trainer.first_name, trainer.last_name)
        sheet.trainer_signature = signature
        sheet.countersigned_at = now
        sheet.trainer_method = Presence.Method.DRAWN if signature else Presence.Method.TAP
        sheet.trainer_identified_by = Presence.Identified.ACCOUNT
        sheet.trainer_ip_address = proof.ip_address
        sheet.trainer_user_agent = proof.user_agent
        sheet.trainer_late_reason = late_reason if now > end else ""
        sheet.sealed_content = canonical(sheet)
        sheet.seal_digest = digest(sheet.sealed_content)
        sheet.save()
    return sheet


def amend(sheet, presence, kind, about, reason, trainer, now):
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Indiquez le motif : il figure sur la feuille."))
    return Amendment.objects.create(
        sheet=sheet,
        presence=presence,
        kind=kind,
        about=about,
        reason=reason,
        made_by=trainer,
        made_by_name=learner_name(trainer.first_name, trainer.last_name),
        made_at=now,
    )


def record_absence(sheet, member, trainer, reason="", now=None):
    """An absence, never a signature; a line already signed stays signed (contest it). After
    the seal, an amendment with its reason."""
    now = now or timezone.now()
    name = learner_name(member.first_name, member.last_name)
    signed = Presence.objects.filter(sheet=sheet, user=member, status=Presence.Status.SIGNED)
    if signed.exists():
        raise Refused(_("Ce participant a signé : sa signature reste (vous pouvez la contester)."))
    if sheet.sealed:
        return amend(sheet, None, Amendment.Kind.ABSENCE, name, reason, trainer, now)
    try:
        with transaction.atomic():
            presence, _created = Presence.objects.get_or_create(
                sheet=sheet,
                user=member,
                defaults={"name": name, "status": Presence.Status.ABSENT, "recorded_by": trainer},
            )
    except IntegrityError:  # the participant signed at that very moment
        presence = Presence.objects.get(sheet=sheet, user=member)
    if presence.status == Presence.Status.SIGNED:
        raise Refused(_("Ce participant a signé : sa signature reste (vous pouvez la contester)."))
    return presence


def contest(presence, trainer, reason, now=None):
    """The trainer doubts a signature (signed from elsewhere, left early): the line shows as
    contested, with the reason, and counts no hours. The signature itself stays."""
    if presence.status != Presence.Status.SIGNED:
        raise Refused(_("Seule une signature peut être contestée."))
    if presence.amendments.filter(kind=Amendment.Kind.CONTEST).exists():
        raise Refused(_("Cette signature est déjà contestée."))
    now = now or timezone.now()
    return amend(
        presence.sheet, presence, Amendment.Kind.CONTEST, presence.name, reason, trainer, now
    )


def allow_late(sheet, member, trainer, reason, now=None):
    """Let one learner sign outside the window, before the seal; the sheet says so."""
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Indiquez le motif de la signature tardive : il figure sur la feuille."))
    if sheet.sealed:
        raise Refused(_("La feuille est contresignée : on ne peut plus y signer."))
    late, _created = LateSignature.objects.get_or_create(
        sheet=sheet,
        user=member,
        defaults={"reason": reason, "allowed_by": trainer, "allowed_at": now or timezone.now()},
    )
    return late


def proving_sheets(workshop, between=None):
    """The sheets that prove attendance: countersigned, of sessions within the workshop's
    dates. between: (first day, last day), only those of sessions on these days (a period's
    figures: the published results, the yearly report)."""
    sheets = Sheet.objects.filter(session__workshop=workshop, countersigned_at__isnull=False)
    if workshop.starts_on:
        sheets = sheets.filter(session__date__gte=workshop.starts_on)
    if workshop.ends_on:
        sheets = sheets.filter(session__date__lte=workshop.ends_on)
    if between:
        sheets = sheets.filter(session__date__range=between)
    return sheets


def realised(workshop, between=None):
    """What the sheets prove, per learner: {user id (or a deleted account's former id):
    (sessions, hours)}, from the proving sheets' lines signed and not contested (of the days
    `between`, if given). No sheet, no hours."""
    presences = Presence.objects.filter(
        sheet__in=proving_sheets(workshop, between), status=Presence.Status.SIGNED
    ).exclude(amendments__kind=Amendment.Kind.CONTEST)
    done = {}
    for presence in presences.select_related("sheet__session"):
        # A deleted account's lines: under its former id, as its former membership is.
        learner = presence.user_id or presence.former_user_id
        sessions, hours = done.get(learner, (0, Decimal(0)))
        done[learner] = (sessions + 1, hours + presence.sheet.session.hours())
    return done


def signed_for_final_test(assignment, user, session, now):
    """The final test is for those present at the last session: the learner signed its sheet
    (a contested signature does not count). Registered with workshops.assessment."""
    signed = Presence.objects.filter(
        sheet__session=session, user=user, status=Presence.Status.SIGNED
    ).exclude(amendments__kind=Amendment.Kind.CONTEST)
    if signed.exists():
        return None
    return _(
        "Le test final est réservé aux participants présents à la dernière séance : signez "
        "d'abord sa feuille d'émargement (Émargement), puis revenez au test."
    )
