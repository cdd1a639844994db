"""Where learners stand on assigned quizzes: the trainer's results table (in a fixed number of
queries whatever the workshop's size), the class's figures per quiz, how each question's answers
spread, and each learner's quizzes to do.

Every figure counts the workshop's current members only, each through the attempt their
assignment's rule keeps (the best or the last): a learner removed from the workshop leaves every
table, chart and rate of it."""

import hashlib
import pickle
import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape as escape_text
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from figures.charts import ChartItem, build_chart
from quizzes.models import Attempt
from quizzes.scoring import describe_right_answer
from typography.french import typeset_fragment

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


class AssignedQuiz(NamedTuple):
    """What the results table reads of an assignment (a tuple: quicker to load than objects)."""

    id: int
    opens_at: object
    due_at: object
    scoring_rule: str
    max_attempts: int | None
    title: str
    pass_mark: int | None


# What it reads of an AssignmentProgress row, as a tuple (quicker to load than objects; plain
# columns, which the ORM reads several times faster than computed ones).
PROGRESS_FIELDS = [
    "attempt_count",
    "best_score",
    "last_score",
    "best_attempt_id",
    "last_attempt_id",
]
NO_NAME = _("Participant sans nom")


def learner_name(first_name, last_name):
    return f"{first_name} {last_name}".strip() or str(NO_NAME)


class Cell(NamedTuple):
    """One learner's standing on one assigned quiz."""

    status: str
    score: int | None
    passed: bool | None = None
    attempts: int = 0
    attempt_id: int | None = None

    @property
    def status_label(self):
        return str(STATUS_LABELS[self.status])

    @property
    def passed_label(self):
        return {True: _("réussi"), False: _("non réussi")}.get(self.passed, "")


class Learner(NamedTuple):
    id: int
    name: str
    email: str


def kept_positions(rule):
    """Where the kept score and attempt sit in a PROGRESS_FIELDS tuple, by the rule."""
    return (2, 4) if rule == ScoringRule.LAST else (1, 3)


def progress_rows(assignments, **filters):
    """(assignment id, user id, *PROGRESS_FIELDS) of the assignments' progress rows."""
    return AssignmentProgress.objects.filter(assignment__in=assignments, **filters).values_list(
        "assignment_id", "user_id", *PROGRESS_FIELDS
    )


def progress_status(assignment, submitted, started, now):
    """Where a learner stands on an assignment: the one rule for trainers and learners."""
    if submitted:
        return "done"
    if now >= assignment.due_at:
        return "late"
    if now < assignment.opens_at:
        return "not_open"
    return "in_progress" if started else "not_started"


def is_passed(score, pass_mark):
    return None if pass_mark is None or score is None else score >= pass_mark


def attempts_used(count, limit):
    if limit:
        return ngettext(
            "%(count)s tentative sur %(limit)s", "%(count)s tentatives sur %(limit)s", count
        ) % {"count": count, "limit": limit}
    return ngettext("%(count)s tentative", "%(count)s tentatives", count) % {"count": count}


def percent(value):
    """72 → "72 %", 72.5 → "72,5 %" (French decimal comma, non-breaking space)."""
    if value is None:
        return "—"
    shown = f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return f"{shown}\u00a0%"


