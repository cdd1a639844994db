"""A learner's best result at each quiz, for the quiz lists, the course page and "Mon espace":
their attempts if signed in, else the visitor's attempts kept in their session."""

from typing import NamedTuple

from .attempts import session_tokens
from .models import Attempt


class Best(NamedTuple):
    """The best attempt's right answers out of its scored questions (its score, in percent), and
    whether any attempt passed (None: a quiz without a pass mark)."""

    correct: int
    total: int
    score: int
    passed: bool | None


def best_results(request, quiz_ids=None):
    """{quiz id: Best} of this learner's scored attempts (at `quiz_ids` only, if given), in one
    query; nothing for a visitor without attempts."""
    if request.user.is_authenticated:
        attempts = Attempt.objects.filter(user=request.user)
    else:
        tokens = session_tokens(request) if hasattr(request, "session") else []
        if not tokens:
            return {}
        attempts = Attempt.objects.filter(token__in=tokens, user=None)
    attempts = attempts.exclude(quiz=None).filter(question_count__gt=0)
    if quiz_ids is not None:
        attempts = attempts.filter(quiz_id__in=list(quiz_ids))
    rows = attempts.order_by("submitted_at").values_list(
        "quiz_id", "correct_count", "question_count", "score", "pass_mark"
    )
    best = {}
    for quiz_id, correct, total, score, pass_mark in rows:
        passed = None if pass_mark is None else score >= pass_mark
        known = best.get(quiz_id)
        if known is not None:
            if known.passed or (known.passed is not None and passed is None):
                passed = known.passed
            if known.score > score:
                correct, total, score = known.correct, known.total, known.score
        best[quiz_id] = Best(correct, total, score, passed)
    return best
