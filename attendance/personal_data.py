"""What attendance sheets keep about a person (privacy.registry): legal evidence, kept under the
name it was signed under after the account is deleted, until ATTENDANCE_RETENTION_DAYS."""

from privacy.registry import KEPT, Expiry, Export, register

from .models import HalfDay, Presence


def presences(user, now):
    return [
        {
            "atelier": presence.half_day.workshop.name,
            "demi_journee": str(presence.half_day),
            "presence": presence.status,
            "signe_le": presence.signed_at and presence.signed_at.isoformat(),
        }
        for presence in Presence.objects.filter(user=user).select_related("half_day__workshop")
    ]


def register_personal_data():
    register(
        HalfDay,
        on_account_deletion=KEPT,
        expiry=Expiry("attendance sheets", "date", "ATTENDANCE_RETENTION_DAYS"),
        note="The trainer's countersignature (name, drawn signature): legal evidence, not a "
        "learner's data.",
    )
    register(
        Presence,
        on_account_deletion=KEPT,
        export=Export("emargement", presences),
        note="Deleted with its sheet (HalfDay), when the sheet's period is over.",
    )
