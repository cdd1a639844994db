"""What the trainer's pages read of a workshop: its members, its assigned quizzes, where each
learner stands on each, the attempts each assignment keeps. Read as tuples (`values_list`:
several times quicker to load than model objects, and plain columns several times quicker than
computed ones), each given named fields.

Every figure counts the workshop's current members only, each through the attempt their
assignment's rule keeps (the best or the last): a learner removed from the workshop leaves every
table, chart and rate of it. The group's evaluation figures (entry and final tests, the group
report) also count those who deleted their account once the workshop had begun
(`evidence_members_of`, workshops.personal_data): deleting an account changes no evidence."""

from typing import NamedTuple

from django.db.models import BigIntegerField, Q, Value
from django.db.models.functions import Coalesce

from quizzes.models import Attempt
from quizzes.reports import question_reports

from .assessment import counted_entry_attempts
from .models import AssignmentProgress, Membership, assignment_title
from .names import learner_name
from .progress import kept_of

__all__ = ["learner_name"]  # the name a learner goes by (workshops.names), read from here


class Learner(NamedTuple):
    id: int
    name: str
    email: str
    company: str = ""  # their employer, as the roster gives it


def former_or_current(user_id):
    """A learner's key: their account's id, or the former id of an account deleted since."""
    return Coalesce(user_id, "former_user_id", output_field=BigIntegerField())


def members_of(workshop):
    """The workshop's roster (workshops.roster): who may sign, be issued an attestation, take
    its quizzes."""
    return [
        Learner(pk, learner_name(first_name, last_name), email, company)
        for pk, first_name, last_name, email, company in Membership.objects.filter(
            workshop=workshop, user__isnull=False
        )
        .order_by("user__last_name", "user__first_name", "user__email")
        .values_list("user_id", "user__first_name", "user__last_name", "user__email", "company")
    ]


def evidence_members_of(workshop):
    """Everyone the workshop's evidence counts, in the roster's order: its current members and
    those who deleted their account once it had begun, under the name its sheets give and the
    account's former id (workshops.personal_data). The group's figures read them."""
    rows = (
        Membership.objects.filter(workshop=workshop)
        .annotate(
            learner=former_or_current("user_id"),
            first=Coalesce("user__first_name", "former_first_name"),
            last=Coalesce("user__last_name", "former_last_name"),
            mail=Coalesce("user__email", Value("")),
        )
        .order_by("last", "first", "mail")
        .values_list("learner", "first", "last", "mail", "company")
    )
    return [
        Learner(pk, learner_name(first, last), mail, company)
        for pk, first, last, mail, company in rows
    ]


class AssignedQuiz(NamedTuple):
    """What the results table reads of an assignment."""

    id: int
    opens_at: object
    due_at: object
    scoring_rule: str
    max_attempts: int | None
    quiz_title: str
    pass_mark: int | None
    in_room: bool

    @property
    def title(self):
        return assignment_title(self.quiz_title, self.in_room, self.opens_at)


def assigned_quizzes(workshop):
    return [
        AssignedQuiz._make(row)
        for row in workshop.assignments.values_list(
            "id",
            "opens_at",
            "due_at",
            "scoring_rule",
            "max_attempts",
            "quiz__title",
            "quiz__pass_mark",
            "in_room",
        )
    ]


class Progress(NamedTuple):
    """What the results read of an AssignmentProgress row (its fields have the same names)."""

    assignment_id: int
    user_id: int
    attempt_count: int
    best_score: int | None
    last_score: int | None
    best_attempt_id: int | None
    last_attempt_id: int | None


def progress_rows(assignments, *conditions, **filters):
    """The assignments' progress rows, as Progress tuples (a deleted account's, kept with its
    workshop's evidence, under the account's former id)."""
    rows = AssignmentProgress.objects.filter(*conditions, assignment__in=assignments, **filters)
    fields = ["learner" if name == "user_id" else name for name in Progress._fields]
    rows = rows.annotate(learner=former_or_current("user_id"))
    return list(map(Progress._make, rows.values_list(*fields)))


class TableInputs(NamedTuple):
    """Everything the results table shows."""

    members: list  # of Learner
    assignments: list  # of AssignedQuiz
    progress: list  # of Progress


def table_inputs(workshop):
    """The results table's inputs, in three queries, the progress rows reading one row per
    learner and quiz, however many attempts."""
    members = members_of(workshop)
    assignments = assigned_quizzes(workshop)
    progress = progress_rows([assignment.id for assignment in assignments])
    return TableInputs(members, assignments, progress)


def retained_attempts(assignment):
    """{user id: progress.Kept} by the assignment's rule, for its workshop's current members who
    submitted, and its former ones (a deleted account, under its former id: reading them keeps
    the group's figures as they were). An entry test keeps a starting point: only the attempts
    made before it closed, or under the trainer's reopening, count
    (assessment.counted_entry_attempts)."""
    counted = counted_entry_attempts(assignment)
    if counted is not None:
        return entry_attempts_kept(assignment, counted)
    rows = progress_rows(
        [assignment],
        Q(user__memberships__workshop=assignment.workshop_id)
        | Q(user=None, former_user_id__isnull=False),
        attempt_count__gt=0,
    )
    return {row.user_id: kept_of(row, assignment.scoring_rule) for row in rows}


def entry_attempts_kept(assignment, counted):
    """What the assignment's rule keeps of the counted attempts, counted in the order they were
    submitted as a progress row counts them."""
    progress = {}
    for user_id, attempt_id, score in (
        counted.filter(
            Q(user__memberships__workshop=assignment.workshop_id)
            | Q(user=None, former_user_id__isnull=False)
        )
        .annotate(learner=former_or_current("user_id"))
        .order_by("attempt__submitted_at", "attempt_id")
        .values_list("learner", "attempt_id", "attempt__score")
    ):
        row = progress.setdefault(user_id, AssignmentProgress(attempt_count=0))
        row.count_attempt(attempt_id, score)
    return {user_id: kept_of(row, assignment.scoring_rule) for user_id, row in progress.items()}


def assignment_reports(assignment, kept):
    """Each question's report over the attempts the assignment keeps (`retained_attempts`)."""
    return question_reports(assignment.quiz, [entry.attempt_id for entry in kept.values()])


def submission_dates(rows):
    """{attempt id: when it was submitted} for every attempt a results table keeps (its
    LearnerRows), in one query."""
    ids = {cell.attempt_id for row in rows for cell in row.cells if cell.attempt_id}
    return dict(Attempt.objects.filter(pk__in=ids).values_list("pk", "submitted_at"))
