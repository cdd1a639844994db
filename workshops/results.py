"""Where learners stand on assigned quizzes: the trainer's results table (in a fixed number of
queries whatever the workshop's size), per-question rates, and each learner's quizzes to do."""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from figures.charts import ChartItem, build_chart
from quizzes.models import Attempt

from .models import Assignment, AssignmentProgress, ScoringRule

# Where a learner stands on an assignment, as trainers read it…
STATUS_LABELS = {
    "not_open": _("pas commencé"),
    "not_started": _("pas commencé"),
    "in_progress": _("en cours"),
    "done": _("fait"),
    "late": _("en retard"),
}
# …and as the learner reads it.
LEARNER_STATUS_LABELS = {
    "not_open": _("pas encore ouvert"),
    "not_started": _("à faire"),
    "in_progress": _("en cours"),
    "done": _("fait"),
    "late": _("en retard"),
}
BUCKETS = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)]
# What the results table reads of an assignment.
ASSIGNMENT_FIELDS = ["id", "workshop", "quiz", "opens_at", "due_at", "scoring_rule"]


class Cell(NamedTuple):
    """One learner's standing on one assigned quiz."""

    status: str
    score: int | None

    @property
    def status_label(self):
        return str(STATUS_LABELS[self.status])


class Learner(NamedTuple):
    id: int
    name: str  # full name, or "" if the learner gave none
    email: str


# What the results read of an AssignmentProgress row, as a tuple (quicker to load than objects).
PROGRESS_FIELDS = ["attempt_count", "best_score", "last_score"]


def retained_score(rule, progress):
    """The score a learner keeps for an assignment, by its rule; None before any attempt.
    progress: the learner's (attempt count, best score, last score), or None."""
    if progress is None or not progress[0]:
        return None
    return progress[2] if rule == ScoringRule.LAST else progress[1]


def progress_status(assignment, submitted, started, now):
    """Where a learner stands on an assignment: the one rule for trainers and learners."""
    if submitted:
        return "done"
    if now >= assignment.due_at:
        return "late"
    if now < assignment.opens_at:
        return "not_open"
    return "in_progress" if started else "not_started"


def cell_html(status, score_slot=""):
    return format_html(
        '<td class="result result--{}">{}<span class="result__status">{}</span></td>',
        status,
        SafeString(score_slot),
        STATUS_LABELS[status],
    )


class Column:
    """What every cell of an assignment's column shares, worked out once per table: the status
    (and the table cell) of a learner who has not opened the quiz, has opened it without sending
    an attempt, or has sent one. A 200 × 10 table has 2,000 cells: they are built here, from
    these, rather than one by one by the template language."""

    def __init__(self, assignment, now):
        self.assignment_id = assignment.id
        self.rule = assignment.scoring_rule
        self.unopened = progress_status(assignment, submitted=False, started=False, now=now)
        self.opened = progress_status(assignment, submitted=False, started=True, now=now)
        self.submitted = progress_status(assignment, submitted=True, started=True, now=now)
        self.unopened_html = cell_html(self.unopened)
        self.opened_html = cell_html(self.opened)
        # The submitted cell around its score ("{}" here), for cheap concatenation per cell.
        self.before_score, self.after_score = cell_html(
            self.submitted, "<strong>{} %</strong> "
        ).split("{}")

    def cell(self, progress):
        """progress: the learner's (count, best, last) on the assignment, or None if they never
        opened it."""
        if progress is None:
            return Cell(self.unopened, None)
        if not progress[0]:
            return Cell(self.opened, None)
        return Cell(self.submitted, retained_score(self.rule, progress))

    def html(self, progress):
        """The same cell, as HTML."""
        if progress is None:
            return self.unopened_html
        if not progress[0]:
            return self.opened_html
        return f"{self.before_score}{retained_score(self.rule, progress)}{self.after_score}"


@dataclass
class LearnerRow:
    learner: Learner
    progress: list  # for each column, the learner's (count, best, last), or None
    columns: list = field(repr=False)

    def by_column(self):
        return zip(self.columns, self.progress, strict=True)

    @property
    def cells(self):
        return [column.cell(progress) for column, progress in self.by_column()]

    def __html__(self):
        """The whole table row: one template variable per row, not per cell."""
        name = escape(self.learner.name or self.learner.email)
        cells = "".join([column.html(progress) for column, progress in self.by_column()])
        return SafeString(f'<tr><th scope="row">{name}</th>{cells}</tr>')

    __str__ = __html__  # templates call str() before they look for __html__


def workshop_results(workshop):
    """(assignments, learner rows): a learners × assignments table in three queries, which read
    one progress row per learner and quiz, however many attempts there were."""
    now = timezone.now()
    members = [
        Learner(pk, f"{first_name} {last_name}".strip(), email)
        for pk, first_name, last_name, email in get_user_model()
        .objects.filter(memberships__workshop=workshop)
        .order_by("last_name", "first_name", "email")
        .values_list("id", "first_name", "last_name", "email")
    ]
    # The quizzes' titles only: not their questions.
    assignments = list(
        workshop.assignments.select_related("quiz").only(
            *ASSIGNMENT_FIELDS, "quiz__title", "quiz__slug"
        )
    )
    progress = {
        row[:2]: row[2:]  # (assignment, learner): (count, best, last)
        for row in AssignmentProgress.objects.filter(assignment__in=assignments).values_list(
            "assignment_id", "user_id", *PROGRESS_FIELDS
        )
    }
    columns = [Column(assignment, now) for assignment in assignments]
    rows = [
        LearnerRow(
            learner=member,
            progress=[progress.get((column.assignment_id, member.id)) for column in columns],
            columns=columns,
        )
        for member in members
    ]
    return assignments, rows


def learner_scores(assignment):
    """{user id: score by the assignment's rule} for learners who submitted."""
    return {
        row[0]: retained_score(assignment.scoring_rule, row[1:])
        for row in assignment.progress.filter(attempt_count__gt=0).values_list(
            "user_id", *PROGRESS_FIELDS
        )
    }


def distribution_chart(assignment):
    scores = learner_scores(assignment).values()
    items = []
    for low, high in BUCKETS:
        count = sum(1 for score in scores if low <= score <= high)
        items.append(ChartItem(label=f"{low} à {high} %", value=count, display=str(count)))
    if not scores:
        return None
    return build_chart(
        f"distribution-{assignment.pk}",
        _("Répartition des scores"),
        items,
        description=_("Nombre d'apprenants par tranche de score (score retenu : %(rule)s).")
        % {"rule": assignment.get_scoring_rule_display()},
        axis_label=_("Nombre d'apprenants"),
    )


@dataclass
class QuestionStat:
    text: str
    section: dict | None
    right: int = 0
    total: int = 0

    @property
    def rate(self):
        return round(100 * self.right / self.total) if self.total else 0


def question_stats(assignment):
    """Success rate of each question over every attempt made for the assignment, weakest first."""
    stats = {}
    for questions in Attempt.objects.filter(assignment_link__assignment=assignment).values_list(
        "questions", flat=True
    ):
        for question in questions:
            stat = stats.setdefault(
                question["id"], QuestionStat(question["text"], question.get("section"))
            )
            stat.total += 1
            stat.right += 1 if question["is_correct"] else 0
    return sorted(stats.values(), key=lambda stat: (stat.rate, stat.text))


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
        assignment.best_score = row.best_score if row and row.attempt_count else None
        status = progress_status(assignment, assignment.attempt_count > 0, row is not None, now)
        assignment.status = LEARNER_STATUS_LABELS[status]
    return assignments
