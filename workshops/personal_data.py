"""What workshops keep about a person (privacy.registry)."""

from privacy.registry import DELETED, UNLINKED, Export, register

from .models import (
    AssignedAttempt,
    AssignmentProgress,
    EntryReopening,
    Membership,
    Workshop,
)


def memberships(user, now):
    return [
        {"atelier": name, "rejoint_le": joined.isoformat()}
        for name, joined in Membership.objects.filter(user=user).values_list(
            "workshop__name", "joined_at"
        )
    ]


def register_personal_data():
    register(Membership, on_account_deletion=DELETED, export=Export("ateliers", memberships))
    register(
        AssignmentProgress,
        on_account_deletion=DELETED,
        note="Counted from the learner's attempts on an assigned quiz, which the export holds "
        "(tentatives).",
    )
    register(
        AssignedAttempt,
        on_account_deletion=DELETED,
        note="Ties an attempt, which the export holds (tentatives), to its assignment.",
    )
    register(
        EntryReopening,
        on_account_deletion=DELETED,
        note="The trainer's leave to take the closed entry test once more (who, when, why): it "
        "goes with the learner's account, as their attempts do.",
    )
    register(
        Workshop,
        on_account_deletion=UNLINKED,
        note="Links its trainers and members (members' own rows: Membership); a workshop left "
        "without a trainer is archived (workshops.signals).",
    )
