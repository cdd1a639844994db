"""Results of a workshop, computed in a fixed number of queries whatever its size."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from figures.charts import ChartItem, build_chart
from quizzes.models import Attempt

from .models import AssignedAttempt, AssignmentStart, ScoringRule

STATUS_LABELS = {
    "not_started": _("pas commencé"),
    "in_progress": _("en cours"),
    "done": _("fait"),
    "late": _("en retard"),
}
BUCKETS = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)]


@dataclass
class Cell:
    status: str
    score: int | None = None
    attempts: int = 0

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    def __html__(self):
        """The table cell, built here: a 200 × 10 table has 2,000 of them."""
        score = "" if self.score is None else format_html("<strong>{} %</strong> ", self.score)
        return format_html(
            '<td class="result result--{}">{}<span class="result__status">{}</span></td>',
            self.status,
            score,
            self.status_label,
        )

    __str__ = __html__  # templates call str() before they look for __html__


@dataclass
class LearnerRow:
    user: object
    cells: list = field(default_factory=list)


def rule_score(rule, attempts):
    """attempts: [(submitted_at, score)]"""
    if not attempts:
        return None
    if rule == ScoringRule.LAST:
        return max(attempts)[1]
    return max(score for _, score in attempts)


def cell_for(assignment, attempts, started, now):
    if attempts:
        return Cell("done", rule_score(assignment.scoring_rule, attempts), len(attempts))
    if now >= assignment.due_at:
        return Cell("late")
    return Cell("in_progress" if started else "not_started")


def workshop_results(workshop):
    """(assignments, learner rows): a learners × assignments table in four queries."""
    now = timezone.now()
    members = list(
        get_user_model()
        .objects.filter(memberships__workshop=workshop)
        .order_by("last_name", "first_name", "email")
        .only("id", "email", "first_name", "last_name")
    )
    assignments = list(workshop.assignments.select_related("quiz"))
    attempts = defaultdict(list)
    for assignment_id, user_id, submitted_at, score in AssignedAttempt.objects.filter(
        assignment__workshop=workshop
    ).values_list("assignment_id", "user_id", "attempt__submitted_at", "attempt__score"):
        attempts[assignment_id, user_id].append((submitted_at, score))
    started = set(
        AssignmentStart.objects.filter(assignment__workshop=workshop).values_list(
            "assignment_id", "user_id"
        )
    )
    rows = [
        LearnerRow(
            user=member,
            cells=[
                cell_for(
                    assignment,
                    attempts.get((assignment.pk, member.pk), []),
                    (assignment.pk, member.pk) in started,
                    now,
                )
                for assignment in assignments
            ],
        )
        for member in members
    ]
    return assignments, rows


def learner_scores(assignment):
    """{user id: score by the assignment's rule} for learners who submitted."""
    attempts = defaultdict(list)
    for user_id, submitted_at, score in AssignedAttempt.objects.filter(
        assignment=assignment
    ).values_list("user_id", "attempt__submitted_at", "attempt__score"):
        attempts[user_id].append((submitted_at, score))
    return {
        user_id: rule_score(assignment.scoring_rule, items) for user_id, items in attempts.items()
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
