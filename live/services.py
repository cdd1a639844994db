"""What happens in a live session, whoever asks (a socket, a form, a test): starting one, joining,
answering, the trainer's controls. Every change is stored first, then the screens are told
(`notify`); each screen then reads the whole current state, so none depends on a message it
missed while away."""

import logging
import math
import random
import secrets
import unicodedata
import uuid
from datetime import datetime, time, timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lessons.models import LessonPage
from quizzes import opinions
from quizzes.attempts import new_attempt
from quizzes.forms import NumberField
from quizzes.numbers import canonical_number
from quizzes.scoring import grade_question, snapshot_question
from workshops.models import Assignment
from workshops.progress import record_attempt

from .models import EndReason, LiveAnswer, LiveSession, Moderation, Participant, Phase

log = logging.getLogger(__name__)

NICKNAME_LENGTH = 30
# A session's last activity is written at most this often (not at every answer of a room).
TOUCH_EVERY = timedelta(minutes=1)


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
    if tokens.get(participant.session.code) != participant.token:  # else no session to save
        tokens[participant.session.code] = participant.token
        request.session[SESSION_KEY] = tokens


def participant_for(session, code, user=None):
    """The participant this browser's session joined `code` as, or None. A signed-in `user` is
    the same participant in any browser: their own, whatever this browser joined as before."""
    participants = Participant.objects.select_related("session")
    if user is not None and user.is_authenticated:
        mine = participants.filter(user=user, session__code=code).first()
        if mine is not None:
            return mine
    token = session.get(SESSION_KEY, {}).get(code) if session is not None else None
    if not token:
        return None
    return participants.filter(token=token, session__code=code).first()


# Starting and joining.


def start(
    quiz,
    trainer,
    workshop=None,
    podium=False,
    timer_seconds=None,
    question_count=None,
    tell=notify,
):
    """A new session on the quiz as published now, its questions drawn once for everyone (the
    first `question_count` of them, if given). In a workshop, an assignment done in the room
    holds its members' results; a session of the workshop still open ends first (its results
    recorded): a workshop runs one session at a time."""
    question_ids, choice_ids = quiz.draw(random.Random(secrets.randbits(64)))
    question_ids = question_ids[:question_count]
    by_id = {child.id: child for child in quiz.questions}
    lesson_urls = {}
    questions = [
        snapshot_question(by_id[qid], choice_ids.get(qid, []), lesson_urls) for qid in question_ids
    ]
    name_sections(questions, by_id)
    now = timezone.now()
    ended = []
    with transaction.atomic():
        assignment = None
        if workshop is not None:
            open_ones = LiveSession.objects.filter(workshop=workshop).exclude(phase=Phase.ENDED)
            for previous in open_ones.select_for_update():
                moment, reason = ends_by_itself(previous)
                if now < moment:
                    moment, reason = now, EndReason.REPLACED
                if finish(previous, moment, reason):
                    previous.version += 1
                    previous.save()
                    ended.append(previous)
            assignment = Assignment.objects.create(
                workshop=workshop,
                quiz=quiz,
                opens_at=now,
                # Its answers come in until the session ends, at the latest at the end of its day.
                due_at=end_of_day(now),
                in_room=True,
            )
        session = None
        for _attempt in range(10):  # a code already taken is drawn again
            try:
                with transaction.atomic():
                    session = LiveSession.objects.create(
                        quiz=quiz,
                        title=quiz.title,
                        workshop=workshop,
                        assignment=assignment,
                        trainer=trainer,
                        questions=questions,
                        podium=podium,
                        timer_seconds=timer_seconds,
                    )
                break
            except IntegrityError:
                continue
        if session is None:
            raise RuntimeError("no free live session code")
    for previous in ended:
        tell(session_group(previous.pk), "session.changed", version=previous.version)
    return session


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


# Characters that show nothing: control characters (BEL, ESC…), formatting ones (zero-width
# spaces and joiners, bidirectional marks and overrides such as U+202E), private-use, surrogate
# and unassigned code points…
HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn"}
# …and the blank fillers that count as letters or symbols.
BLANK_FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def visible(character):
    return (
        unicodedata.category(character) not in HIDDEN_CATEGORIES and character not in BLANK_FILLERS
    )