class Column:
    """What every cell of an assignment's column shares, worked out once per table: the status
    (and the table cell) of a learner who has not opened the quiz, has opened it without sending
    an attempt, or has sent one. A 200 × 10 table has 2,000 cells: they are built here, from
    these, rather than one by one by the template language, and kept short (the score links to
    the attempt, relative to the results page: "123/")."""

    def __init__(self, assignment, now, labels):
        """assignment: an AssignedQuiz; labels: STATUS_LABELS, translated once for the table."""
        self.assignment = assignment
        self.assignment_id = assignment.id
        self.title = assignment.title
        self.pass_mark = assignment.pass_mark
        self.limit = assignment.max_attempts
        self.score_at, self.attempt_at = kept_positions(assignment.scoring_rule)
        self.unopened = progress_status(assignment, submitted=False, started=False, now=now)
        self.opened = progress_status(assignment, submitted=False, started=True, now=now)
        self.submitted = progress_status(assignment, submitted=True, started=True, now=now)
        self.unopened_html = f'<td class="result {self.unopened}">{labels[self.unopened]}</td>'
        self.opened_html = f'<td class="result {self.opened}">{labels[self.opened]}</td>'
        self.verdict = {
            None: ("done", ""),
            True: ("passed", labels["passed"]),
            False: ("failed", labels["failed"]),
        }
        # (score, attempts used) → the cell's HTML before and after its attempt's id, made once.
        self.around = {}

    def header_html(self, detail_url):
        """The column's heading: the quiz (to its per-question page), its deadline and mark.
        detail_url: the per-question page's address, with "{}" for the assignment's id."""
        due = timezone.localtime(self.assignment.due_at)
        meta = _("limite %(due)s") % {"due": f"{due.day}/{due:%m %H:%M}"}
        if self.pass_mark is not None:
            meta += " · " + _("réussi à %(mark)s\u00a0%%") % {"mark": self.pass_mark}
        return format_html(
            '<th scope="col"><a href="{}">{}</a><span class="meta">{}</span></th>',
            detail_url.format(self.assignment_id),
            self.title,
            meta,
        )

    def cell(self, progress):
        """progress: the learner's PROGRESS_FIELDS on the assignment, or None if they never
        opened it."""
        if progress is None:
            return Cell(self.unopened, None)
        count = progress[0]
        if not count:
            return Cell(self.opened, None)
        score = progress[self.score_at]
        passed = is_passed(score, self.pass_mark)
        return Cell(self.submitted, score, passed, count, progress[self.attempt_at])

    def html(self, progress):
        """The same cell, as HTML: the score opens the attempt it comes from."""
        if progress is None:
            return self.unopened_html
        count = progress[0]
        if not count:
            return self.opened_html
        score = progress[self.score_at]
        around = self.around.get((score, count))
        if around is None:  # the first cell with this score and number of attempts
            css, verdict = self.verdict[is_passed(score, self.pass_mark)]
            used = attempts_used(count, self.limit)
            words = escape(f"{verdict} · {used}" if verdict else used)
            around = self.around[score, count] = (
                f'<td class="result {css}"><a href="',
                f'/">{score}\u00a0%</a><small>{words}</small></td>',
            )
        return f"{around[0]}{progress[self.attempt_at]}{around[1]}"


@dataclass
class LearnerRow:
    learner: Learner
    progress: list  # for each column, the learner's PROGRESS_FIELDS, or None
    columns: list = field(repr=False)

    def by_column(self):
        return zip(self.columns, self.progress, strict=True)

    @property
    def cells(self):
        return [column.cell(progress) for column, progress in self.by_column()]

    def __html__(self):
        """The whole table row: one template variable per row, not per cell. (The standard
        library's escape: Django's does the same, plus a check for lazy text a name never is.)"""
        cells = "".join([column.html(progress) for column, progress in self.by_column()])
        name = escape_text(self.learner.name)
        return SafeString(f'<tr><th scope="row">{name}</th>{cells}</tr>')

    __str__ = __html__  # templates call str() before they look for __html__


@dataclass
class ColumnSummary:
    """The class's figures on one assigned quiz, over the learners who submitted."""

    scores: list
    passed: int | None  # None when the quiz has no pass mark
    learners: int

    @property
    def submitted(self):
        return len(self.scores)

    @property
    def average(self):
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def median(self):
        return statistics.median(self.scores) if self.scores else None

    @property
    def average_display(self):
        return percent(self.average)

    @property
    def median_display(self):
        return percent(self.median)


def assignment_detail_url():
    """The per-question page's address, with "{}" for the assignment's id (reversed once)."""
    return reverse("workshops:assignment_detail", args=[0]).replace("/0/", "/{}/")


