"""What happens in a live session, whoever asks (a socket, a form, a test): starting one, joining,
answering, the trainer's controls. Every change is stored first, then the screens are told
(`notify`); each screen then reads the whole current state, so none depends on a message it
missed while away."""

import logging
import random
import secrets
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lessons.models import LessonPage
from quizzes.attempts import new_attempt
from quizzes.forms import NumberField
from quizzes.numbers import canonical_number
from quizzes.scoring import grade_question, snapshot_question
from workshops.models import Assignment
from workshops.progress import record_attempt

from .models import LiveAnswer, LiveSession, Participant, Phase

log = logging.getLogger(__name__)

NICKNAME_LENGTH = 30
# Long enough for a workshop: a live assignment's deadline until the session ends.
LIVE_ASSIGNMENT_HOURS = 12


class Refused(Exception):
    """A request that changes nothing, with its reason in French."""


# Who is told what: every screen of a session, its projectors, one participant's screens.


def session_group(session_id):
    return f"live.{session_id}"


def projector_group(session_id):
    return f"live.{session_id}.projector"


def participant_group(participant_id):
    return f"live.participant.{participant_id}"


def notify(group, event_type, **fields):
    """Tell the screens in `group` that something changed (they read the state themselves).
    The functions below take it as `tell`: a socket's consumer passes its own, which sends from
    its event loop instead of holding a database thread while Redis answers."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, {"type": event_type, **fields})


# Who this browser is in a session: its participant's token, kept in its own Django session
# (an essential cookie). A phone that slept or reloaded comes back as the same participant.

SESSION_KEY = "live_participants"  # {code: token}


def remember(request, participant):
    tokens = dict(request.session.get(SESSION_KEY, {}))
    tokens[participant.session.code] = participant.token
    request.session[SESSION_KEY] = tokens


def participant_for(session, code):
    """The participant this browser's session joined `code` as, or None."""
    token = session.get(SESSION_KEY, {}).get(code) if session is not None else None
    if not token:
        return None
    participants = Participant.objects.select_related("session")
    return participants.filter(token=token, session__code=code).first()


# Starting and joining.


def start(quiz, trainer, workshop=None, podium=False, timer_seconds=None, question_count=None):
    """A new session on the quiz as published now, its questions drawn once for everyone (the
    first `question_count` of them, if given). In a workshop, an assignment done in the room
    holds its members' results."""
    question_ids, choice_ids = quiz.draw(random.Random(secrets.randbits(64)))
    question_ids = question_ids[:question_count]
    by_id = {child.id: child for child in quiz.questions}
    lesson_urls = {}
    questions = [
        snapshot_question(by_id[qid], choice_ids.get(qid, []), lesson_urls) for qid in question_ids
    ]
    name_sections(questions, by_id)
    now = timezone.now()
    with transaction.atomic():
        assignment = None
        if workshop is not None:
            assignment = Assignment.objects.create(
                workshop=workshop,
                quiz=quiz,
                opens_at=now,
                due_at=now + timedelta(hours=LIVE_ASSIGNMENT_HOURS),
                in_room=True,
            )
        for _attempt in range(10):  # a code already taken is drawn again
            try:
                with transaction.atomic():
                    return LiveSession.objects.create(
                        quiz=quiz,
                        title=quiz.title,
                        workshop=workshop,
                        assignment=assignment,
                        trainer=trainer,
                        questions=questions,
                        podium=podium,
                        timer_seconds=timer_seconds,
                    )
            except IntegrityError:
                continue
    raise RuntimeError("no free live session code")


def name_sections(questions, by_id):
    """Each linked section's heading, from its lesson's table of contents: the end of a session
    names the sections to revisit, not only their lessons."""
    linked = {
        question["id"]: (by_id[question["id"]].value.get("lesson"), by_id[question["id"]].value)
        for question in questions
        if question.get("section")
    }
    lessons = LessonPage.objects.in_bulk({lesson.pk for lesson, _value in linked.values()})
    for question in questions:
        if question["id"] in linked:
            lesson, value = linked[question["id"]]
            headings = dict(lessons[lesson.pk].table_of_contents()) if lesson.pk in lessons else {}
            question["section"]["heading"] = headings.get(value.get("anchor") or "", "")


def clean_nickname(nickname):
    """Spaces collapsed, 1 to 30 characters; raises Refused otherwise."""
    nickname = " ".join((nickname or "").split())
    if not nickname:
        raise Refused(_("Choisissez un pseudonyme."))
    if len(nickname) > NICKNAME_LENGTH:
        raise Refused(_("Un pseudonyme a 30 caractères au plus."))
    return nickname


def join(session, nickname, user=None, tell=notify):
    """The session's participant for this person: a signed-in user finds their own again; a
    nickname already taken gets a number ("Léa 2")."""
    if not session.is_open:
        raise Refused(_("Cette séance est terminée."))
    if user is not None and user.is_authenticated:
        existing = session.participants.filter(user=user).first()
        if existing is not None:
            if existing.removed:
                raise Refused(_("Le formateur vous a retiré de cette séance."))
            return existing
    else:
        user = None
    base = clean_nickname(nickname)
    candidate, number = base, 1
    while True:
        try:
            with transaction.atomic():
                participant = Participant.objects.create(
                    session=session, nickname=candidate, user=user
                )
            break
        except IntegrityError:
            number += 1
            suffix = f" {number}"
            candidate = base[: NICKNAME_LENGTH - len(suffix)] + suffix
    tell(projector_group(session.pk), "session.changed")
    return participant


# Answering.


