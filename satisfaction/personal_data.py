"""What satisfaction questionnaires keep about a person (privacy.registry). A learner's request
(asked, reminded, answered) is unlinked from their account when it goes. An anonymous response
names no one; a named one loses its name when the account goes. Both stay in the workshop's
figures."""

from privacy.registry import UNLINKED, Export, register

from .models import Request, Response


def answered(user, now):
    return [
        {"atelier": name, "questionnaire": timing, "repondu_le": at and at.isoformat()}
        for name, timing, at in Request.objects.filter(user=user).values_list(
            "workshop__name", "timing", "answered_at"
        )
    ]


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
