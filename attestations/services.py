"""Issuing and revoking attestations, and their documents: each PDF is rendered (and signed)
once, by the task worker just after the attestation is issued (attestations.tasks), and kept
with its SHA-256 digest; downloads, the ZIP and the verification page read what was kept, never
a new rendering."""

import base64
import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.addresses import public_url
from typography.names import file_safe
from workshops import signing
from workshops.models import TrainingBody
from workshops.pdf import render_pdf

from .content import WorkshopFacts, attended
from .models import Attestation, Document, SelfStudyAttestation

TEMPLATES = {
    Document.Kind.ATTESTATION: "attestations/attestation.pdf.html",
    Document.Kind.CERTIFICATE: "attestations/certificate.pdf.html",
}
# The signature and the stamp as printed: small enough for a light PDF, sharp at 300 dpi on
# the 60 × 25 mm they take; PNG keeps a transparent background.
IMAGE_SPEC = "max-700x300|format-png"


def issue(workshop, learners, trainer, reason="", issued_reason=""):
    """A new attestation for each learner, from their attendance and results now. One they had
    before is revoked, with `reason`, and names its replacement (its verification page says
    so). Its documents are printed by the task worker (attestations.tasks.print_documents)."""
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
                issued_reason=issued_reason or carried_reason(before, facts, learner),
            )
            # The one it replaces: revoked just now, or earlier on its own (revoked, then
            # issued again from the learner's line); its verification page names this one.
            Attestation.objects.filter(
                workshop=workshop, user=learner, revoked_at__isnull=False, replaced_by=None
            ).exclude(pk=attestation.pk).update(replaced_by=attestation)
            issued.append(attestation)
        return issued


def carried_reason(before, facts, learner):
    """Reissued to a learner who still attended nothing: the trainer's reason for issuing it
    without attendance goes on with it (else the replacement would stand unjustified)."""
    if before and before.issued_reason and not attended(facts, learner.pk):
        return before.issued_reason
    return ""


def revoke(attestation, trainer=None, reason="", now=None):
    if attestation.revoked_at is None:
        attestation.revoked_at = now or timezone.now()
        attestation.revoked_by = trainer
        attestation.revocation_reason = reason
        attestation.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])


def data_uri(content, media_type):
    return f"data:{media_type};base64,{base64.b64encode(content).decode()}"


def image_uri(image):
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_SPEC)
    with rendition.file.open("rb") as file:
        return data_uri(file.read(), "image/png")


def qr_code_uri(url):
    """The verification address as a QR code, one pixel per module (the PDF scales it up
    without blurring it)."""
    import segno

    return segno.make(url, error="m").png_data_uri(scale=1, border=0)


class Printing:
    """What every document printed now shares: the training body's signature and stamp as they
    are today, read once however many documents are printed."""

    def __init__(self):
        body = TrainingBody.load()
        self.signature = image_uri(body.signature)
        self.stamp = image_uri(body.stamp)
        self.signer = signing.signer_name()

    def render(self, attestation, kind):
        # The site's own address, whoever printed it and however they reached the site.
        verify_url = public_url(attestation.get_verify_url())
        pdf = render_pdf(
            TEMPLATES[kind],
            {
                "attestation": attestation,
                "c": attestation.content,
                "verify_url": verify_url,
                "verify_qr": qr_code_uri(verify_url),
                "signature": self.signature,
                "stamp": self.stamp,
                "signer": self.signer,
            },
        )
        body = attestation.content["body"]
        reason = _("%(document)s, délivré(e) par %(body)s") % {
            "document": Document.Kind(kind).label,
            "body": body["name"],
        }
        return signing.sign(pdf, reason=reason, location=body.get("city", ""))


def keep(attestation, kind, pdf):
    """Store a document as printed, with its digest: from then on it is the one issued."""
    return Document.objects.create(
        attestation=attestation,
        kind=kind,
        file=ContentFile(pdf, name=file_name(attestation, kind)),
        sha256=hashlib.sha256(pdf).hexdigest(),
        signed=signing.configured(),
    )


def missing_documents(attestations):
    """(attestation, kind) of each document not printed yet, in order."""
    return [
        (attestation, kind)
        for attestation in attestations
        for kind in TEMPLATES
        if kind not in {document.kind for document in attestation.documents.all()}
    ]


def keep_documents(attestation, printing=None):
    """The attestation's documents, rendered, signed and stored once."""
    printing = printing or Printing()
    kept = {document.kind: document for document in attestation.documents.all()}
    for kind in TEMPLATES:
        if kind not in kept:
            kept[kind] = keep(attestation, kind, printing.render(attestation, kind))
    return kept


def document(attestation, kind):
    """The document as it was issued. One issued before documents were kept is rendered the
    first time it is asked for, and kept from then on."""
    kept = next((d for d in attestation.documents.all() if d.kind == kind), None)
    if kept is None:
        with transaction.atomic():
            kept = keep_documents(attestation)[kind]
    return kept


def pdf(attestation, kind):
    """The bytes that were issued."""
    with document(attestation, kind).file.open("rb") as file:
        return file.read()


def file_name(attestation, document="attestation"):
    """ "Roux Léa - certificat.pdf": surname first, so that a ZIP lists them in alphabetical
    order; every letter kept (the name as it was issued, once the account is gone)."""
    user = attestation.user
    name = f"{user.last_name} {user.first_name}".strip() if user else ""
    return f"{file_safe(name or attestation.learner_name) or attestation.pk} - {document}.pdf"


# The attestation de suivi of a learner who studied alone (attestations.self_study): one PDF,
# printed and kept as a workshop attestation's documents are, verified at the same address.
SELF_STUDY_TEMPLATE = "attestations/self_study.pdf.html"


def render_self_study(attestation):
    verify_url = public_url(attestation.get_verify_url())
    pdf = render_pdf(
        SELF_STUDY_TEMPLATE,
        {
            "attestation": attestation,
            "c": attestation.content,
            "verify_url": verify_url,
            "verify_qr": qr_code_uri(verify_url),
            "signer": signing.signer_name(),
        },
    )
    reason = _("Attestation de suivi, délivrée par %(site)s") % {
        "site": attestation.content["site"]["name"]
    }
    return signing.sign(pdf, reason=reason)


def self_study_file_name(attestation):
    return f"{file_safe(attestation.learner_name) or attestation.pk} - attestation de suivi.pdf"


def keep_self_study(attestation):
    """Its PDF, printed and kept once (whoever asks first: the task worker, or a download
    that came before it)."""
    if attestation.sha256:
        return attestation
    with transaction.atomic():
        attestation = SelfStudyAttestation.objects.select_for_update().get(pk=attestation.pk)
        if not attestation.sha256:
            pdf = render_self_study(attestation)
            attestation.file.save(self_study_file_name(attestation), ContentFile(pdf), save=False)
            attestation.sha256 = hashlib.sha256(pdf).hexdigest()
            attestation.signed = signing.configured()
            attestation.save(update_fields=["file", "sha256", "signed"])
    return attestation


def self_study_pdf(attestation):
    """The bytes that were issued."""
    attestation = keep_self_study(attestation)
    with attestation.file.open("rb") as file:
        return file.read()
