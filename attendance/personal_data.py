"""What attendance sheets keep about a person (privacy.registry): legal evidence, kept under the
name it was signed under after the account is deleted, for ATTENDANCE_RETENTION_YEARS after the
end of the year of the workshop's last payment (workshops.models.WorkshopQuerySet)."""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from privacy.registry import DELETED, KEPT, Export, YearEndExpiry, register
from workshops.models import Workshop
from workshops.personal_data import until

from .models import Amendment, LateSignature, LinkSent, Presence, Sheet


def presences(user, now):
    return [
        {
            "atelier": presence.sheet.workshop.name,
            "seance": str(presence.sheet.session),
            "presence": presence.status,
            "signe_le": presence.signed_at and presence.signed_at.isoformat(),
            "adresse_ip": presence.ip_address,
            "navigateur": presence.user_agent,
        }
        for presence in Presence.objects.filter(user=user).select_related(
            "sheet__session__workshop"
        )
    ]


def keep_former_id(user):
    """Before the account goes: its lines keep the account's former id, which ties them to the
    workshop's former member (workshops.personal_data), so its sessions stay counted."""
    Presence.objects.filter(user=user).update(former_user_id=user.pk)


def tells(user, expiry):
    workshops = Workshop.objects.filter(sessions__sheet__presences__user=user).distinct()
    return [
        _(
            "Atelier « %(name)s » : vos signatures sur ses feuilles d'émargement, sous votre nom, "
            "jusqu'au %(date)s."
        )
        % {"name": workshop.name, "date": date_format(last_day, "j F Y")}
        for workshop, last_day in until(expiry, workshops)
    ]


def sheets_up_to(year):
    return Q(session__workshop__in=Workshop.objects.evidence_year_at_most(year).values("pk"))


def register_personal_data():
    register(
        Sheet,
        on_account_deletion=KEPT,
        expiry=YearEndExpiry("attendance sheets", "ATTENDANCE_RETENTION_YEARS", sheets_up_to),
        tells=tells,
        note="The trainer's countersignature (name, drawn signature): legal evidence, not a "
        "learner's data.",
    )
    register(
        Presence,
        on_account_deletion=KEPT,
        export=Export("emargement", presences),
        keep=keep_former_id,
        note="Signature and its proof (address, browser): deleted with its sheet, when the "
        "sheet's period is over.",
    )
    register(
        LateSignature,
        on_account_deletion=DELETED,
        note="The trainer's leave to sign late: its reason is copied into the signature's line, "
        "which is kept; the leave itself goes with the account or its sheet.",
    )
    register(
        LinkSent,
        on_account_deletion=DELETED,
        note="Which learner was e-mailed a signing link, and when: goes with the account or its "
        "sheet (the e-mail's own record is the trainer's job, jobs.personal_data).",
    )
    register(
        Amendment,
        on_account_deletion=KEPT,
        note="Changes after the seal (who, when, why): deleted with their sheet.",
    )
