"""What the review of missed questions keeps about a person (privacy.registry): each review
answer (a visitor's are purged with their anonymous attempts, after
ANONYMOUS_ATTEMPT_RETENTION_DAYS), and the choice of e-mail reminders."""

from django.db.models import Q

from privacy.registry import DELETED, Expiry, Export, register

from .models import ReviewAnswer, ReviewReminder


def review_answers(user, now):
    return [
        {
            "quiz": answer.quiz_title,
            "question": answer.question.get("text", ""),
            "bonne_reponse": answer.is_correct,
            "repondue_le": answer.answered_at.isoformat(),
            "prochaine_revision": answer.next_on and answer.next_on.isoformat(),
            "correction": answer.question,
        }
        for answer in ReviewAnswer.objects.filter(user=user).order_by("answered_at", "position")
    ]


def review_reminders(user, now):
    reminder = ReviewReminder.objects.filter(user=user).first()
    if reminder is None:
        return None
    return {
        "demandes_le": reminder.subscribed_at.isoformat(),
        "arretes_le": reminder.unsubscribed_at and reminder.unsubscribed_at.isoformat(),
    }


def register_personal_data():
    register(
        ReviewAnswer,
        on_account_deletion=DELETED,
        export=Export("revisions", review_answers),
        expiry=Expiry(
            "anonymous review answers",
            "answered_at",
            "ANONYMOUS_ATTEMPT_RETENTION_DAYS",
            only=Q(user=None),
        ),
    )
    register(
        ReviewReminder,
        on_account_deletion=DELETED,
        export=Export("rappels_de_revision", review_reminders),
    )