def header_cells_html(columns, detail_url):
    """The table's head, after its first cell."""
    return SafeString("".join(column.header_html(detail_url) for column in columns))


def summary_rows_html(results):
    """The table's foot: the class's figures under each column."""
    share = str(_("%(part)s sur %(whole)s"))
    no_mark = str(_("sans note de réussite"))
    figures = [
        (_("Moyenne"), [summary.average_display for summary in results]),
        (_("Médiane"), [summary.median_display for summary in results]),
        (_("Ont rendu"), [share % {"part": s.submitted, "whole": s.learners} for s in results]),
        (
            _("Ont réussi"),
            [
                no_mark if s.passed is None else share % {"part": s.passed, "whole": s.submitted}
                for s in results
            ],
        ),
    ]
    return SafeString(
        "".join(
            f'<tr><th scope="row">{escape(label)}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
            + "</tr>"
            for label, cells in figures
        )
    )


def summaries(columns, rows):
    """Each column's class figures, read straight from the progress tuples."""
    result = []
    for index, column in enumerate(columns):
        at = column.score_at
        kept = [row.progress[index] for row in rows]
        scores = [progress[at] for progress in kept if progress is not None and progress[0]]
        mark = column.pass_mark
        passed = None if mark is None else len([score for score in scores if score >= mark])
        result.append(ColumnSummary(scores=scores, passed=passed, learners=len(rows)))
    return result


def members_of(workshop):
    return [
        Learner(pk, learner_name(first_name, last_name), email)
        for pk, first_name, last_name, email in get_user_model()
        .objects.filter(memberships__workshop=workshop)
        .order_by("last_name", "first_name", "email")
        .values_list("id", "first_name", "last_name", "email")
    ]


def table_inputs(workshop):
    """Everything the results table shows, in three queries: (members, AssignedQuiz list,
    progress rows), the last reading one row per learner and quiz, however many attempts."""
    members = members_of(workshop)
    assignments = [
        AssignedQuiz(*row)
        for row in workshop.assignments.values_list(
            "id",
            "opens_at",
            "due_at",
            "scoring_rule",
            "max_attempts",
            "quiz__title",
            "quiz__pass_mark",
        )
    ]
    progress = list(progress_rows([a.id for a in assignments]))
    return members, assignments, progress


def table_labels():
    """STATUS_LABELS and the verdicts, translated once for the table (escape() of a lazy
    translation would stay lazy)."""
    labels = {status: escape(str(label)) for status, label in STATUS_LABELS.items()}
    labels.update(passed=escape(str(_("réussi"))), failed=escape(str(_("non réussi"))))
    return labels


def workshop_results(workshop, inputs=None, now=None):
    """(columns, learner rows): a learners × assignments table. inputs: table_inputs(), when
    already read."""
    members, assignments, progress_list = inputs or table_inputs(workshop)
    now = now or timezone.now()
    progress = {}  # learner: {assignment: PROGRESS_FIELDS}
    for assignment_id, user_id, *fields in progress_list:
        progress.setdefault(user_id, {})[assignment_id] = fields
    labels = table_labels()
    columns = [Column(assignment, now, labels) for assignment in assignments]
    ids = [column.assignment_id for column in columns]
    rows = []
    for member in members:
        mine = progress.get(member.id, {})
        rows.append(LearnerRow(member, [mine.get(i) for i in ids], columns))
    return columns, rows


class ResultsTable(NamedTuple):
    """The trainer's table as HTML, French typography done: head cells, body rows, foot rows."""

    has_columns: bool
    has_rows: bool
    head: str
    body: str
    foot: str


def _table_code():
    """What a kept table was built by (this module and the project's translations): a new
    version of either never reads an older one's HTML."""
    digest = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8)
    for folder in settings.LOCALE_PATHS:
        for catalogue in sorted(Path(folder).glob("*/LC_MESSAGES/django.mo")):
            digest.update(catalogue.read_bytes())
    return digest.hexdigest()


