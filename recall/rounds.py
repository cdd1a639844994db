"""A review of missed questions ("Revoir mes erreurs"): a short quiz drawn from the questions due
today, each drawn fresh from its quiz as published (its choices shuffled, whatever the quiz
says), in a random order. As an attempt does, a round starts as a signed token naming what was
drawn (no right answer in it); its answers are graded on the server by the quizzes' own rules
and recorded once, each as its own ReviewAnswer, never touching an attempt or a score."""

import random
import secrets
import uuid

from django import forms
from django.core import signing
from django.db import transaction
from django.utils import timezone

from quizzes.attempts import quiz_as_shown
from quizzes.forms import FIELD_PREFIX, Question, QuizForm
from quizzes.models import Quiz
from quizzes.scoring import grade_question, snapshot_question

from . import schedule
from .models import ReviewAnswer

ROUND_SIZE = 10  # a short quiz: a few minutes
TOKEN_SALT = "recall.round"
TOKEN_MAX_AGE = 7 * 24 * 3600


class ReviewForm(QuizForm):
    """The quiz form, its questions from several quizzes: each field is named by its place in
    the round (two quizzes copied from one another share their questions' ids)."""

    def __init__(self, items, *args, **kwargs):
        forms.Form.__init__(self, *args, **kwargs)
        self.question_list = []
        for number, (child, choice_ids) in enumerate(items, start=1):
            name = f"{FIELD_PREFIX}{number}"
            self.fields[name] = self.make_field(child, choice_ids)
            self.question_list.append(Question(number, child, self[name]))
        self.question_count = len(self.question_list)


def choice_order(child, rng):
    """The choices of a question with choices, always shuffled: a review asks the question
    again, not where its answer was."""
    if child.block_type not in ("single", "multiple"):
        return []
    ids = [choice.id for choice in child.value["choices"].bound_blocks]
    rng.shuffle(ids)
    return ids


def draw(summary, rng):
    """[(Question, choice ids)] of a round: the most overdue first (ties at random), at most
    ROUND_SIZE, then in a random order."""
    due = sorted(summary.due, key=lambda q: (q.card.due_on, rng.random()))[:ROUND_SIZE]
    rng.shuffle(due)
    return [(question, choice_order(question.child, rng)) for question in due]


def start(learner, summary):
    """(form, token) of a new round, or (None, None) when nothing is due."""
    drawn = draw(summary, random.Random(secrets.randbits(64)))
    if not drawn:
        return None, None
    token = signing.dumps(
        {
            "items": [[q.quiz.pk, q.child.id, choices] for q, choices in drawn],
            "rev": {str(q.quiz.pk): q.quiz.live_revision_id for q, _choices in drawn},
            "id": str(uuid.uuid4()),
            "u": learner.user.pk if learner.user else None,
            "t": timezone.now().isoformat(),
        },
        salt=TOKEN_SALT,
        compress=True,
    )
    return ReviewForm([(q.child, choices) for q, choices in drawn]), token


def read_token(value):
    try:
        return signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return None


class Expired(Exception):
    """A question of the round is no longer asked (its quiz withdrawn or changed since)."""


def shown(data):
    """[(quiz as shown, its question, choice ids)] of a round's token."""
    quizzes = Quiz.objects.public().in_bulk({quiz_id for quiz_id, _q, _c in data["items"]})
    as_shown = {}
    items = []
    for quiz_id, question_id, choice_ids in data["items"]:
        quiz = quizzes.get(quiz_id)
        if quiz is None:
            raise Expired
        if quiz_id not in as_shown:
            as_shown[quiz_id] = quiz_as_shown(quiz, {"rev": data["rev"][str(quiz_id)]})
        child = next((c for c in as_shown[quiz_id].questions if c.id == question_id), None)
        if child is None:
            raise Expired
        items.append((as_shown[quiz_id], child, choice_ids))
    return items


def bound_form(items, post):
    return ReviewForm([(child, choice_ids) for _quiz, child, choice_ids in items], data=post)


def record(learner, data, items, form):
    """Grade each answer and record it, with where its question's schedule goes: [ReviewAnswer]
    (saved once: a round sent twice raises IntegrityError)."""
    now = timezone.now()
    today = timezone.localdate(now)
    before = schedule.cards(learner)
    lesson_urls = {}
    answers = []
    for position, ((quiz, child, choice_ids), question) in enumerate(
        zip(items, form.question_list, strict=True)
    ):
        graded = grade_question(
            snapshot_question(child, choice_ids, lesson_urls), form.answer(question)
        )
        card = before.get((quiz.pk, child.id))
        counted = card is not None and card.due(today)
        after = card.answered(graded["is_correct"], today) if counted else card
        answers.append(
            ReviewAnswer(
                round=data["id"],
                position=position,
                user=learner.user,
                quiz_id=quiz.pk,
                quiz_title=quiz.title,
                question_id=child.id,
                question=graded,
                is_correct=bool(graded["is_correct"]),
                answered_at=now,
                counted=counted,
                next_on=after.due_on if after is not None else None,
            )
        )
    with transaction.atomic():
        ReviewAnswer.objects.bulk_create(answers)
    return answers
