"""What satisfaction questionnaires keep about a person (privacy.registry). A learner's request
(asked, reminded, answered) is unlinked from their account when it goes. An anonymous response
names no one; a named one loses its name when the account goes. Both stay in the workshop's
figures."""

from django.db.models import Q

from privacy.registry import UNLINKED, Export, YearEndExpiry, register
from workshops.models import Workshop

from .models import Request, Response, Summary


def answered(user, now):
    return [
        {"atelier": name, "questionnaire": timing, "repondu_le": at and at.isoformat()}
        for name, timing, at in Request.objects.filter(user=user).values_list(
            "workshop__name", "timing", "answered_at"
        )
    ]


def summaries_up_to(year):
    return Q(workshop__in=Workshop.objects.evidence_year_at_most(year).values("pk"))


def register_personal_data():
    register(
        Request,
        on_account_deletion=UNLINKED,
        export=Export("satisfaction", answered),
        note="Who was asked a workshop's questionnaire and when they answered (not what): "
        "unlinked when the account goes, so the workshop's response rate stays as it was.",
    )
    register(
        Response,
        on_account_deletion=UNLINKED,
        note="Answers to a satisfaction questionnaire: anonymous ones name no one; a named one "
        "is unlinked from the account and stays in the workshop's figures.",
    )
    register(
        Summary,
        on_account_deletion=UNLINKED,
        expiry=YearEndExpiry(
            "satisfaction summaries", "CERTIFICATE_RETENTION_YEARS", summaries_up_to
        ),
        note="A workshop's figures, which name no one (open answers may): kept with the "
        "workshop's evidence, then deleted with their file.",
    )
