"""Where learners stand on assigned quizzes: the trainer's results table (in a fixed number of
queries whatever the workshop's size), per-question rates, and each learner's quizzes to do."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from figures.charts import ChartItem, build_chart
from quizzes.models import Attempt

from .models import AssignedAttempt, Assignment, AssignmentStart, ScoringRule

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


@dataclass
class Cell:
    status: str
    score: int | None = None
    attempts: int = 0
    labels: dict = field(default_factory=dict, repr=False)

    @property
    def status_label(self):
        return self.labels.get(self.status) or str(STATUS_LABELS[self.status])

    def __html__(self):
        """The table cell, built here: a 200 × 10 table has 2,000 of them, so the escaped
        markup of each status is prepared once per table and only the integer score is added."""
        score = "" if self.score is None else f"<strong>{int(self.score)} %</strong> "
        return mark_safe(self.labels["markup"][self.status].format(score))

    __str__ = __html__  # templates call str() before they look for __html__


def table_labels():
    """Status labels translated once, and each status's cell markup with a slot for the score."""
    labels = {status: str(label) for status, label in STATUS_LABELS.items()}
    labels["markup"] = {
        status: format_html(
            '<td class="result result--{}">{{}}<span class="result__status">{}</span></td>',
            status,
            label,
        )
        for status, label in STATUS_LABELS.items()
    }
    return labels


@dataclass
class LearnerRow:
    user: object
    cells: list = field(default_factory=list)


def rule_score(rule, scores):
    """scores: oldest first."""
    if not scores:
        return None
    return scores[-1] if rule == ScoringRule.LAST else max(scores)


def progress_status(assignment, submitted, started, now):
    """Where a learner stands on an assignment: the one rule for trainers and learners."""
    if submitted:
        return "done"
    if now >= assignment.due_at:
        return "late"
    if now < assignment.opens_at:
        return "not_open"
    return "in_progress" if started else "not_started"


def cell_for(assignment, scores, started, now, labels):
    """scores: the learner's attempt scores for the assignment, oldest first."""
    status = progress_status(assignment, bool(scores), started, now)
    return Cell(status, rule_score(assignment.scoring_rule, scores), len(scores), labels)


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
    scores = defaultdict(list)
    # Sorted by the database, so no date needs reading here: oldest first, the last is last.
    for assignment_id, user_id, score in (
        AssignedAttempt.objects.filter(assignment__workshop=workshop)
        .order_by("attempt__submitted_at", "attempt_id")
        .values_list("assignment_id", "user_id", "attempt__score")
    ):
        scores[assignment_id, user_id].append(score)
    labels = table_labels()
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
                    scores.get((assignment.pk, member.pk), []),
                    (assignment.pk, member.pk) in started,
                    now,
                    labels,
                )
                for assignment in assignments
            ],
        )
        for member in members
    ]
    return assignments, rows


def learner_scores(assignment):
    """{user id: score by the assignment's rule} for learners who submitted."""
    scores = defaultdict(list)
    for user_id, score in (
        AssignedAttempt.objects.filter(assignment=assignment)
        .order_by("attempt__submitted_at", "attempt_id")
        .values_list("user_id", "attempt__score")
    ):
        scores[user_id].append(score)
    return {
        user_id: rule_score(assignment.scoring_rule, items) for user_id, items in scores.items()
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
    done = {}
    for assignment_id, score in AssignedAttempt.objects.filter(
        user=user, assignment__in=assignments
    ).values_list("assignment_id", "attempt__score"):
        done.setdefault(assignment_id, []).append(score)
    started = set(
        AssignmentStart.objects.filter(user=user, assignment__in=assignments).values_list(
            "assignment_id", flat=True
        )
    )
    now = timezone.now()
    for assignment in assignments:
        scores = done.get(assignment.pk, [])
        assignment.attempt_count = len(scores)
        assignment.best_score = max(scores) if scores else None
        status = progress_status(assignment, bool(scores), assignment.pk in started, now)
        assignment.status = LEARNER_STATUS_LABELS[status]
    return assignments
