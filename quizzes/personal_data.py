"""What quizzes keep about a person (privacy.registry): attempts, with an account or without
(anonymous ones are purged after ANONYMOUS_ATTEMPT_RETENTION_DAYS; those of a workshop stay with
its evidence, pseudonymised, once the account is deleted: workshops.personal_data)."""

from django.db.models import Q

from privacy.registry import EDITORS_LOCK, PSEUDONYMISED, UNLINKED, Expiry, Export, register

from .models import Attempt, Quiz


def attempts(user, now):
    """An assigned quiz's correction stays out until the trainer's date for it."""
    return [
        {
            "quiz": attempt.quiz_title,
            "envoyee_le": attempt.submitted_at.isoformat(),
            "score": attempt.score,
            "correction_visible_le": attempt.reveal_after.isoformat()
            if attempt.reveal_after
            else None,
            "questions": attempt.questions_for_learner(now),
        }
        for attempt in Attempt.objects.for_user(user)
    ]


def register_personal_data():
    register(
        Attempt,
        on_account_deletion=PSEUDONYMISED,
        export=Export("tentatives", attempts),
        # Those of an assigned quiz stay with their workshop's evidence (workshops.personal_data
        # keeps them, and deletes them with it); anonymous ones, or one left by nothing, go.
        expiry=Expiry(
            "anonymous quiz attempts",
            "submitted_at",
            "ANONYMOUS_ATTEMPT_RETENTION_DAYS",
            only=Q(user=None) & (Q(assigned=False) | Q(assignment_link=None)),
        ),
        note="An attempt for a workshop that has begun is kept without the account "
        "(workshops.personal_data); the others go with it.",
    )
    register(Quiz, on_account_deletion=UNLINKED, note=EDITORS_LOCK)
