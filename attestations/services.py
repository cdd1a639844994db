"""Issuing and revoking attestations, and printing them."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.addresses import public_url
from typography.names import file_safe
from workshops.pdf import render_pdf

from .content import WorkshopFacts
from .models import Attestation

TEMPLATES = {
    "attestation": "attestations/attestation.pdf.html",
    "certificat": "attestations/certificate.pdf.html",
}


def issue(workshop, learners, trainer, reason="", issued_reason=""):
    """A new attestation for each learner, from their attendance and results now. One they had
    before is revoked, with `reason`, and names its replacement (its verification page says
    so)."""
    facts = WorkshopFacts(workshop)
    now = timezone.now()
    reason = reason or _("Remplacée par une nouvelle attestation.")
    with transaction.atomic():
        earlier = {
            attestation.user_id: attestation
            for attestation in Attestation.objects.select_for_update()
            .current()
            .filter(workshop=workshop, user__in=learners)
        }
        issued = []
        for learner in learners:
            content = facts.content(learner)
            before = earlier.get(learner.pk)
            if before:  # revoked first: one current attestation per learner
                revoke(before, trainer, reason, now=now)
            attestation = Attestation.objects.create(
                workshop=workshop,
                user=learner,
                learner_name=content["learner"],
                content=content,
                issued_by=trainer,
                issued_reason=issued_reason,
            )
            if before:
                Attestation.objects.filter(pk=before.pk).update(replaced_by=attestation)
            issued.append(attestation)
        return issued


def revoke(attestation, trainer=None, reason="", now=None):
    if attestation.revoked_at is None:
        attestation.revoked_at = now or timezone.now()
        attestation.revoked_by = trainer
        attestation.revocation_reason = reason
        attestation.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])


def pdf(attestation, document):
    # The site's own address, whoever printed it and however they reached the site.
    verify_url = public_url(attestation.get_verify_url())
    return render_pdf(
        TEMPLATES[document],
        {"attestation": attestation, "c": attestation.content, "verify_url": verify_url},
    )


def file_name(attestation, document="attestation"):
    """ "Roux Léa - certificat.pdf": surname first, so that a ZIP lists them in alphabetical
    order; every letter kept (the name as it was issued, once the account is gone)."""
    user = attestation.user
    name = f"{user.last_name} {user.first_name}".strip() if user else ""
    return f"{file_safe(name or attestation.learner_name) or attestation.pk} - {document}.pdf"
