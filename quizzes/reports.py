"""How a question went, over many answers to it: how the answers spread (a bar per choice, or
below, within and above a numeric answer's range) and each question's report (success rate,
right answer, spread). Read by the workshops' per-question page and group report, over the
attempts each learner's assignment keeps, and by a live session's projector, over the room's
answers."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from figures.charts import ChartItem, build_chart
from lessons.links import links_in

from .models import Attempt, Quiz
from .numbers import french_number
from .opinions import is_scored
from .scoring import accepted_range, describe_right_answer, placement


@dataclass
class Spread:
    """How many gave one answer: a choice, or a range around a numeric answer."""

    label: str
    count: int = 0
    correct: bool = False


def numeric_ranges(question):
    """Below, within and above the accepted range of a numeric estimate (scoring.Placement's
    order)."""
    low, high = accepted_range(question)
    unit = question.get("unit", "")
    return [
        Spread(_("En dessous de %(value)s %(unit)s") % {"value": french_number(low), "unit": unit}),
        Spread(
            _("De %(low)s à %(high)s %(unit)s")
            % {"low": french_number(low), "high": french_number(high), "unit": unit},
            correct=True,
        ),
        Spread(_("Au-dessus de %(value)s %(unit)s") % {"value": french_number(high), "unit": unit}),
    ]


@dataclass
class QuestionReport:
    """One question over many answers to it: its success rate, its right answer and how the
    answers spread."""

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
    by_choice: dict = field(default_factory=dict, repr=False)  # choice id: its Spread

    @classmethod
    def of(cls, question, number=0):
        """An empty report of a question's snapshot."""
        report = cls(
            number=number,
            id=question["id"],
            kind=question["kind"],
            text=question["text"],
            right_answer=describe_right_answer(question),
            explanation=question["explanation"],
            section=question.get("section"),
        )
        if question["kind"] == "numeric":
            report.spread = numeric_ranges(question)
        report.add_choices(question)
        return report

    def add_choices(self, question):
        """The choices this question showed in one snapshot, each a bar (a snapshot may show
        others than the first one: a quiz edited since)."""
        for choice in question.get("choices", []):
            if choice["id"] not in self.by_choice:
                # A poll's choices are neither right nor wrong.
                correct = choice.get("correct", False)
                self.by_choice[choice["id"]] = Spread(choice["text"], correct=correct)
                self.spread.append(self.by_choice[choice["id"]])

    def add(self, question):
        """One graded snapshot of this question (from one attempt): counted right or wrong, and
        in the spread."""
        self.total += 1
        self.right += 1 if question["is_correct"] else 0
        self.count(question, question["given"])

    def count(self, question, given):
        """One answer given to this question as `question` showed it, in the spread."""
        self.add_choices(question)
        if given is None:  # unanswered (in a live session): in no bar
            return
        if question["kind"] == "numeric":
            self.spread[placement(question, given)].count += 1
            return
        if not isinstance(given, list):  # a scale's number, a text: no choice to count
            return
        for choice_id in given:
            if choice_id in self.by_choice:
                self.by_choice[choice_id].count += 1

    @property
    def scored(self):
        """Whether the question has a right answer (a rate and a right answer to report)."""
        return is_scored(self.kind)

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


def answer_spread(question, answers):
    """How `answers` (as given: choice ids, or a number as text) to one question spread, in the
    order `question` shows its choices."""
    report = QuestionReport.of(question)
    for given in answers:
        report.count(question, given)
    return report.spread


def question_reports(quiz, attempt_ids):
    """One report per scored question of `quiz`, in the quiz's order, over the attempts'
    snapshots (a question without a right answer has no success rate to report)."""
    snapshots = Attempt.objects.filter(pk__in=attempt_ids).values_list("questions", flat=True)
    order = {child.id: i for i, child in enumerate(quiz.questions)}
    reports = {}
    for questions in snapshots:
        for question in questions:
            if not is_scored(question):
                continue
            if question["id"] not in reports:
                reports[question["id"]] = QuestionReport.of(question)
            reports[question["id"]].add(question)
    ordered = sorted(reports.values(), key=lambda r: (order.get(r.id, len(order)), r.text))
    choice_order = quiz_choice_order(quiz)
    for number, report in enumerate(ordered, start=1):
        report.number = number
        if report.kind in ("single", "multiple"):
            # Attempts may have shuffled the choices: show them in the quiz's own order.
            ids = list(report.by_choice)
            rank = {choice_id: choice_order.get(choice_id, len(ids)) for choice_id in ids}
            report.spread = [report.by_choice[i] for i in sorted(ids, key=rank.get)]
    return ordered


def quiz_choice_order(quiz):
    """{choice id: its position in its question} in the quiz as published now."""
    order = {}
    for child in quiz.questions:
        if child.block_type in ("single", "multiple"):
            for position, choice in enumerate(child.value["choices"].bound_blocks):
                order[choice.id] = position
    return order


# What the editors' freshness report (lessons.freshness) reads of the quizzes.


def quiz_readings(since):
    """{(content type id, quiz id): attempts submitted since then}."""
    quiz_type = ContentType.objects.get_for_model(Quiz).pk
    rows = (
        Attempt.objects.filter(submitted_at__gte=since, quiz__isnull=False)
        .values("quiz")
        .annotate(count=Count("id"))
        .values_list("quiz", "count")
    )
    return {(quiz_type, str(quiz)): count for quiz, count in rows}


def quiz_links():
    """(url, label, edit url) of the links in the quizzes' explanations and comments."""
    for quiz in Quiz.objects.only("pk", "title", "questions"):
        label = _("Quiz « %(title)s »") % {"title": quiz.title}
        edit_url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
        for url in links_in(list(quiz.questions.raw_data)):
            yield url, label, edit_url