def deadline(session):
    """When the question on screen stops taking answers (its timer), or None."""
    if session.timer_seconds and session.question_opened_at and session.phase == Phase.QUESTION:
        return session.question_opened_at + timedelta(seconds=session.timer_seconds)
    return None


def parse_answer(question, value):
    """The answer as an attempt keeps it (choice ids, or a number as text); Refused if it does
    not fit the question as shown."""
    if question["kind"] == "numeric":
        field = NumberField(max_digits=12, decimal_places=2, localize=True)
        try:
            return canonical_number(field.clean(value if isinstance(value, str) else str(value)))
        except Exception as error:  # a ValidationError, or a value of the wrong type
            raise Refused(_("Indiquez un nombre, par exemple 42 ou 12,5.")) from error
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(item, str) for item in values):
        raise Refused(_("Choisissez une réponse."))
    shown = {choice["id"] for choice in question["choices"]}
    if not set(values) <= shown:
        raise Refused(_("Cette réponse ne fait pas partie de la question."))
    if question["kind"] != "multiple" and len(values) != 1:
        raise Refused(_("Une seule réponse est possible pour cette question."))
    return sorted(set(values), key=values.index)


def answer(participant_id, question_index, value, tell=notify):
    """Record a participant's answer to the question on screen, scored on the server; Refused
    (nothing saved) for a question not open, a second answer, a removed participant…"""
    participant = Participant.objects.select_related("session").get(pk=participant_id)
    session = participant.session
    if participant.removed:
        raise Refused(_("Le formateur vous a retiré de cette séance."))
    if session.phase != Phase.QUESTION or question_index != session.current:
        raise Refused(_("Cette question ne prend plus de réponses."))
    if session.paused:
        raise Refused(_("La séance est en pause : réessayez dans un instant."))
    limit = deadline(session)
    if limit is not None and timezone.now() > limit:
        raise Refused(_("Le temps de cette question est écoulé."))
    question = session.question
    given = parse_answer(question, value)
    graded = grade_question(dict(question), given)
    try:
        with transaction.atomic():
            LiveAnswer.objects.create(
                session=session,
                participant=participant,
                question=question_index,
                given=given,
                is_correct=graded["is_correct"],
            )
    except IntegrityError:
        raise Refused(_("Votre réponse à cette question est déjà enregistrée.")) from None
    tell(projector_group(session.pk), "answers.changed")
    tell(participant_group(participant.pk), "participant.changed")


# The trainer's controls.

ACTIONS = ("next", "reveal", "pause", "resume", "end", "remove")


def act(session_id, action, participant_id=None, tell=notify):
    """One of the trainer's controls; Refused when it does not apply now."""
    if action not in ACTIONS:
        raise Refused(_("Action inconnue."))
    now = timezone.now()
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session_id)
        if session.phase == Phase.ENDED:
            raise Refused(_("Cette séance est terminée."))
        removed = None
        if action == "next":
            advance(session, now)
        elif action == "reveal":
            if session.phase != Phase.QUESTION:
                raise Refused(_("Aucune question n'attend sa correction."))
            reveal(session)
        elif action == "pause":
            session.paused, session.paused_at = True, now
        elif action == "resume":
            if session.paused and session.question_opened_at and session.paused_at:
                session.question_opened_at += now - session.paused_at  # the timer waited too
            session.paused, session.paused_at = False, None
        elif action == "end":
            finish(session, now)
        else:
            removed = session.participants.filter(pk=participant_id, removed=False).first()
            if removed is None:
                raise Refused(_("Ce participant n'est pas dans la séance."))
            removed.removed = True
            removed.save(update_fields=["removed"])
        session.version += 1
        session.save()
    if removed is not None:
        tell(participant_group(removed.pk), "participant.changed")
    # With the version: a server reads the session once for all its phones (screens.session_at).
    tell(session_group(session.pk), "session.changed", version=session.version)
    return session


def advance(session, now):
    """→ (or space): open the first question, reveal the one on screen, then open the next;
    after the last, the end."""
    if session.phase == Phase.QUESTION:
        reveal(session)
    elif session.current + 1 >= session.question_count:
        finish(session, now)
    else:
        session.current += 1
        session.phase = Phase.QUESTION
        session.question_opened_at = now
        session.paused, session.paused_at = False, None


def reveal(session):
    session.phase = Phase.REVEAL
    session.paused, session.paused_at = False, None


def finish(session, now):
    session.phase = Phase.ENDED
    session.ended_at = now
    session.paused, session.paused_at = False, None
    if session.assignment_id:
        record_workshop_attempts(session, now)


def record_workshop_attempts(session, now):
    """Signed-in members' answers become attempts of the session's assignment, recorded by the
    workshops like any other: they count in its results (every question shown, unanswered ones
    wrong). Then the assignment closes."""
    asked = session.questions[: session.current + 1]
    members = set(session.workshop.memberships.values_list("user_id", flat=True))
    answers = {}
    for participant_id, index, given in session.answers.values_list(
        "participant_id", "question", "given"
    ):
        answers.setdefault(participant_id, {})[index] = given
    assignment = session.assignment
    participants = session.participants.filter(user_id__in=members, removed=False)
    for participant in participants.select_related("user"):
        mine = answers.get(participant.pk, {})
        graded = [grade_question(dict(question), mine.get(i)) for i, question in enumerate(asked)]
        attempt = new_attempt(
            session.quiz,
            graded,
            title=session.title,
            pass_mark=session.quiz.pass_mark,
            user=participant.user,
            started_at=session.created_at,
        )
        record_attempt(assignment, attempt)
    Assignment.objects.filter(pk=assignment.pk).update(due_at=now)