def clean_nickname(nickname):
    """The nickname as the room reads it: what shows nothing removed (so that the projector, the
    results and the CSV's formula guard see its real first character), any space as one
    space, 1 to 30 characters; raises Refused otherwise."""
    typed = unicodedata.normalize("NFC", nickname or "")
    text = "".join(" " if c.isspace() else c for c in typed if c.isspace() or visible(c))
    cleaned = " ".join(text.split())
    if not cleaned:
        if typed.strip():
            raise Refused(
                _("Ce pseudonyme ne contient aucun caractère visible : choisissez-en un autre.")
            )
        raise Refused(_("Choisissez un pseudonyme."))
    if len(cleaned) > NICKNAME_LENGTH:
        raise Refused(_("Un pseudonyme a 30 caractères au plus."))
    return cleaned


def join(session, nickname, user=None, tell=notify):
    """The session's participant for this person: a signed-in user finds their own again, from
    any browser; a nickname already taken gets a number ("Léa 2")."""
    if end_if_over(session, tell=tell):
        raise Refused(ended_message(session))
    if user is None or not user.is_authenticated:
        participant = new_participant(session, clean_nickname(nickname), None)
    else:
        base = clean_nickname(nickname)
        with transaction.atomic():
            # One participant per account: the same person joining from two browsers at once
            # waits here for the other (the session's row is the lock), then finds it.
            LiveSession.objects.select_for_update().only("pk").get(pk=session.pk)
            existing = session.participants.filter(user=user).first()
            if existing is not None:
                if existing.removed:
                    raise Refused(_("Le formateur vous a retiré de cette séance."))
                return existing
            participant = new_participant(session, base, user)
    touch(session)
    tell(projector_group(session.pk), "session.changed")
    return participant


def new_participant(session, base, user):
    candidate, number = base, 1
    while True:
        try:
            with transaction.atomic():
                return Participant.objects.create(session=session, nickname=candidate, user=user)
        except IntegrityError:
            number += 1
            suffix = f" {number}"
            candidate = base[: NICKNAME_LENGTH - len(suffix)] + suffix


# Answering.


def deadline(session):
    """When the question on screen stops taking answers (its timer), or None."""
    if session.timer_seconds and session.question_opened_at and session.phase == Phase.QUESTION:
        return session.question_opened_at + timedelta(seconds=session.timer_seconds)
    return None


def time_left_at_pause(session):
    """During a pause of a timed question, the seconds it had left when the pause began (the
    pause keeps them: resuming moves the question's opening on by the pause's length); else
    None."""
    limit = deadline(session)
    if limit is None or not session.paused or session.paused_at is None:
        return None
    return max(0, math.ceil((limit - session.paused_at).total_seconds()))


def parse_answer(question, value):
    """The answer as an attempt keeps it (choice ids, a number as text; for a question without
    a right answer, its value: quizzes.opinions); Refused if it does not fit the question as
    shown."""
    if not opinions.is_scored(question):
        try:
            return opinions.parse(question, value)
        except opinions.Invalid as error:
            raise Refused(str(error)) from None
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
    """Record a participant's answer to the question on screen, scored on the server, and
    return it; Refused (nothing saved) for a question not open, a second answer, a removed
    participant…"""
    participant = Participant.objects.select_related("session").get(pk=participant_id)
    session = participant.session
    if participant.removed:
        raise Refused(_("Le formateur vous a retiré de cette séance."))
    now = timezone.now()
    if session.is_open and end_if_over(session, now, tell):
        raise Refused(ended_message(session))
    if session.phase != Phase.QUESTION or question_index != session.current:
        raise Refused(_("Cette question ne prend plus de réponses."))
    if session.paused:
        raise Refused(_("La séance est en pause : réessayez dans un instant."))
    limit = deadline(session)
    if limit is not None and now > limit:
        raise Refused(_("Le temps de cette question est écoulé."))
    question = session.question
    given = parse_answer(question, value)
    graded = grade_question(dict(question), given)
    try:
        with transaction.atomic():
            recorded = LiveAnswer.objects.create(
                session=session,
                participant=participant,
                question=question_index,
                kind=question["kind"],
                given=given,
                is_correct=graded["is_correct"],
            )
    except IntegrityError:
        raise Refused(_("Votre réponse à cette question est déjà enregistrée.")) from None
    touch(session, now)
    tell(projector_group(session.pk), "answers.changed")
    tell(participant_group(participant.pk), "participant.changed")
    return recorded


# The trainer's controls.

ACTIONS = ("next", "reveal", "pause", "resume", "end", "remove")


