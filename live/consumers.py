"""The sockets of a live session: each phone's, and the projector's.

On every connection, and every change of the session, a screen gets the whole current state (an
HTML fragment and a sentence for screen readers): a phone that slept, reloaded or lost the network
is shown where the session is, as the same participant, without depending on a message it missed.
While a question is open, the projector gets only its count of answers, at most a few times a
second, rather than the whole room again for each answer: each server tells the projectors that
answers came at most every ANSWER_NOTICE_SECONDS (one message for all the answers it recorded
meanwhile), and a projector reads its count at most every PROJECTOR_COALESCE_SECONDS. A phone
that answers is shown its recorded answer on its own socket at once, not through the channel
layer; its other screens (another tab) are told through it. A phone's socket keeps its
participant's answers: when the session changes (a question opens), it shows it without a query
of its own.

Messages are checked strictly, and cheaply before anything else: a socket sends a few messages a
second at most, each a few kilobytes; anything but the expected keys and values is refused (the
socket stays open), logged in a short excerpt, and nothing is saved. The projector's socket acts
only while its browser is still signed in as a trainer who runs the session."""

import asyncio
import json
import logging
from importlib import import_module
from types import SimpleNamespace

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.contrib import auth
from django.utils.translation import gettext as _

from workshops.roles import is_trainer

from . import screens, services
from .models import LiveSession, Participant

log = logging.getLogger(__name__)

# A projector reads the session again this often whatever happens: a dropped message (a channel
# layer drops them when a channel is full) is made good within this time, and a trainer who
# signed out elsewhere loses the room's screen.
PROJECTOR_REFRESH_SECONDS = 2
# A projector's screen is updated at most this often (answers, arrivals).
PROJECTOR_COALESCE_SECONDS = 0.25
# Answers a server records within this time make one notice to the projectors.
ANSWER_NOTICE_SECONDS = 0.2
# What is logged of a message refused: its start, and its length.
LOGGED_CHARACTERS = 200


def in_thread(function):
    """`function` in a thread of the pool: screens are read side by side, each thread with its
    own database connection, rather than one after another in a single thread."""
    return database_sync_to_async(function, thread_sensitive=False)


def excerpt(raw):
    """A message as the log shows it: never whole (a flood of large frames would fill the log)."""
    if raw is None:
        return "(no text)"
    shown = repr(raw[:LOGGED_CHARACTERS])
    return shown + (f"… ({len(raw)} characters)" if len(raw) > LOGGED_CHARACTERS else "")


def participant_with_answers(session, code):
    """The participant this browser's session joined `code` as, and their answers; or None."""
    participant = services.participant_for(session, code)
    return participant, (screens.answers_of(participant) if participant is not None else None)


def session_run_by(user, code):
    if user is None or not is_trainer(user):
        return None
    return LiveSession.objects.run_by(user).filter(code=code).values_list("pk", flat=True).first()


def still_runs(session_key, user_id, session_id):
    """Whether the browser's Django session, read again now, is still signed in as this trainer,
    who still runs the session: signing out (or an expired session) takes the projector away."""
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)
    user = auth.get_user(SimpleNamespace(session=store))
    return (
        user.pk == user_id
        and is_trainer(user)
        and LiveSession.objects.run_by(user).filter(pk=session_id).exists()
    )


class Notices:
    """The notices this server sends that answers came, one per group at most every
    ANSWER_NOTICE_SECONDS: a room's answers arrive by the hundred a second, and each one sent
    through the channel layer to the projector would queue behind the others. Per event loop
    (a test runs each scenario in a loop of its own)."""

    def __init__(self):
        self.pending = {}  # group: the task that sends its notice

    def send(self, layer, group, event):
        task = self.pending.get(group)
        if task is not None and not task.done() and task.get_loop() is asyncio.get_running_loop():
            return  # the notice on its way covers this answer too
        self.pending[group] = asyncio.ensure_future(self.later(layer, group, event))

    async def later(self, layer, group, event):
        await asyncio.sleep(ANSWER_NOTICE_SECONDS)
        # From here, an answer calls for a notice of its own: this one may already be read.
        if self.pending.get(group) is asyncio.current_task():
            del self.pending[group]
        await layer.group_send(group, event)


notices = Notices()
# What every socket's service tells through `notices` rather than at once.
COALESCED_EVENTS = {"answers.changed"}


