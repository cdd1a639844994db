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


def cell_markup():
    """Each status's table cell, escaped once per table, with a slot for the score: a 200 × 10
    table has 2,000 cells, so they are built here rather than by the template language."""
    return {
        status: format_html(
            '<td class="result result--{}">{{}}<span class="result__status">{}</span></td>',
            status,
            label,
        )
        for status, label in STATUS_LABELS.items()
    }


class Progress(NamedTuple):
    """What the table reads of an AssignmentProgress row (tuples are quicker to load)."""

    attempt_count: int
    best_score: int | None
    last_score: int | None


class Learner(NamedTuple):
    id: int
    name: str  # full name, or "" if the learner gave none
    email: str


@dataclass
class LearnerRow:
    learner: Learner
    cells: list
    markup: dict = field(repr=False)

    def __html__(self):
        """The whole table row, built here too: one template variable per row, not per cell."""
        name = escape(self.learner.name or self.learner.email)
        cells = "".join(
            [
                self.markup[status].format("" if score is None else f"<strong>{score} %</strong> ")
                for status, score in self.cells
            ]
        )
        return SafeString(f'<tr><th scope="row">{name}</th>{cells}</tr>')

    __str__ = __html__  # templates call str() before they look for __html__


def retained_score(rule, progress):
    """The score a learner keeps for an assignment, by its rule; None before any attempt."""
    if progress is None or not progress.attempt_count:
        return None
    return progress.last_score if rule == ScoringRule.LAST else progress.best_score


def progress_status(assignment, submitted, started, now):
    """Where a learner stands on an assignment: the one rule for trainers and learners."""
    if submitted:
        return "done"
    if now >= assignment.due_at:
        return "late"
    if now < assignment.opens_at:
        return "not_open"
    return "in_progress" if started else "not_started"


class Column(NamedTuple):
    """What every cell of an assignment's column shares, worked out once per table: the rule
    for the score, and the status of a learner who has not opened the quiz, has opened it
    without sending an attempt, or has sent one."""

    assignment_id: int
    rule: str
    unopened: str
    opened: str
    submitted: str

    @classmethod
    def of(cls, assignment, now):
        return cls(
            assignment_id=assignment.id,
            rule=assignment.scoring_rule,
            unopened=progress_status(assignment, submitted=False, started=False, now=now),
            opened=progress_status(assignment, submitted=False, started=True, now=now),
            submitted=progress_status(assignment, submitted=True, started=True, now=now),
        )

    def cell(self, progress):
        """progress: the learner's Progress on the assignment, or None if they never opened it."""
        if progress is None:
            return Cell(self.unopened, None)
        if not progress.attempt_count:
            return Cell(self.opened, None)
        return Cell(self.submitted, retained_score(self.rule, progress))


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
        (assignment_id, user_id): Progress(count, best, last)
        for assignment_id, user_id, count, best, last in AssignmentProgress.objects.filter(
            assignment__in=assignments
        ).values_list("assignment_id", "user_id", *Progress._fields)
    }
    columns = [Column.of(assignment, now) for assignment in assignments]
    markup = cell_markup()
    rows = [
        LearnerRow(
            learner=member,
            cells=[
                column.cell(progress.get((column.assignment_id, member.id))) for column in columns
            ],
            markup=markup,
        )
        for member in members
    ]
    return assignments, rows


def learner_scores(assignment):
    """{user id: score by the assignment's rule} for learners who submitted."""
    return {
        row.user_id: retained_score(assignment.scoring_rule, row)
        for row in assignment.progress.filter(attempt_count__gt=0)
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