def act(session_id, action, participant_id=None, tell=notify):
    """One of the trainer's controls; Refused when it does not apply now (a session that ended
    by itself meanwhile is ended first, then the control refused)."""
    if action not in ACTIONS:
        raise Refused(_("Action inconnue."))
    if action == "remove" and (
        not isinstance(participant_id, int) or isinstance(participant_id, bool)
    ):
        raise Refused(_("Ce participant n'est pas dans la séance."))
    now = timezone.now()
    removed = None
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session_id)
        if session.phase == Phase.ENDED:
            raise Refused(ended_message(session))
        moment, reason = ends_by_itself(session)
        if now >= moment:
            finish(session, moment, reason)
        elif action == "next":
            advance(session, now)
        elif action == "reveal":
            if session.phase != Phase.QUESTION:
                raise Refused(_("Aucune question n'attend sa correction."))
            reveal(session)
        elif action == "pause":
            if not session.paused:  # a second pause keeps the time the first one began
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
        if now < moment:
            session.active_at = now
        session.version += 1
        session.save()
    if removed is not None:
        tell(participant_group(removed.pk), "participant.changed")
    # With the version: a server reads the session once for all its phones (screens.session_at).
    tell(session_group(session.pk), "session.changed", version=session.version)
    if now >= moment:
        raise Refused(ended_message(session))
    return session


def add_question(session_id, question, tell=notify):
    """A question without a right answer that the trainer writes during the session (a
    snapshot: quizzes.opinions.snapshot): it becomes the next one, after the question on
    screen (the first, before any). Like any control, it is activity; a session that ended by
    itself meanwhile is ended first, then the question refused."""
    now = timezone.now()
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session_id)
        if session.phase == Phase.ENDED:
            raise Refused(ended_message(session))
        moment, reason = ends_by_itself(session)
        over = now >= moment
        if over:
            finish(session, moment, reason)
        else:
            question = {"id": str(uuid.uuid4()), **question, "added": True}
            session.questions.insert(session.current + 1, question)
            session.active_at = now
        session.version += 1
        session.save()
    tell(session_group(session.pk), "session.changed", version=session.version)
    if over:
        raise Refused(ended_message(session))
    return session


MODERATED_KINDS = ("word_cloud", "open")


def answer_target(answer_id):
    return f"answer:{answer_id}"


def moderate(session_id, index, target, shown, tell=notify):
    """The trainer shows or hides on the projector a word of a word cloud (`target`: its key,
    quizzes.opinions.word_key) or an open answer (`target`: answer_target(its id)) of a question
    asked in the session. Nothing else changes: the answers stay as they were given."""
    now = timezone.now()
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session_id)
        question = session.questions[index] if 0 <= index <= session.current else None
        if question is None or question["kind"] not in MODERATED_KINDS:
            raise Refused(_("Cette question n'a rien à modérer."))
        answers = LiveAnswer.objects.filter(session=session, question=index)
        if question["kind"] == "open":
            known = {answer_target(pk) for pk in answers.values_list("pk", flat=True)}
        else:
            known = {opinions.word_key(text) for text in answers.values_list("given", flat=True)}
        if target not in known:
            raise Refused(_("Cette réponse n'est pas dans la séance."))
        Moderation.objects.update_or_create(
            session=session, question=index, target=target, defaults={"shown": bool(shown)}
        )
        if session.is_open and now < ends_by_itself(session)[0]:
            session.active_at = now  # the trainer at work: the session is active
        session.version += 1
        session.save(update_fields=["version", "active_at"])
    # Only the projectors show it (and the trainer's moderation page, which asks).
    tell(projector_group(session.pk), "session.changed", version=session.version)
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


def finish(session, now, reason=EndReason.TRAINER):
    """End the session at `now`, in the caller's transaction, once: a conditional update claims
    the end, so that of two ends at once (the trainer's "Terminer" and the worker's check, or
    two servers' checks) one records the workshop's attempts and the other changes nothing.
    Returns whether this call ended it; if not, `session` is read again, as the other left it."""
    claimed = (
        LiveSession.objects.filter(pk=session.pk)
        .exclude(phase=Phase.ENDED)
        .update(phase=Phase.ENDED, ended_at=now, end_reason=reason, paused=False, paused_at=None)
    )
    if not claimed:
        session.refresh_from_db()
        return False
    session.phase, session.ended_at, session.end_reason = Phase.ENDED, now, reason
    session.paused, session.paused_at = False, None
    if session.assignment_id:
        record_workshop_attempts(session, now)
    return True