class Bucket:
    """A socket's allowance of messages: `burst` at once, then `per_second`."""

    def __init__(self, burst, per_second):
        self.burst, self.per_second = burst, per_second
        self.tokens, self.at = float(burst), None

    def take(self, now):
        if self.at is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.at) * self.per_second)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class Socket(AsyncJsonWebsocketConsumer):
    MAX_CHARACTERS = 4096
    BURST, PER_SECOND = 8, 1

    async def websocket_connect(self, message):
        self.bucket = Bucket(self.BURST, self.PER_SECOND)
        self.flooding = False
        self.raw = None
        await super().websocket_connect(message)

    def who(self):
        return "a socket"

    async def refuse(self, message=None, **fields):
        await self.send_json(
            {"type": "refused", "message": message or _("Message refusé."), **fields}
        )

    async def run(self, function, *args, then=None):
        """A service, in a thread; what it tells the screens is sent from here, after `then`
        (a coroutine function given the service's result), if it succeeds."""
        told = []

        def tell(group, event_type, **fields):
            told.append((group, {"type": event_type, **fields}))

        try:
            result = await in_thread(function)(*args, tell=tell)
            if then is not None:
                await then(result)
            return result
        finally:
            for group, event in told:
                if event["type"] in COALESCED_EVENTS:
                    notices.send(self.channel_layer, group, event)
                else:
                    # Its origin: the socket that sent it has nothing to learn from it.
                    await self.channel_layer.group_send(
                        group, {**event, "origin": self.channel_name}
                    )

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        """Too many messages are dropped (the sender told once), too long or unreadable ones
        refused, before anything else is done with them; then the message is handled, and
        whatever goes wrong there is refused too rather than end the connection."""
        if not self.bucket.take(asyncio.get_running_loop().time()):
            if not self.flooding:
                self.flooding = True
                log.warning("Live: %s sends too many messages; dropping them", self.who())
                await self.refuse(_("Trop de messages : attendez quelques secondes."))
            return
        self.flooding = False
        self.raw = text_data if text_data is not None else bytes_data
        if text_data is None or len(text_data) > self.MAX_CHARACTERS:
            log.warning("Live: refused from %s: %s", self.who(), excerpt(self.raw))
            await self.refuse()
            return
        try:
            content = json.loads(text_data)
        except (ValueError, RecursionError):  # broken, or nested deeper than Python recurses
            content = None
        try:
            await self.receive_json(content)
        except Exception:
            log.exception("Live: failed on a message from %s: %s", self.who(), excerpt(self.raw))
            await self.refuse()

    def refused_here(self):
        log.warning("Live: refused from %s: %s", self.who(), excerpt(self.raw))


class ParticipantConsumer(Socket):
    ALLOWED_KEYS = {"action", "question", "value"}
    ACTIONS = ("answer",)  # a phone's only action; the trainer's are services.ACTIONS

    def who(self):
        return f"participant {getattr(self, 'participant_id', '?')}"

    async def connect(self):
        self.joined, self.version = [], None
        self.code = self.scope["url_route"]["kwargs"]["code"]
        # daphne refuses a socket not accepted within 5 s: when a whole room reconnects at
        # once, each step here waits behind the room's. One trip to the database's thread for
        # the participant and their answers; both groups joined together.
        participant, self.answers = await in_thread(participant_with_answers)(
            self.scope.get("session"), self.code
        )
        if participant is None:
            await self.close(code=4403)
            return
        self.participant = participant
        self.participant_id = participant.pk
        self.joined = [
            services.session_group(participant.session_id),
            services.participant_group(participant.pk),
        ]
        await asyncio.gather(
            *(self.channel_layer.group_add(group, self.channel_name) for group in self.joined)
        )
        await self.accept()
        await self.send_state()

    async def disconnect(self, code):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        question = content.get("question") if isinstance(content, dict) else None
        if not (
            isinstance(content, dict)
            and set(content) <= self.ALLOWED_KEYS
            and content.get("action") in self.ACTIONS
            and isinstance(question, int)
            and not isinstance(question, bool)
        ):
            self.refused_here()
            await self.refuse()
            return
        try:
            await self.run(
                services.answer,
                self.participant_id,
                question,
                content.get("value"),
                then=self.recorded,
            )
        except services.Refused as refusal:
            log.info("Live: answer of participant %s refused: %s", self.participant_id, refusal)
            # With its question: the phone shows why next to that question's button.
            await self.refuse(str(refusal), question=question)

    async def recorded(self, answer):
        """The answer is recorded: this phone is shown so at once, on its own socket, before
        anyone else is told (the participant's other screens: participant_changed)."""
        self.answers[answer.question] = {"given": answer.given, "is_correct": answer.is_correct}
        await self.send_state(self.version)

    async def session_changed(self, event):
        await self.send_state(event.get("version"))

    async def participant_changed(self, event):
        """Their answer from another screen, or their removal: read the participant again."""
        if event.get("origin") == self.channel_name:
            return  # this socket's own answer, shown already
        self.participant = await in_thread(Participant.objects.get)(pk=self.participant_id)
        self.answers = await in_thread(screens.answers_of)(self.participant)
        await self.send_state()

    async def send_state(self, version=None):
        state = await in_thread(screens.participant_state)(
            self.participant, self.code, version, self.answers
        )
        self.version = state["version"]
        await self.send_json(state)
        if state["removed"]:
            await self.close(code=4001)


