"""The sockets of a live session: each phone's, and the projector's.

On every connection, and every change, a screen gets the whole current state (an HTML fragment
and a sentence for screen readers): a phone that slept, reloaded or lost the network is shown
where the session is, as the same participant, without depending on a message it missed.
Messages are checked strictly: anything but the expected keys and values is refused and logged,
and nothing is saved."""

import asyncio
import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext as _

from workshops.roles import is_trainer

from . import screens, services
from .models import LiveSession, Participant

log = logging.getLogger(__name__)

# A projector reads the state again this often whatever happens: a dropped message (a channel
# layer drops them when a channel is full) is made good within this time.
PROJECTOR_REFRESH_SECONDS = 2
# Answers arriving together update the projector once.
PROJECTOR_COALESCE_SECONDS = 0.1


def in_thread(function):
    """`function` in a thread of the pool: screens are read side by side, each thread with its
    own database connection, rather than one after another in a single thread."""
    return database_sync_to_async(function, thread_sensitive=False)


def session_run_by(user, code):
    if user is None or not is_trainer(user):
        return None
    return LiveSession.objects.run_by(user).filter(code=code).values_list("pk", flat=True).first()


class Socket(AsyncJsonWebsocketConsumer):
    async def run(self, function, *args):
        """A service, in a thread; what it tells the screens is sent from here."""
        told = []

        def tell(group, event_type, **fields):
            told.append((group, {"type": event_type, **fields}))

        try:
            return await in_thread(function)(*args, tell=tell)
        finally:
            for group, event in told:
                await self.channel_layer.group_send(group, event)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        """Anything but JSON text (bytes, broken JSON) is passed on as None, to be refused like
        any other unexpected message rather than end the connection with an error."""
        try:
            content = json.loads(text_data) if text_data is not None else None
        except ValueError:
            content = None
        await self.receive_json(content)


class ParticipantConsumer(Socket):
    ALLOWED_KEYS = {"action", "question", "value"}
    ACTIONS = ("answer",)  # a phone's only action; the trainer's are services.ACTIONS

    async def connect(self):
        self.joined = []
        self.code = self.scope["url_route"]["kwargs"]["code"]
        participant = await in_thread(services.participant_for)(
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
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_state()

    async def disconnect(self, code):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if not (
            isinstance(content, dict)
            and set(content) <= self.ALLOWED_KEYS
            and content.get("action") in self.ACTIONS
            and isinstance(content.get("question"), int)
        ):
            log.warning("Live: refused from participant %s: %r", self.participant_id, content)
            await self.send_json({"type": "refused", "message": _("Message refusé.")})
            return
        try:
            await self.run(
                services.answer, self.participant_id, content["question"], content.get("value")
            )
        except services.Refused as refusal:
            log.info("Live: answer of participant %s refused: %s", self.participant_id, refusal)
            await self.send_json({"type": "refused", "message": str(refusal)})
        # Recorded: every screen of this participant is told (participant_changed).

    async def session_changed(self, event):
        await self.send_state(event.get("version"))

    async def participant_changed(self, event):
        """Their own answer, or their removal: read the participant again."""
        self.participant = await in_thread(Participant.objects.get)(pk=self.participant_id)
        await self.send_state()

    async def send_state(self, version=None):
        state = await in_thread(screens.participant_state)(self.participant, self.code, version)
        await self.send_json(state)
        if state["removed"]:
            await self.close(code=4001)


class ProjectorConsumer(Socket):
    ALLOWED_KEYS = {"action", "participant"}

    async def connect(self):
        self.joined, self.tasks, self.dirty = [], [], False
        self.sending = asyncio.Lock()  # states go out in the order they were read
        code = self.scope["url_route"]["kwargs"]["code"]
        self.session_id = await in_thread(session_run_by)(self.scope.get("user"), code)
        if self.session_id is None:
            await self.close(code=4403)
            return
        self.joined = [
            services.session_group(self.session_id),
            services.projector_group(self.session_id),
        ]
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_state()
        self.tasks.append(asyncio.ensure_future(self.refresh_regularly()))

    async def disconnect(self, code):
        for task in self.tasks:
            task.cancel()
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        action = content.get("action") if isinstance(content, dict) else None
        if action not in services.ACTIONS or not set(content) <= self.ALLOWED_KEYS:
            log.warning("Live: refused on projector of session %s: %r", self.session_id, content)
            await self.send_json({"type": "refused", "message": _("Message refusé.")})
            return
        try:
            await self.run(services.act, self.session_id, action, content.get("participant"))
        except services.Refused as refusal:
            await self.send_json({"type": "refused", "message": str(refusal)})

    async def session_changed(self, event):
        await self.send_state()

    async def answers_changed(self, event):
        """Answers arrive by the dozen: mark the screen out of date, and update it once."""
        if not self.dirty:
            self.dirty = True
            self.tasks = [task for task in self.tasks if not task.done()]
            self.tasks.append(asyncio.ensure_future(self.update_soon()))

    async def update_soon(self):
        await asyncio.sleep(PROJECTOR_COALESCE_SECONDS)
        self.dirty = False
        await self.send_state()

    async def refresh_regularly(self):
        while True:
            await asyncio.sleep(PROJECTOR_REFRESH_SECONDS)
            await self.send_state()

    async def send_state(self):
        async with self.sending:
            await self.send_json(await in_thread(screens.projector_state)(self.session_id))
