"""When a missed question comes back: the one rule of the schedule, read from the records.

A question missed in a quiz comes back the next day; answered right when it comes back, it
comes back after the next interval (1, 3, 7, then 21 days); answered wrong, it starts over (the
next day). Answered right after the last interval, it is learned and comes back no more, unless
it is missed again in a quiz. Days are Paris days: a question missed at 23:50 is due at 00:00.

Nothing here is stored: each question's state is worked out from what the learner did, in the
order they did it (the attempts' snapshots of public quizzes, and the review answers), so the
records stay the only evidence and a visitor's state is whatever their session's records say."""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.utils import timezone

from quizzes.attempts import session_tokens
from quizzes.models import Attempt, Quiz
from quizzes.opinions import is_scored

from .models import ReviewAnswer

INTERVALS = (1, 3, 7, 21)  # days before a question comes back, step after step
SESSION_KEY = "recall_rounds"  # a visitor's reviews: their rounds' ids

MISSED, REVIEWED = 0, 1  # in this order when two events share an instant


@dataclass(frozen=True)
class Card:
    """A question a learner missed, and where it stands: waiting through INTERVALS[step] until
    `due_on`, or learned (`due_on` None)."""

    quiz_id: int
    question_id: str
    step: int
    due_on: date | None
    missed_at: datetime

    @property
    def key(self):
        return (self.quiz_id, self.question_id)

    @property
    def learned(self):
        return self.due_on is None

    def due(self, today):
        return not self.learned and self.due_on <= today

    def answered(self, right, day):
        """The card after an answer given on `day` while it was due."""
        if not right:
            return replace(self, step=0, due_on=day + timedelta(days=INTERVALS[0]))
        if self.step + 1 >= len(INTERVALS):
            return replace(self, step=len(INTERVALS), due_on=None)
        step = self.step + 1
        return replace(self, step=step, due_on=day + timedelta(days=INTERVALS[step]))


def missed(quiz_id, question_id, at):
    day = timezone.localdate(at)
    return Card(quiz_id, question_id, 0, day + timedelta(days=INTERVALS[0]), at)


class Learner:
    """Whose questions these are: an account's, or a visitor's, whose attempts and review
    answers this browser's session names (they become the account's at sign-up or sign-in)."""

    def __init__(self, user=None, attempt_tokens=(), rounds=()):
        self.user = user if user is not None and user.is_authenticated else None
        self.attempt_tokens = list(attempt_tokens)
        self.rounds = list(rounds)

    @classmethod
    def of(cls, request):
        if request.user.is_authenticated:
            return cls(user=request.user)
        return cls(attempt_tokens=session_tokens(request), rounds=session_rounds(request))

    @property
    def anonymous(self):
        return self.user is None

    def attempts(self):
        """Attempts at public quizzes, made on the site (an assigned quiz's stays in its
        workshop: its correction may be hidden until a date the trainer chose)."""
        if self.user is not None:
            attempts = Attempt.objects.filter(user=self.user)
        elif self.attempt_tokens:
            attempts = Attempt.objects.filter(user=None, token__in=self.attempt_tokens)
        else:
            return Attempt.objects.none()
        return attempts.filter(assigned=False).exclude(quiz=None)

    def answers(self):
        if self.user is not None:
            return ReviewAnswer.objects.filter(user=self.user)
        if self.rounds:
            return ReviewAnswer.objects.filter(user=None, round__in=self.rounds)
        return ReviewAnswer.objects.none()

    def owns(self, answer):
        if answer.user_id is not None:
            return self.user is not None and answer.user_id == self.user.pk
        return self.user is None and str(answer.round) in self.rounds


def session_rounds(request):
    session = getattr(request, "session", None)
    return list(session.get(SESSION_KEY, [])) if session is not None else []


def cards(learner):
    """{(quiz id, question id): Card} of every question the learner ever missed."""
    events = []
    for quiz_id, at, questions in learner.attempts().values_list(
        "quiz_id", "submitted_at", "questions"
    ):
        for question in questions:
            if is_scored(question) and question.get("is_correct") is False:
                events.append((at, MISSED, (quiz_id, question["id"]), None))
    for quiz_id, question_id, at, right in (
        learner.answers()
        .filter(counted=True)
        .values_list("quiz_id", "question_id", "answered_at", "is_correct")
    ):
        events.append((at, REVIEWED, (quiz_id, question_id), right))
    events.sort(key=lambda event: (event[0], event[1]))
    state = {}
    for at, kind, key, right in events:
        if kind == MISSED:
            state[key] = missed(*key, at)
            continue
        card = state.get(key)
        day = timezone.localdate(at)
        if card is not None and card.due(day):
            state[key] = card.answered(right, day)
    return state


@dataclass(frozen=True)
class Question:
    """A card whose question can be asked now: its quiz is public and still asks it."""

    card: Card
    quiz: Quiz
    child: object


def askable(all_cards):
    """[Question] of the cards whose quiz is live and public and still has the question (as
    published now; an estimate needs its statistic published)."""
    quiz_ids = {card.quiz_id for card in all_cards}
    if not quiz_ids:
        return []
    quizzes = {quiz.pk: quiz for quiz in Quiz.objects.public().filter(pk__in=quiz_ids)}
    children = {}
    for quiz in quizzes.values():
        for child in quiz.available_questions():
            if is_scored(child.block_type):
                children[(quiz.pk, child.id)] = child
    return [
        Question(card, quizzes[card.quiz_id], children[card.key])
        for card in all_cards
        if card.key in children
    ]


@dataclass(frozen=True)
class Summary:
    """Where a learner's missed questions stand today (for "Mon espace", the review page and
    the reminder e-mail)."""

    due: list  # [Question] due today, the most overdue first
    waiting: int  # not due yet
    learned: int
    next_on: date | None  # the next day one comes back, after today

    @property
    def due_count(self):
        return len(self.due)

    @property
    def missed_any(self):
        return bool(self.due or self.waiting or self.learned)


def summary(learner, today=None):
    today = today or timezone.localdate()
    questions = askable(list(cards(learner).values()))
    due = sorted(
        (q for q in questions if q.card.due(today)), key=lambda q: (q.card.due_on, q.card.key)
    )
    waiting = [q.card.due_on for q in questions if not q.card.learned and not q.card.due(today)]
    return Summary(
        due=due,
        waiting=len(waiting),
        learned=sum(1 for q in questions if q.card.learned),
        next_on=min(waiting, default=None),
    )