class ProjectorConsumer(Socket):
    ALLOWED_KEYS = {"action", "participant"}
    BURST, PER_SECOND = 20, 4  # a trainer's keys, removals in a row

    def who(self):
        return f"the projector of session {getattr(self, 'session_id', '?')}"

    async def connect(self):
        self.joined, self.tasks, self.pending, self.shown = [], [], set(), None
        self.updated_at = float("-inf")
        self.sending = asyncio.Lock()  # states go out in the order they were read
        code = self.scope["url_route"]["kwargs"]["code"]
        user = self.scope.get("user")
        self.session_id = await in_thread(session_run_by)(user, code)
        if self.session_id is None:
            await self.close(code=4403)
            return
        self.user_id = user.pk
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        self.joined = [
            services.session_group(self.session_id),
            services.projector_group(self.session_id),
        ]
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_state(checked=True)
        self.tasks.append(asyncio.ensure_future(self.refresh_regularly()))

    async def disconnect(self, code):
        for task in self.tasks:
            task.cancel()
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def in_control(self):
        """Still signed in as the session's trainer; otherwise the socket closes (4403)."""
        if await in_thread(still_runs)(self.session_key, self.user_id, self.session_id):
            return True
        log.info("Live: the projector of session %s is signed out: closed", self.session_id)
        await self.close(code=4403)
        return False

    async def receive_json(self, content, **kwargs):
        action = content.get("action") if isinstance(content, dict) else None
        participant = content.get("participant") if isinstance(content, dict) else None
        if (
            action not in services.ACTIONS
            or not set(content) <= self.ALLOWED_KEYS
            # A participant's id for a removal, and only for it.
            or (action == "remove") != ("participant" in content)
            or (
                action == "remove"
                and (not isinstance(participant, int) or isinstance(participant, bool))
            )
        ):
            self.refused_here()
            await self.refuse()
            return
        if not await self.in_control():
            return
        try:
            await self.run(services.act, self.session_id, action, participant)
        except services.Refused as refusal:
            await self.refuse(str(refusal))

    async def session_changed(self, event):
        if event.get("version") is not None:  # the trainer's control: at once
            await self.send_state()
        else:  # someone joined: once for all who join together
            self.soon("state")

    async def answers_changed(self, event):
        """Answers arrive by the dozen: only their count changes on screen, updated once."""
        self.soon("count")

    def soon(self, what):
        """An update now if none was made for PROJECTOR_COALESCE_SECONDS, else when that time
        is up: one for everything that happened meanwhile."""
        if not self.pending:
            self.tasks = [task for task in self.tasks if not task.done()]
            self.tasks.append(asyncio.ensure_future(self.update_soon()))
        self.pending.add(what)

    async def update_soon(self):
        loop = asyncio.get_running_loop()
        await asyncio.sleep(max(0, self.updated_at + PROJECTOR_COALESCE_SECONDS - loop.time()))
        self.updated_at = loop.time()
        pending, self.pending = self.pending, set()
        if "state" in pending:
            await self.send_state()
        else:
            await self.send_count()

    async def refresh_regularly(self):
        while True:
            await asyncio.sleep(PROJECTOR_REFRESH_SECONDS)
            if not await self.in_control():
                return
            await self.send_count()

    async def send_state(self, checked=False):
        """The whole screen, with the room's names: only to a browser still signed in."""
        if not checked and not await self.in_control():
            return
        async with self.sending:
            state = await in_thread(screens.projector_state)(self.session_id)
            self.shown = (state["version"], state["participants"], state["answered"])
            await self.send_json(state)

    async def send_count(self):
        """The count of answers, if it changed; the whole state if more than that changed (the
        session's version, who is in the room)."""
        async with self.sending:
            count = await in_thread(screens.projector_count)(self.session_id)
            seen = (count["version"], count["participants"], count["answered"])
            if self.shown is not None and seen == self.shown:
                return
            if self.shown is not None and seen[:2] == self.shown[:2]:
                self.shown = seen
                await self.send_json(count)
                return
        await self.send_state()
