"""The trainer's results table: a learners × assigned quizzes table, built from what
`reading.table_inputs` read (in a fixed number of queries whatever the workshop's size), with the
class's figures under each quiz; and the distribution of an assignment's kept scores.
`kept_table` keeps its HTML."""

import statistics
from dataclasses import dataclass, field
from html import escape as escape_text
from typing import NamedTuple

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from figures.charts import ChartItem, build_chart

from .progress import STATUS_LABELS, attempts_used, is_passed, kept_of, progress_status
from .reading import Learner, table_inputs

BUCKETS = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)]


def percent(value):
    """72 → "72 %", 72.5 → "72,5 %" (French decimal comma, non-breaking space)."""
    if value is None:
        return "—"
    shown = f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return f"{shown}\u00a0%"


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
        self.rule = assignment.scoring_rule
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
        if self.assignment.in_room:  # no deadline: answered in the room, or not at all
            meta = str(_("en salle, en direct"))
        else:
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
        """progress: the learner's reading.Progress on the assignment, or None if they never
        opened it."""
        if progress is None:
            return Cell(self.unopened, None)
        count = progress.attempt_count
        if not count:
            return Cell(self.opened, None)
        score, attempt_id = kept_of(progress, self.rule)
        return Cell(self.submitted, score, is_passed(score, self.pass_mark), count, attempt_id)

    def html(self, progress):
        """The same cell, as HTML: the score opens the attempt it comes from."""
        if progress is None:
            return self.unopened_html
        count = progress.attempt_count
        if not count:
            return self.opened_html
        score, attempt_id = kept_of(progress, self.rule)
        around = self.around.get((score, count))
        if around is None:  # the first cell with this score and number of attempts
            css, verdict = self.verdict[is_passed(score, self.pass_mark)]
            used = attempts_used(count, self.limit)
            words = escape(f"{verdict} · {used}" if verdict else used)
            around = self.around[score, count] = (
                f'<td class="result {css}"><a href="',
                f'/">{score}\u00a0%</a><small>{words}</small></td>',
            )
        return f"{around[0]}{attempt_id}{around[1]}"


@dataclass
class LearnerRow:
    learner: Learner
    progress: list  # for each column, the learner's reading.Progress, or None
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
        submitted = [row.progress[index] for row in rows]
        scores = [
            kept_of(progress, column.rule).score
            for progress in submitted
            if progress is not None and progress.attempt_count
        ]
        mark = column.pass_mark
        passed = None if mark is None else len([score for score in scores if score >= mark])
        result.append(ColumnSummary(scores=scores, passed=passed, learners=len(rows)))
    return result


def table_labels():
    """STATUS_LABELS and the verdicts, translated once for the table (escape() of a lazy
    translation would stay lazy)."""
    labels = {status: escape(str(label)) for status, label in STATUS_LABELS.items()}
    labels.update(passed=escape(str(_("réussi"))), failed=escape(str(_("non réussi"))))
    return labels


def workshop_results(workshop, inputs=None, now=None):
    """(columns, learner rows): a learners × assignments table. inputs: reading.table_inputs(),
    when already read."""
    if inputs is None:
        inputs = table_inputs(workshop)
    now = now or timezone.now()
    progress = {}  # learner: {assignment: Progress}
    for row in inputs.progress:
        progress.setdefault(row.user_id, {})[row.assignment_id] = row
    labels = table_labels()
    columns = [Column(assignment, now, labels) for assignment in inputs.assignments]
    ids = [column.assignment_id for column in columns]
    rows = []
    for member in inputs.members:
        mine = progress.get(member.id, {})
        rows.append(LearnerRow(member, [mine.get(i) for i in ids], columns))
    return columns, rows


def distribution_chart(assignment, kept):
    """kept: reading.retained_attempts(assignment)."""
    scores = [entry.score for entry in kept.values()]
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
