"""Issuing and revoking attestations, and printing them."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from caching.addresses import public_url
from workshops.pdf import render_pdf

from .content import WorkshopFacts
from .models import Attestation

TEMPLATES = {
    "attestation": "attestations/attestation.pdf.html",
    "certificat": "attestations/certificate.pdf.html",
}


def issue(workshop, learners, trainer):
    """A new attestation for each learner, from their attendance and results now; one they
    had before is revoked (the verification page then says so)."""
    facts = WorkshopFacts(workshop)
    now = timezone.now()
    with transaction.atomic():
        Attestation.objects.current().filter(workshop=workshop, user__in=learners).update(
            revoked_at=now
        )
        return [
            Attestation.objects.create(
                workshop=workshop,
                user=learner,
                learner_name=content["learner"],
                content=content,
                issued_by=trainer,
            )
            for learner in learners
            for content in [facts.content(learner)]
        ]


def revoke(attestation):
    if attestation.revoked_at is None:
        attestation.revoked_at = timezone.now()
        attestation.save(update_fields=["revoked_at"])


def pdf(attestation, document):
    # The site's own address, whoever printed it and however they reached the site.
    verify_url = public_url(attestation.get_verify_url())
    return render_pdf(
        TEMPLATES[document],
        {"attestation": attestation, "c": attestation.content, "verify_url": verify_url},
    )


def file_name(attestation, document="attestation"):
    return f"{document}-{slugify(attestation.learner_name) or attestation.pk}.pdf"