_TABLE_CODE = _table_code()
TABLE_TIMEOUT = 600  # seconds: learners' names do not stay long in the cache


def results_table(workshop):
    """The trainer's results table. Building and typesetting its 2,000 cells costs several
    times more than reading the rows they come from, so the HTML is kept in the default cache
    (one entry per workshop) beside a digest of everything it shows: members and their names,
    assigned quizzes and their settings, each learner's progress, where each quiz stands in time
    (open, closed), the language and time zone, and the version of this code and of its
    translations. The rows are read on every request; when their digest differs, the table is
    built again. A kept table is therefore never stale, with one worker, several or several
    servers, and needs no invalidation: not even a change made without signals
    (QuerySet.update()) is missed."""
    now = timezone.now()
    inputs = table_inputs(workshop)
    assignments = inputs[1]
    detail_url = assignment_detail_url()
    # The only way the hour changes the table: a quiz opens, or its deadline passes.
    phases = [(now >= a.opens_at, now >= a.due_at) for a in assignments]
    digest = hashlib.blake2b(
        pickle.dumps(
            (_TABLE_CODE, get_language(), get_current_timezone_name(), detail_url, phases, inputs),
            pickle.HIGHEST_PROTOCOL,
        ),
        digest_size=16,
    ).hexdigest()
    key = f"workshops:results-table:{workshop.pk}"
    kept = cache.get(key)
    if kept is not None and kept[0] == digest:
        return kept[1]
    columns, rows = workshop_results(workshop, inputs, now)
    table = ResultsTable(
        has_columns=bool(columns),
        has_rows=bool(rows),
        head=typeset_fragment(header_cells_html(columns, detail_url)),
        body=typeset_fragment("".join([row.__html__() for row in rows])),
        foot=typeset_fragment(summary_rows_html(summaries(columns, rows))),
    )
    cache.set(key, (digest, table), TABLE_TIMEOUT)
    return table


def submission_dates(rows):
    """{attempt id: when it was submitted} for every attempt the table keeps, in one query."""
    ids = {cell.attempt_id for row in rows for cell in row.cells if cell.attempt_id}
    return dict(Attempt.objects.filter(pk__in=ids).values_list("pk", "submitted_at"))


def retained_attempts(assignment):
    """{user id: (score, attempt id)} kept by the assignment's rule, for its workshop's current
    members who submitted."""
    rows = progress_rows(
        [assignment], attempt_count__gt=0, user__memberships__workshop=assignment.workshop_id
    )
    score_at, attempt_at = kept_positions(assignment.scoring_rule)
    return {row[1]: (row[2 + score_at], row[2 + attempt_at]) for row in rows}


def distribution_chart(assignment, kept):
    scores = [score for score, _attempt in kept.values()]
    if not scores:
        return None
    items = []
    for low, high in BUCKETS:
        count = sum(1 for score in scores if low <= score <= high)
        items.append(ChartItem(label=f"{low} à {high}\u00a0%", value=count, display=str(count)))
    return build_chart(
        f"distribution-{assignment.pk}",
        _("Répartition des scores"),
        items,
        description=_("Nombre d'apprenants par tranche de score (score retenu : %(rule)s).")
        % {"rule": assignment.get_scoring_rule_display()},
        axis_label=_("Nombre d'apprenants"),
        counts=True,
    )


@dataclass
class Spread:
    """How many learners gave one answer: a choice, or a range around a numeric answer."""

    label: str
    count: int = 0
    correct: bool = False


