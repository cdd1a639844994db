"""What live sessions keep about a person (privacy.registry): a participant's nickname and
answers, with an account or without (guests are purged after ANONYMOUS_ATTEMPT_RETENTION_DAYS)."""

from django.db.models import Q

from privacy.registry import DELETED, UNLINKED, Expiry, Export, register

from .models import LiveSession, Participant


def participations(user, now):
    return [
        {
            "seance": participant.session.title,
            "pseudonyme": participant.nickname,
            "rejointe_le": participant.joined_at.isoformat(),
            "reponses": [
                {"question": answer.question + 1, "reponse": answer.given}
                for answer in participant.answers.all()
            ],
        }
        for participant in Participant.objects.filter(user=user)
        .select_related("session")
        .prefetch_related("answers")
    ]


def register_personal_data():
    register(
        Participant,
        on_account_deletion=DELETED,
        export=Export("seances_en_direct", participations),
        expiry=Expiry(
            "live guests", "joined_at", "ANONYMOUS_ATTEMPT_RETENTION_DAYS", only=Q(user=None)
        ),
    )
    register(
        LiveSession,
        on_account_deletion=UNLINKED,
        note="The trainer who started it: the session stays with its workshop and holds "
        "nothing of theirs.",
    )
