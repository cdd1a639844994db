"""What attestations keep about a person (privacy.registry): legal evidence, kept under the
learner's name after the account is deleted, for CERTIFICATE_RETENTION_YEARS after the end of the
year of the workshop's last payment (workshops.models.WorkshopQuerySet). When they go, a record
without personal data stays, so that their verification address still answers."""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from privacy.registry import DELETED, KEPT, Export, YearEndExpiry, register
from workshops.models import Workshop
from workshops.personal_data import until

from .models import Attestation, ExpiredAttestation, SelfStudyAttestation


def attestations(user, now):
    return [
        {
            "formation": attestation.content["workshop"]["title"],
            "delivree_le": attestation.issued_at.isoformat(),
            "revoquee_le": attestation.revoked_at and attestation.revoked_at.isoformat(),
            "contenu": attestation.content,
        }
        for attestation in Attestation.objects.filter(user=user)
    ]


def self_study_attestations(user, now):
    return [
        {
            "cours": attestation.content["course"]["title"],
            "delivree_le": attestation.issued_at.isoformat(),
            "adresse_de_verification": attestation.get_verify_url(),
            "contenu": attestation.content,
        }
        for attestation in SelfStudyAttestation.objects.filter(user=user)
    ]


def tells(user, expiry):
    workshops = Workshop.objects.filter(attestations__user=user).distinct()
    return [
        _(
            "Atelier « %(name)s » : les attestations et certificats qui vous ont été délivrés, "
            "sous votre nom, jusqu'au %(date)s ; ensuite, leur adresse de vérification dira "
            "seulement qu'ils ont existé."
        )
        % {"name": workshop.name, "date": date_format(last_day, "j F Y")}
        for workshop, last_day in until(expiry, workshops)
    ]


def attestations_up_to(year):
    """Those of workshops whose evidence year is `year` or earlier (one whose workshop is gone:
    by the year it was issued in)."""
    return Q(workshop__in=Workshop.objects.evidence_year_at_most(year).values("pk")) | Q(
        workshop=None, issued_at__year__lte=year
    )


def register_personal_data():
    register(
        Attestation,
        on_account_deletion=KEPT,
        export=Export("attestations", attestations),
        expiry=YearEndExpiry(
            "attestations",
            "CERTIFICATE_RETENTION_YEARS",
            attestations_up_to,
            on_purge=ExpiredAttestation.record,
        ),
        tells=tells,
    )
    # Not training evidence (no legal period): it goes with the account, and its verification
    # address then says only that it existed (attestations.signals).
    register(
        SelfStudyAttestation,
        on_account_deletion=DELETED,
        export=Export("attestations_de_suivi", self_study_attestations),
    )
