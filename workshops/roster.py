"""Who is on a workshop's roster, and so may sign its sheets and be issued its documents: those
a trainer admitted. A trainer invites learners by name and e-mail (a personal link, sent by
e-mail, admits the account with that address), or accepts the requests of those who joined with
the workshop's code. Each membership says who admitted the learner, and how."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.addresses import public_url, site_name
from jobs import mail
from typography.french import typeset, typeset_text

from .assessment import Refused
from .models import (
    Admission,
    Invitation,
    JoinRequest,
    Membership,
    TraineeType,
    TrainingBody,
    new_invitation_token,
)
from .names import learner_name


def in_workshops(user):
    """Whether a learner takes part in a workshop (on the roster of one not archived, or asking
    to join one): "Mon espace" shows workshops' blocks only to them."""
    return (
        Membership.objects.filter(user=user, workshop__archived=False).exists()
        or JoinRequest.objects.filter(user=user).exists()
    )


def trainer_name(trainer):
    return learner_name(trainer.first_name, trainer.last_name) or trainer.email


def same_email(a, b):
    return a.strip().casefold() == b.strip().casefold()


def admit(workshop, user, trainer, admission, company="", trainee_type=TraineeType.EMPLOYEE):
    """Put `user` on the roster (once: a second admission keeps the first)."""
    membership, created = Membership.objects.get_or_create(
        workshop=workshop,
        user=user,
        defaults={
            "admission": admission,
            "admitted_by": trainer,
            "admitted_by_name": trainer_name(trainer) if trainer else "",
            "company": company,
            "trainee_type": trainee_type,
        },
    )
    JoinRequest.objects.filter(workshop=workshop, user=user).delete()
    return membership, created


def invite(
    workshop,
    trainer,
    *,
    first_name,
    last_name,
    email,
    company="",
    trainee_type=TraineeType.EMPLOYEE,
    now=None,
    resent=False,
):
    """Invite a learner (or invite them again: a new link, the old one no longer works) and
    queue the e-mail that carries the personal link. `resent`: sent again by itself, after its
    e-mail failed (resend_failed_invitations)."""
    now = now or timezone.now()
    if workshop.memberships.filter(user__email__iexact=email.strip()).exists():
        raise Refused(_("%(email)s participe déjà à l'atelier.") % {"email": email})
    invitation, _created = Invitation.objects.update_or_create(
        workshop=workshop,
        email=email.strip().lower(),
        defaults={
            "first_name": first_name.strip(),
            "last_name": last_name.strip(),
            "company": company.strip(),
            "trainee_type": trainee_type,
            "invited_by": trainer,
            "invited_at": now,
            "token": new_invitation_token(),
            "resent_at": now if resent else None,
        },
    )
    context = {
        "invitation": invitation,
        "workshop": workshop,
        "sessions": workshop.sessions.all(),
        "trainer": trainer_name(trainer),
        "url": public_url(invitation.get_absolute_url()),
        "expires_at": invitation.expires_at(),
        "body": TrainingBody.load(),
        "site": site_name(),
        "site_url": public_url("/"),
    }
    subject = render_to_string("workshops/emails/invitation_subject.txt", context).strip()
    subject = typeset_text(subject)
    body = typeset_text(render_to_string("workshops/emails/invitation.txt", context))
    html = typeset(render_to_string("workshops/emails/invitation.html", context))

    def send():
        job = mail.send(trainer, subject, body, to=invitation.email, html=html)
        Invitation.objects.filter(pk=invitation.pk).update(job=job)

    transaction.on_commit(send)
    return invitation


def resend_failed_invitations(now):
    """Each invitation whose e-mail failed (after jobs.mail's own tries, a minute apart, or an
    address refused) is sent once more a day later (mail.SEND_FAILED_AGAIN_AFTER), with a new
    link, by whoever invited: a mail server down for a morning does not leave a learner
    uninvited. Once only: one that fails again stays failed, shown to the trainer with the
    reason. Returns how many."""
    failed = Invitation.objects.select_related("workshop", "invited_by").filter(
        mail.failed_long_enough(now),
        resent_at=None,
        invited_by__isnull=False,
        workshop__archived=False,
        # Not one long forgotten: its link would have expired by now.
        invited_at__gt=now - timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    sent = 0
    for invitation in failed:
        # Claimed first: another worker's check, meanwhile, sends nothing.
        if not Invitation.objects.filter(pk=invitation.pk, resent_at=None).update(resent_at=now):
            continue
        names = ("first_name", "last_name", "email", "company", "trainee_type")
        fields = {name: getattr(invitation, name) for name in names}
        try:
            invite(invitation.workshop, invitation.invited_by, now=now, resent=True, **fields)
        except Refused:  # on the roster meanwhile (admitted from a join request)
            continue
        sent += 1
    return sent


def valid_invitation(token, now=None):
    """The invitation of a personal link, if it has not expired."""
    now = now or timezone.now()
    invitation = Invitation.objects.select_related("workshop").filter(token=token).first()
    if invitation is None or invitation.expires_at() <= now or invitation.workshop.archived:
        return None
    return invitation


def accept_invitation(invitation, user):
    """The learner opened their link, signed in with the invited address: they are admitted,
    under the name the trainer gave when their account has none."""
    if not same_email(user.email, invitation.email):
        raise Refused(
            _(
                "Cette invitation est adressée à %(email)s : connectez-vous avec cette adresse "
                "(ou créez le compte qui l'utilise)."
            )
            % {"email": invitation.email}
        )
    with transaction.atomic():
        if not (user.first_name.strip() and user.last_name.strip()):
            user.first_name, user.last_name = invitation.first_name, invitation.last_name
            user.save(update_fields=["first_name", "last_name"])
        membership, _created = admit(
            invitation.workshop,
            user,
            invitation.invited_by,
            Admission.INVITATION,
            invitation.company,
            invitation.trainee_type,
        )
        invitation.delete()
    return membership


def request_to_join(workshop, user, company=""):
    """A learner joined with the code: a request the trainer accepts or declines."""
    if workshop.memberships.filter(user=user).exists():
        return None
    try:
        with transaction.atomic():
            request, _created = JoinRequest.objects.update_or_create(
                workshop=workshop, user=user, defaults={"company": company.strip()}
            )
    except IntegrityError:  # the same request sent twice at once
        request = JoinRequest.objects.get(workshop=workshop, user=user)
    return request


def accept_request(join_request, trainer):
    membership, _created = admit(
        join_request.workshop,
        join_request.user,
        trainer,
        Admission.REQUEST,
        join_request.company,
    )
    return membership
