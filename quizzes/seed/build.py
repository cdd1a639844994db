"""Builds the quizzes from the seed modules. Creates only the missing ones."""

import uuid

from django.db import transaction
from django.utils.html import escape

from figures.models import Statistic
from figures.rich_text import resolve_citations
from lessons.models import LessonPage
from quizzes.models import Quiz
from quizzes.opinions import UNSCORED_KINDS

from . import QUIZZES


def _rich_text(text, statistics):
    """Seed text → rich text: a paragraph, with its cited statistics ([[stat:slug]]); none for
    an empty text."""
    return resolve_citations(f"<p>{escape(text)}</p>", statistics) if text else ""


def _opinion(question):
    """A question without a right answer: its text, and its choices or its scale."""
    value = {"text": question["text"]}
    if question["kind"] == "poll":
        value["multiple"] = question.get("multiple", False)
        value["choices"] = [
            {"type": "item", "id": str(uuid.uuid4()), "value": text} for text in question["choices"]
        ]
    elif question["kind"] == "scale":
        for key in ("scale", "low_label", "high_label"):
            value[key] = question[key]
    return {"type": question["kind"], "value": value, "id": str(uuid.uuid4())}


def _question(question, lessons, statistics):
    if question["kind"] in UNSCORED_KINDS:
        return _opinion(question)
    lesson_slug, anchor = question["section"]
    value = {
        "text": question["text"],
        "explanation": _rich_text(question["explanation"], statistics),
        "lesson": lessons.get(lesson_slug),
        "anchor": anchor,
    }
    kind = question["kind"]
    if kind in ("single", "multiple"):
        value["choices"] = [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {
                    "text": text,
                    "correct": correct,
                    "feedback": _rich_text(feedback, statistics),
                },
            }
            for text, correct, feedback in question["choices"]
        ]
    elif kind == "true_false":
        value["answer"] = question["answer"]
    else:
        value["statistic"] = statistics[question["statistic"]]
        value["tolerance"] = str(question["tolerance"])
    # Stable ids: attempts refer to questions and choices by them.
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


@transaction.atomic
def build_quizzes():
    lessons = dict(LessonPage.objects.values_list("slug", "pk"))
    statistics = dict(Statistic.objects.values_list("slug", "pk"))
    existing = set(Quiz.objects.values_list("slug", flat=True))
    created = 0
    for data in QUIZZES:
        if data["slug"] in existing:
            continue
        is_course_quiz = data["lesson"] is None
        quiz = Quiz(
            title=data["title"],
            slug=data["slug"],
            lesson_id=lessons.get(data["lesson"]),
            intro=data["intro"],
            pass_mark=data["pass_mark"],
            # Every quiz mixes its choices (the seed lists the right one first); the course
            # quiz mixes its questions too.
            shuffle_questions=is_course_quiz,
            shuffle_choices=True,
            questions=[_question(q, lessons, statistics) for q in data["questions"]],
            typed_figures_reason=data.get("typed_figures_reason", ""),
            live=False,
        )
        quiz.save()
        quiz.save_revision().publish()
        created += 1
    return created
