"""Entry test and final test (positionnement, évaluation des acquis): where each learner
started and ended, and which lesson sections the group learned. Each score is the one the
assignment's rule keeps, over the workshop's current members, as in the results table, and its
former ones (accounts deleted since it began: reading.evidence_members_of)."""

import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, npgettext

from lessons.models import LessonPage
from quizzes.models import Attempt

from .models import Assignment, Stage
from .progress import NOTHING_KEPT
from .reading import evidence_members_of, retained_attempts
from .results import percent


def change_display(entry, final):
    """ "+25 points", "−10 points", "=": the change between two percentages."""
    if entry is None or final is None:
        return "—"
    change = round(final - entry, 1)
    if change == 0:
        return "="
    sign = "+" if change > 0 else "\u2212"  # a minus sign, not a hyphen
    shown = f"{abs(change):.1f}".removesuffix(".0").replace(".", ",")
    # In French the plural starts at 2: "+1 point", "+1,5 point", "+2 points".
    unit = npgettext("écart de score", "point", "points", 2 if abs(change) >= 2 else 1)
    return f"{sign}{shown}\u00a0{unit}"


@dataclass
class LearnerChange:
    learner: object  # reading.Learner
    entry: int | None
    final: int | None

    @property
    def change(self):
        return change_display(self.entry, self.final)

    @property
    def entry_display(self):
        return percent(self.entry)

    @property
    def final_display(self):
        return percent(self.final)


@dataclass
class SectionChange:
    """One lesson section: the share of right answers to its questions, before and after."""

    title: str
    url: str
    position: int
    counts: dict = field(default_factory=lambda: {"entry": [0, 0], "final": [0, 0]})

    def rate(self, stage):
        right, total = self.counts[stage]
        return 100 * right / total if total else None

    @property
    def entry_rate(self):
        return self.rate("entry")

    @property
    def final_rate(self):
        return self.rate("final")

    @property
    def entry_display(self):
        return percent(self.entry_rate and round(self.entry_rate, 1))

    @property
    def final_display(self):
        return percent(self.final_rate and round(self.final_rate, 1))

    @property
    def change(self):
        return change_display(self.entry_rate, self.final_rate)

    @property
    def verdict(self):
        if self.entry_rate is None or self.final_rate is None:
            return ""
        if self.entry_rate == self.final_rate == 100:
            return _("acquis")
        if self.final_rate > self.entry_rate:
            return _("en progrès")
        return _("à retravailler")

    @property
    def improved(self):
        """Learned or learning: the verdicts shown as good news."""
        return self.verdict in (_("en progrès"), _("acquis"))


@dataclass
class Positioning:
    entry: Assignment | None
    final: Assignment | None
    learners: list
    sections: list

    @property
    def compared(self):
        """The learners the group's figures count: with both tests marked, only those who took
        both (the same learners before and after); with one, those who took it."""
        if self.entry and self.final:
            return [row for row in self.learners if row.entry is not None and row.final is not None]
        return [row for row in self.learners if row.entry is not None or row.final is not None]

    @property
    def compared_count(self):
        return len(self.compared)

    @property
    def compared_display(self):
        """ "sur 3 participants ayant passé les deux tests", as the group's figures say it."""
        count = self.compared_count
        if self.entry and self.final:
            return ngettext(
                "sur %(count)s participant ayant passé les deux tests",
                "sur %(count)s participants ayant passé les deux tests",
                count,
            ) % {"count": count}
        return ngettext(
            "sur %(count)s participant ayant passé le test",
            "sur %(count)s participants ayant passé le test",
            count,
        ) % {"count": count}

    def average(self, stage):
        scores = [getattr(row, stage) for row in self.compared if getattr(row, stage) is not None]
        return statistics.fmean(scores) if scores else None

    @property
    def entry_average(self):
        return self.average("entry")

    @property
    def final_average(self):
        return self.average("final")

    @property
    def entry_average_display(self):
        return percent(self.entry_average and round(self.entry_average, 1))

    @property
    def final_average_display(self):
        return percent(self.final_average and round(self.final_average, 1))

    @property
    def change(self):
        return change_display(self.entry_average, self.final_average)


def tests_of(workshop):
    """{"entry": assignment, "final": assignment}, for those the trainer has marked."""
    return {
        assignment.stage: assignment
        for assignment in workshop.assignments.exclude(stage=Stage.NONE).select_related("quiz")
    }


def section_names(quizzes):
    """{question id: (lesson section's name, its address)}, from the quizzes as published now:
    a section is named by its lesson and heading, not by an anchor."""
    linked = {}
    for quiz in quizzes:
        for child in quiz.questions:
            lesson = child.value.get("lesson")
            if lesson:
                linked[child.id] = (lesson.pk, child.value.get("anchor") or "")
    lessons = LessonPage.objects.in_bulk({pk for pk, _anchor in linked.values()})
    names = {}
    for question_id, (pk, anchor) in linked.items():
        lesson = lessons.get(pk)
        if lesson is None:
            continue
        heading = dict(lesson.table_of_contents()).get(anchor, "")
        title = f"{lesson.title} — {heading}" if heading else lesson.title
        names[question_id] = (title, lesson.url + (f"#{anchor}" if anchor else ""))
    return names


def workshop_positioning(workshop):
    """The workshop's entry → final comparison, or None if no test is marked."""
    tests = tests_of(workshop)
    if not tests:
        return None
    kept = {stage: retained_attempts(assignment) for stage, assignment in tests.items()}
    learners = [
        LearnerChange(
            member,
            kept.get("entry", {}).get(member.id, NOTHING_KEPT).score,
            kept.get("final", {}).get(member.id, NOTHING_KEPT).score,
        )
        for member in evidence_members_of(workshop)
    ]
    names = section_names([assignment.quiz for assignment in tests.values()])
    order = {question_id: position for position, question_id in enumerate(names)}
    sections = {}
    # The same learners before and after: with both tests, only those who took both.
    both = set.intersection(*(set(by_user) for by_user in kept.values()))
    for stage, by_user in kept.items():
        snapshots = Attempt.objects.filter(
            pk__in=[entry.attempt_id for user, entry in by_user.items() if user in both]
        ).values_list("questions", flat=True)
        for questions in snapshots:
            for question in questions:
                section = question.get("section")
                if not section:
                    continue
                title, url = names.get(question["id"], (section["title"], section["url"]))
                position = order.get(question["id"], len(order))
                row = sections.setdefault(url, SectionChange(title, url, position))
                row.position = min(row.position, position)
                row.counts[stage][0] += 1 if question["is_correct"] else 0
                row.counts[stage][1] += 1
    return Positioning(
        entry=tests.get("entry"),
        final=tests.get("final"),
        learners=learners,
        sections=sorted(sections.values(), key=lambda row: (row.position, row.url)),
    )


def learner_positioning(user):
    """For each of the user's workshops with a marked test: (workshop, entry, final) scores."""
    rows = []
    tests = (
        Assignment.objects.filter(workshop__memberships__user=user)
        .exclude(stage=Stage.NONE)
        .select_related("workshop")
        .order_by("workshop__name", "workshop_id")
    )
    by_workshop = {}
    for assignment in tests:
        by_workshop.setdefault(assignment.workshop, {})[assignment.stage] = assignment
    for workshop, stages in by_workshop.items():
        scores = {
            stage: retained_attempts(assignment).get(user.pk, NOTHING_KEPT).score
            for stage, assignment in stages.items()
        }
        rows.append(LearnerChange(workshop, scores.get("entry"), scores.get("final")))
    return rows
