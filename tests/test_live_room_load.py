"""Live sockets as a whole room uses them (Channels' communicator, the project's ASGI
application): what each answer and each question costs the channel layer and the database, so
that a room of 1,000 phones stays quick (bench/live.py measures it on daphne and Redis).

- A phone's answer is confirmed on its own socket, whatever the channel layer does with the
  participant's notices.
- The projector is told that answers came once for a burst of answers, not once per answer.
- A question opening costs no query per phone.

The consumers reach the database from their own threads: these tests run without a test
transaction around them (`committed_db`)."""

import asyncio
import threading

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db.backends.signals import connection_created
from django.test import Client

from live import consumers, services
from live.models import LiveAnswer
from tests.factories import TrainerFactory
from tests.live_helpers import (
    fresh,
    phone,
    phone_path,
    projector_path,
    right_value,
    socket,
    start_session,
)


@pytest.fixture
def trainer(committed_db):
    return TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="")


def run(scenario):
    async_to_sync(scenario)()


async def until(communicator, check, timeout=5):
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while True:
        left = end - loop.time()
        if left <= 0:
            raise AssertionError("no matching message")
        try:
            message = await communicator.receive_json_from(timeout=left)
        except TimeoutError:
            raise AssertionError("no matching message") from None
        if check(message):
            return message


def question_open(index):
    return lambda message: message.get("type") == "state" and message.get("question") == index


def recorded(message):
    return message.get("type") == "state" and message.get("answered")


def counted(answers):
    return lambda message: (
        message.get("type") in ("state", "count") and message.get("answered") == answers
    )


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


async def call(function, *args):
    return await database_sync_to_async(function)(*args)


class Queries:
    """Every SQL statement run while it listens, from any thread (the consumers read the
    database from a pool's threads, each with a connection it opens: CONN_MAX_AGE is 0 in the
    tests, so each call opens one)."""

    def __init__(self):
        self.statements, self.listening = [], False
        self.lock = threading.Lock()

    def connected(self, sender, connection, **kwargs):
        connection.execute_wrappers.append(self.wrapper)

    def wrapper(self, execute, sql, params, many, context):
        if self.listening:
            with self.lock:
                self.statements.append(sql)
        return execute(sql, params, many, context)

    def __enter__(self):
        connection_created.connect(self.connected)
        return self

    def __exit__(self, *exc):
        connection_created.disconnect(self.connected)


def test_an_answer_is_confirmed_on_its_own_socket(trainer):
    session = start_session(trainer)
    browser, participant = phone(session, "Léa")
    other_tab = browser  # the same participant in a second tab
    screen = signed_in(trainer)

    async def scenario():
        layer = get_channel_layer()
        projector, _connected, _code = await socket(projector_path(session), screen)
        await projector.receive_json_from()
        lea, _connected, _code = await socket(phone_path(session), browser)
        await lea.receive_json_from()
        tab, _connected, _code = await socket(phone_path(session), other_tab)
        await tab.receive_json_from()
        await projector.send_json_to({"action": "next"})
        for communicator in (lea, tab):
            await until(communicator, question_open(0))
        # The channel layer no longer brings Léa's phone her own notices (a message dropped,
        # a channel over capacity): the first socket that joined her group.
        group = services.participant_group(participant.pk)
        phone_channel = sorted(layer.groups[group], key=layer.groups[group].get)[0]
        await layer.group_discard(group, phone_channel)

        current = await call(fresh, session)
        await lea.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        state = await until(lea, recorded)
        assert "Réponse enregistrée" in state["html"]
        # Her other tab is told through the channel layer.
        assert "Réponse enregistrée" in (await until(tab, recorded))["html"]
        # Her phone is not sent the same state a second time.
        assert await lea.receive_nothing(timeout=0.5)
        for communicator in (projector, lea, tab):
            await communicator.disconnect()

    run(scenario)
    assert LiveAnswer.objects.filter(participant=participant).count() == 1


def test_a_burst_of_answers_tells_the_projector_once(trainer):
    session = start_session(trainer)
    browsers = [phone(session, f"Participant {n}")[0] for n in range(12)]
    screen = signed_in(trainer)

    async def scenario():
        layer = get_channel_layer()
        projector, _connected, _code = await socket(projector_path(session), screen)
        await projector.receive_json_from()
        phones = []
        for browser in browsers:
            communicator, _connected, _code = await socket(phone_path(session), browser)
            await communicator.receive_json_from()
            phones.append(communicator)
        await projector.send_json_to({"action": "next"})
        for communicator in phones:
            await until(communicator, question_open(0))
        # What the projectors' group receives, as any projector would.
        listener = await layer.new_channel()
        await layer.group_add(services.projector_group(session.pk), listener)

        current = await call(fresh, session)
        value = right_value(current)
        loop = asyncio.get_running_loop()
        started = loop.time()
        await asyncio.gather(
            *(c.send_json_to({"action": "answer", "question": 0, "value": value}) for c in phones)
        )
        await asyncio.gather(*(until(c, recorded) for c in phones))
        span = loop.time() - started
        # The projector counts them all…
        await until(projector, counted(12), timeout=10)
        # …told once per ANSWER_NOTICE_SECONDS of the burst (once or twice here, three times on a
        # machine that took half a second to record them), not twelve times.
        notices = []
        while True:
            try:
                notices.append(await asyncio.wait_for(layer.receive(listener), 0.5))
            except TimeoutError:
                break
        most = 2 + int(span / consumers.ANSWER_NOTICE_SECONDS)
        assert 1 <= sum(n["type"] == "answers.changed" for n in notices) <= most, (span, notices)
        await layer.group_discard(services.projector_group(session.pk), listener)
        for communicator in (projector, *phones):
            await communicator.disconnect()

    run(scenario)
    assert LiveAnswer.objects.filter(session=session).count() == 12


def test_a_question_opening_costs_no_query_per_phone(trainer):
    session = start_session(trainer)
    browsers = [phone(session, f"Participant {n}")[0] for n in range(15)]
    screen = signed_in(trainer)

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), screen)
        await projector.receive_json_from()
        phones = []
        for browser in browsers:
            communicator, _connected, _code = await socket(phone_path(session), browser)
            await communicator.receive_json_from()
            phones.append(communicator)
        with Queries() as queries:
            queries.listening = True
            await projector.send_json_to({"action": "next"})
            for communicator in phones:
                await until(communicator, question_open(0))
            await until(projector, lambda m: "Question 1 sur" in m.get("html", ""))
            queries.listening = False
        # No phone's answer read on its own (each socket knows its participant's answers),
        # and far fewer statements than phones: the trainer's control, the session read once,
        # the projector's screen.
        one_phone = [sql for sql in queries.statements if '"participant_id" = %s' in sql]
        assert one_phone == []
        assert len(queries.statements) < len(phones), queries.statements
        for communicator in (projector, *phones):
            await communicator.disconnect()

    run(scenario)
