"""What convocations keep about a person (privacy.registry): the record that the learner was
told of the programme before the action (Qualiopi evidence), under the name and address it was
sent to, kept with the workshop's evidence (CERTIFICATE_RETENTION_YEARS after the end of the year
of its last payment), even once the account is deleted."""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from privacy.registry import KEPT, Export, YearEndExpiry, register
from workshops.models import Workshop
from workshops.personal_data import until

from .models import Convocation


def messages(user, now):
    return [
        {
            "atelier": name,
            "message": kind,
            "envoye_le": queued.isoformat(),
            "adresse": email,
        }
        for name, kind, queued, email in Convocation.objects.filter(user=user).values_list(
            "workshop__name", "kind", "queued_at", "email"
        )
    ]


def tells(user, expiry):
    addresses = {}
    for workshop_id, email in Convocation.objects.filter(user=user).values_list(
        "workshop", "email"
    ):
        addresses.setdefault(workshop_id, set()).add(email)
    workshops = Workshop.objects.filter(pk__in=addresses)
    return [
        _(
            "Atelier « %(name)s » : les convocations et rappels qui vous ont été envoyés, à "
            "votre nom et à votre adresse e-mail (%(emails)s), jusqu'au %(date)s."
        )
        % {
            "name": workshop.name,
            "emails": ", ".join(sorted(addresses[workshop.pk])),
            "date": date_format(last_day, "j F Y"),
        }
        for workshop, last_day in until(expiry, workshops)
    ]


def up_to(year):
    return Q(workshop__in=Workshop.objects.evidence_year_at_most(year).values("pk"))


def register_personal_data():
    register(
        Convocation,
        on_account_deletion=KEPT,
        export=Export("convocations", messages),
        expiry=YearEndExpiry("convocations", "CERTIFICATE_RETENTION_YEARS", up_to),
        tells=tells,
        note="Proof that the learner was told of the programme before the action: kept under "
        "the name and address it was sent to, with the workshop's evidence.",
    )
