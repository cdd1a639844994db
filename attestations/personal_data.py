"""What attestations keep about a person (privacy.registry): legal evidence, kept under the
learner's name after the account is deleted, until ATTESTATION_RETENTION_DAYS."""

from privacy.registry import KEPT, Expiry, Export, register

from .models import Attestation


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


def register_personal_data():
    register(
        Attestation,
        on_account_deletion=KEPT,
        export=Export("attestations", attestations),
        expiry=Expiry("attestations", "issued_at", "ATTESTATION_RETENTION_DAYS"),
    )
