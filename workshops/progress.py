"""Where a learner stands on an assigned quiz. This module owns its progress rows: it is the one
writer of them (a quiz opened, an attempt recorded, whether taken online or in a live session),
and holds the rules read from them (status, the score an assignment keeps, passed or not)."""

from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quizzes.models import Attempt

from .models import AssignedAttempt, Assignment, AssignmentProgress, ScoringRule

# Where a learner stands on an assignment, as trainers read it…
STATUS_LABELS = {
    "not_open": _("pas commencé"),
    "not_started": _("pas commencé"),
    "in_progress": _("en cours"),
    "done": _("fait"),
    "late": _("en retard"),
    "in_room": _("séance en cours"),
    "missed": _("sans réponse"),
}
# …and as the learner reads it.
LEARNER_STATUS_LABELS = {
    "not_open": _("pas encore ouvert"),
    "not_started": _("à faire"),
    "in_progress": _("en cours"),
    "done": _("fait"),
    "late": _("en retard"),
    "in_room": _("séance en cours"),
    "missed": _("sans réponse enregistrée"),
}


# Writing.


class NotRecorded(Exception):
    """The attempt may not be recorded now (the quiz closed, its limit used…): nothing saved.
    Its message is the reason, in French."""


def mark_opened(assignment, user):
    """The learner opened the quiz: they stand "in progress" from now on."""
    AssignmentProgress.objects.get_or_create(assignment=assignment, user=user)


def record_attempt(assignment, attempt, closed=None):
    """Record `attempt` (unsaved, as `quizzes.attempts.new_attempt` made it) against
    `assignment`: the attempt, its link to the assignment and its learner's progress row,
    counted, in one transaction, under the assignment's lock (two attempts at once are counted
    one after the other). Returns (attempt, True); for a token already recorded, (that recorded
    attempt, False), and nothing changes. closed(): why the learner may not record an attempt
    now, or None; asked under the lock, after the token (a token sent again is answered with its
    result, even once the limit is used); raises NotRecorded with it."""
    with transaction.atomic():
        Assignment.objects.select_for_update().get(pk=assignment.pk)
        existing = Attempt.objects.filter(token=attempt.token).first()
        if existing is not None:
            return existing, False
        reason = closed() if closed else None
        if reason:
            raise NotRecorded(reason)
        attempt.assigned = True
        try:
            with transaction.atomic():
                attempt.save(force_insert=True)
        except IntegrityError:
            # Recorded by a twin request in the meantime, where the lock could not order them.
            existing = Attempt.objects.filter(token=attempt.token).first()
            if existing is None:
                raise
            return existing, False
        AssignedAttempt.objects.create(assignment=assignment, attempt=attempt, user=attempt.user)
        progress, _created = AssignmentProgress.objects.get_or_create(
            assignment=assignment, user=attempt.user
        )
        progress.count_attempt(attempt.pk, attempt.score)
        progress.save(update_fields=AssignmentProgress.COUNTED_FIELDS)
    return attempt, True


# Reading.


def attempts_used_by(assignment, user):
    progress = AssignmentProgress.objects.filter(assignment=assignment, user=user)
    return progress.values_list("attempt_count", flat=True).first() or 0


def progress_status(assignment, submitted, started, now):
    """Where a learner stands on an assignment: the one rule for trainers and learners. One done
    in a live session is never work to do: its session is running, or it is over, with the
    learner's answers or without."""
    if submitted:
        return "done"
    if assignment.in_room:
        return "missed" if now >= assignment.due_at else "in_room"
    if now >= assignment.due_at:
        return "late"
    if now < assignment.opens_at:
        return "not_open"
    return "in_progress" if started else "not_started"


def is_passed(score, pass_mark):
    return None if pass_mark is None or score is None else score >= pass_mark


class Kept(NamedTuple):
    """The score an assignment's rule keeps of a learner's attempts, and the attempt it is from."""

    score: int | None
    attempt_id: int | None


NOTHING_KEPT = Kept(None, None)


def kept_of(progress, rule):
    """What a progress row (an AssignmentProgress, or a reading.Progress) keeps by the
    assignment's scoring rule: the best attempt, or the last."""
    if rule == ScoringRule.LAST:
        return Kept(progress.last_score, progress.last_attempt_id)
    return Kept(progress.best_score, progress.best_attempt_id)


# The score an assignment keeps, as its learner reads it: which attempt it is from.
KEPT_SCORE_LABELS = {
    ScoringRule.BEST: _("meilleur score %(score)s %%"),
    ScoringRule.LAST: _("dernier score %(score)s %%"),
}


def attempts_used(count, limit):
    if limit:
        return ngettext(
            "%(count)s tentative sur %(limit)s", "%(count)s tentatives sur %(limit)s", count
        ) % {"count": count, "limit": limit}
    return ngettext("%(count)s tentative", "%(count)s tentatives", count) % {"count": count}


def learner_assignments(user, workshop=None):
    """The assignments of the user's workshops, with their status for this user."""
    assignments = Assignment.objects.filter(
        workshop__memberships__user=user, workshop__archived=False
    ).select_related("quiz", "workshop")
    if workshop is not None:
        assignments = assignments.filter(workshop=workshop)
    assignments = list(assignments)
    progress = {
        row.assignment_id: row
        for row in AssignmentProgress.objects.filter(user=user, assignment__in=assignments)
    }
    now = timezone.now()
    for assignment in assignments:
        row = progress.get(assignment.pk)
        assignment.attempt_count = row.attempt_count if row else 0
        # The score the trainer's table, the positioning and the attestation show.
        kept = kept_of(row, assignment.scoring_rule) if assignment.attempt_count else NOTHING_KEPT
        assignment.kept_score = kept.score
        assignment.kept_score_display = (
            None
            if kept.score is None
            else KEPT_SCORE_LABELS[assignment.scoring_rule] % {"score": kept.score}
        )
        status = progress_status(assignment, assignment.attempt_count > 0, row is not None, now)
        assignment.status = LEARNER_STATUS_LABELS[status]
    return assignments