def record_workshop_attempts(session, now):
    """Signed-in members' answers become attempts of the session's assignment, recorded by the
    workshops like any other: they count in its results (every question shown, unanswered ones
    wrong), one attempt per member. Then the assignment closes. A session ended before its first
    question asked nothing: its assignment goes, leaving no empty column in the results."""
    if session.current < 0:
        Assignment.objects.filter(pk=session.assignment_id).delete()
        session.assignment = None
        return
    asked = session.questions[: session.current + 1]
    members = set(session.workshop.memberships.values_list("user_id", flat=True))
    answers = {}
    for participant_id, index, given in session.answers.values_list(
        "participant_id", "question", "given"
    ):
        answers.setdefault(participant_id, {})[index] = given
    assignment = session.assignment
    participants = session.participants.filter(user_id__in=members, removed=False)
    recorded = set()
    for participant in participants.select_related("user").order_by("joined_at", "pk"):
        if participant.user_id in recorded:  # joined twice before one account was one participant
            continue
        recorded.add(participant.user_id)
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


# How long a session lives: until the trainer ends it, or by itself after LIVE_IDLE_MINUTES
# without activity, or at the end of its day. Checked by the task worker every minute
# (`end_sessions_over`, registered in live.apps), and wherever a session is touched
# (`end_if_over`): the rule holds even where no worker runs.


def end_of_day(moment):
    """Midnight in Paris (the site's time zone) after `moment`."""
    paris = timezone.get_default_timezone()
    day = timezone.localdate(moment, paris) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time()), paris)


def ends_by_itself(session):
    """(when, why) an open session ends by itself: LIVE_IDLE_MINUTES after its last activity,
    or at the end of the day it started, whichever comes first."""
    idle = session.active_at + timedelta(minutes=settings.LIVE_IDLE_MINUTES)
    day = end_of_day(session.created_at)
    return (idle, EndReason.IDLE) if idle < day else (day, EndReason.DAY)


def touch(session, now=None):
    """A join or an answer: the session is active. Written at most once a minute."""
    now = now or timezone.now()
    if now - session.active_at >= TOUCH_EVERY:
        LiveSession.objects.filter(pk=session.pk, active_at__lt=now - TOUCH_EVERY).update(
            active_at=now
        )
        session.active_at = now


def end(session_id, reason, moment, tell=notify):
    """End a session by itself at `moment` (when its idle time or its day ran out), recording
    its results; False if it had ended already."""
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session_id)
        if not finish(session, moment, reason):
            return False
        session.version += 1
        session.save(update_fields=["version", "assignment"])
    tell(session_group(session.pk), "session.changed", version=session.version)
    return True


def end_if_over(session, now=None, tell=notify):
    """Whether `session` is over: ended already, or past its idle time or its day, in which case
    it is ended now (as the worker would have). `session` is read again if so."""
    if not session.is_open:
        return True
    moment, reason = ends_by_itself(session)
    if (now or timezone.now()) < moment:
        return False
    end(session.pk, reason, moment, tell)
    session.refresh_from_db()
    return True


def end_sessions_over(now=None, tell=notify):
    """The worker's check: every open session past its idle time or its day is ended (its
    results recorded). Returns how many."""
    now = now or timezone.now()
    idle_since = now - timedelta(minutes=settings.LIVE_IDLE_MINUTES)
    today = end_of_day(now) - timedelta(days=1)  # this morning's midnight
    over = LiveSession.objects.exclude(phase=Phase.ENDED).filter(
        Q(active_at__lte=idle_since) | Q(created_at__lt=today)
    )
    count = 0
    for session in over.only("pk", "active_at", "created_at"):
        moment, reason = ends_by_itself(session)
        if moment <= now and end(session.pk, reason, moment, tell):
            count += 1
    return count


def ended_message(session, now=None):
    """Why a session takes nothing more, in French."""
    paris = timezone.get_default_timezone()
    day = timezone.localdate(session.created_at, paris)
    if day < timezone.localdate(now or timezone.now(), paris):
        return _(
            "Cette séance du %(date)s est terminée : une séance en direct ne dure que le jour "
            "où elle commence."
        ) % {"date": date_format(day, "j F Y")}
    if session.end_reason == EndReason.IDLE:
        minutes = settings.LIVE_IDLE_MINUTES
        return ngettext(
            "Cette séance est terminée : elle s'est arrêtée d'elle-même après %(minutes)s "
            "minute sans activité.",
            "Cette séance est terminée : elle s'est arrêtée d'elle-même après %(minutes)s "
            "minutes sans activité.",
            minutes,
        ) % {"minutes": minutes}
    return _("Cette séance est terminée.")