@dataclass
class QuestionReport:
    """One question over the learners' kept attempts: its success rate, its right answer and
    how the answers spread."""

    number: int
    id: str
    kind: str
    text: str
    right_answer: str
    explanation: str
    section: dict | None
    spread: list = field(default_factory=list)
    right: int = 0
    total: int = 0

    @property
    def rate(self):
        return round(100 * self.right / self.total) if self.total else 0

    @property
    def chart(self):
        if not self.total:
            return None
        title = _("Question %(number)s : réponses données") % {"number": self.number}
        items = [
            ChartItem(
                label=f"{spread.label} ({_('bonne réponse')})" if spread.correct else spread.label,
                value=spread.count,
                display=str(spread.count),
                highlight=spread.correct,
            )
            for spread in self.spread
        ]
        description = (
            _("Nombre d'apprenants ayant coché chaque réponse.")
            if self.kind == "multiple"
            else _("Nombre d'apprenants ayant donné chaque réponse.")
        )
        return build_chart(
            f"question-{self.number}",
            title,
            items,
            description=description,
            axis_label=_("Nombre d'apprenants"),
            counts=True,
        )


def numeric_spread(question):
    """Below, within or above the accepted range, for a numeric estimate."""
    answer, tolerance = Decimal(question["answer"]), Decimal(question["tolerance"])
    unit = question.get("unit", "")
    low, high = answer - tolerance, answer + tolerance
    return [
        Spread(_("En dessous de %(value)s %(unit)s") % {"value": number_format(low), "unit": unit}),
        Spread(
            _("De %(low)s à %(high)s %(unit)s")
            % {"low": number_format(low), "high": number_format(high), "unit": unit},
            correct=True,
        ),
        Spread(_("Au-dessus de %(value)s %(unit)s") % {"value": number_format(high), "unit": unit}),
    ]


def count_answer(report, question, by_choice):
    given = question["given"]
    if given is None:  # unanswered (in a live session): in no bar
        return
    if question["kind"] == "numeric":
        value = Decimal(given)
        gap = value - Decimal(question["answer"])
        tolerance = Decimal(question["tolerance"])
        index = 0 if gap < -tolerance else 2 if gap > tolerance else 1
        report.spread[index].count += 1
        return
    for choice_id in given:
        if choice_id in by_choice:
            by_choice[choice_id].count += 1


def question_reports(assignment, kept):
    """One report per question, in the quiz's order, over the kept attempts."""
    snapshots = Attempt.objects.filter(
        pk__in=[attempt_id for _score, attempt_id in kept.values()]
    ).values_list("questions", flat=True)
    order = {child.id: i for i, child in enumerate(assignment.quiz.questions)}
    reports, choices = {}, {}
    for questions in snapshots:
        for question in questions:
            report = reports.get(question["id"])
            if report is None:
                report = reports[question["id"]] = QuestionReport(
                    number=0,
                    id=question["id"],
                    kind=question["kind"],
                    text=question["text"],
                    right_answer=describe_right_answer(question),
                    explanation=question["explanation"],
                    section=question.get("section"),
                )
                if question["kind"] == "numeric":
                    report.spread = numeric_spread(question)
                choices[question["id"]] = {}
            by_choice = choices[question["id"]]
            for choice in question.get("choices", []):
                if choice["id"] not in by_choice:
                    by_choice[choice["id"]] = Spread(choice["text"], correct=choice["correct"])
                    report.spread.append(by_choice[choice["id"]])
            report.total += 1
            report.right += 1 if question["is_correct"] else 0
            count_answer(report, question, by_choice)
    ordered = sorted(reports.values(), key=lambda r: (order.get(r.id, len(order)), r.text))
    choice_order = quiz_choice_order(assignment.quiz)
    for number, report in enumerate(ordered, start=1):
        report.number = number
        if report.kind in ("single", "multiple"):
            # Attempts may have shuffled the choices: show them in the quiz's own order.
            ids = list(choices[report.id])
            rank = {choice_id: choice_order.get(choice_id, len(ids)) for choice_id in ids}
            report.spread = [choices[report.id][i] for i in sorted(ids, key=rank.get)]
    return ordered


def quiz_choice_order(quiz):
    """{choice id: its position in its question} in the quiz as published now."""
    order = {}
    for child in quiz.questions:
        if child.block_type in ("single", "multiple"):
            for position, choice in enumerate(child.value["choices"].bound_blocks):
                order[choice.id] = position
    return order


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
