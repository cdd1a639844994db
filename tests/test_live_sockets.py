"""Live sessions through their WebSockets (Channels' communicator, the project's ASGI application):
joining, answering, the trainer's controls, reconnecting as the same participant, and messages
that must be refused. Each screen gets the whole state on connection and at every change.

The consumers reach the database from their own threads: these tests run without a test
transaction around them (`committed_db`)."""

import asyncio
import logging

import pytest
from asgiref.sync import async_to_sync
from django.test import Client
from django.utils.html import escape

from live import services
from live.models import LiveAnswer, Participant
from tests.factories import TrainerFactory
from tests.live_helpers import (
    fresh,
    join,
    phone,
    phone_path,
    projector_path,
    right_value,
    socket,
    start_session,
    wrong_value,
)


@pytest.fixture
def people(committed_db):
    """A trainer, in a database without a test transaction around it: Channels' database helper
    closes a connection that is inside a transaction."""
    return {"trainer": TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="")}


def run(scenario):
    """Run an async scenario from a sync test: its database calls come back to this thread."""
    async_to_sync(scenario)()


async def until(communicator, check, timeout=3):
    """The first message that passes `check`, skipping earlier states (a screen may get
    several while the session moves on)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    seen = []
    while True:
        left = end - loop.time()
        if left <= 0:
            raise AssertionError(f"no matching message; got {[m.get('announce') for m in seen]}")
        try:
            message = await communicator.receive_json_from(timeout=left)
        except TimeoutError:
            raise AssertionError(
                f"no matching message; got {[m.get('announce') for m in seen]}"
            ) from None
        if check(message):
            return message
        seen.append(message)


def has(text):
    """A state whose screen shows `text`, or the projector's count of answers reading it."""
    return lambda message: (
        (message.get("type") == "state" and text in message["html"])
        or (message.get("type") == "count" and text in message["text"])
    )


def refused(text):
    return lambda message: message.get("type") == "refused" and text in message["message"]


def trainer_browser(trainer):
    browser = Client()
    browser.force_login(trainer)
    return browser


async def call(function, *args):
    from channels.db import database_sync_to_async

    return await database_sync_to_async(function)(*args)


def test_join_answer_reveal_now_and_a_late_answer(people):
    session = start_session(people["trainer"])
    lea_browser = phone(session, "Léa")[0]
    omar_browser = phone(session, "Omar")[0]

    trainer = trainer_browser(people["trainer"])

    async def scenario():
        projector, connected, _code = await socket(projector_path(session), trainer)
        assert connected
        first = await projector.receive_json_from()
        assert "2 participants connectés" in first["html"] and "Omar" in first["html"]

        lea_phone, connected, _code = await socket(phone_path(session), lea_browser)
        assert connected
        assert "Vous êtes dans la séance." in (await lea_phone.receive_json_from())["html"]
        omar_phone, _connected, _code = await socket(phone_path(session), omar_browser)
        await omar_phone.receive_json_from()
        await call(phone, session, "Zoé")  # joins while the room waits
        await until(projector, has("3 participants connectés"))

        # → : the first question, on every screen.
        await projector.send_json_to({"action": "next"})
        question = session.questions[0]
        for screen in (projector, lea_phone, omar_phone):
            state = await until(screen, has(escape(question["text"])))
        assert state["announce"].startswith("Question 1 sur")
        assert '"correct"' not in state["html"] and question["explanation"] not in state["html"]

        # Léa answers: her phone says so, the projector counts it.
        current = await call(fresh, session)
        await lea_phone.send_json_to(
            {"action": "answer", "question": 0, "value": right_value(current)}
        )
        await until(lea_phone, has("Réponse enregistrée"))
        await until(projector, has("1 réponse sur 3"))

        # R before everyone answered: the correction now, on the projector and every phone.
        await projector.send_json_to({"action": "reveal"})
        state = await until(projector, has("La bonne réponse"))
        assert question["explanation"] in state["html"] and "1 réponse reçue" in state["html"]
        state = await until(lea_phone, has("Bonne réponse"))
        assert question["explanation"] in state["html"]
        state = await until(omar_phone, has("Vous n'avez pas répondu à cette question."))

        # Omar's answer arrives after the reveal: refused, nothing saved.
        await omar_phone.send_json_to(
            {"action": "answer", "question": 0, "value": wrong_value(current)}
        )
        await until(omar_phone, refused("Cette question ne prend plus de réponses."))
        for communicator in (projector, lea_phone, omar_phone):
            await communicator.disconnect()

    run(scenario)
    assert list(LiveAnswer.objects.values_list("participant__nickname", "is_correct")) == [
        ("Léa", True)
    ]


def test_pause_and_the_timer_hold_answers(people):
    session = start_session(people["trainer"], timer_seconds=60)
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")

    trainer = trainer_browser(people["trainer"])

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), trainer)
        lea_phone, _connected, _code = await socket(phone_path(session), browser)
        state = await lea_phone.receive_json_from()
        assert 'data-deadline="' in state["html"]  # the phone counts down to the server's time
        await projector.send_json_to({"action": "pause"})
        state = await until(lea_phone, has("En pause"))
        assert state["announce"] == "Séance en pause."
        current = await call(fresh, session)
        await lea_phone.send_json_to(
            {"action": "answer", "question": 0, "value": right_value(current)}
        )
        await until(lea_phone, refused("La séance est en pause"))
        await projector.send_json_to({"action": "resume"})
        await until(lea_phone, lambda m: m.get("type") == "state" and "En pause" not in m["html"])
        await lea_phone.send_json_to(
            {"action": "answer", "question": 0, "value": right_value(current)}
        )
        await until(lea_phone, has("Réponse enregistrée"))
        await projector.disconnect()
        await lea_phone.disconnect()

    run(scenario)
    assert LiveAnswer.objects.count() == 1


def test_a_phone_that_slept_comes_back_as_the_same_participant_with_its_answer(people):
    session = start_session(people["trainer"])
    browser, participant = phone(session, "Léa")
    services.act(session.pk, "next")

    async def scenario():
        first, _connected, _code = await socket(phone_path(session), browser)
        await first.receive_json_from()
        current = await call(fresh, session)
        await first.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        await until(first, has("Réponse enregistrée"))
        await first.disconnect()  # the phone sleeps…

        # …and comes back: the state at once, its answer kept.
        again, connected, _code = await socket(phone_path(session), browser)
        assert connected
        state = await again.receive_json_from(timeout=1)
        assert "Réponse enregistrée" in state["html"]
        # The same answer sent again (a retry after the network came back): stored once.
        await again.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        await until(again, refused("Votre réponse à cette question est déjà enregistrée."))
        await again.disconnect()

        # While it is away, the session moves on: on reconnection, where the session is now.
        await call(services.act, session.pk, "reveal")
        await call(services.act, session.pk, "next")
        back, _connected, _code = await socket(phone_path(session), browser)
        state = await back.receive_json_from(timeout=1)
        assert state["announce"].startswith("Question 2 sur")
        await back.disconnect()

    run(scenario)
    assert Participant.objects.filter(session=session).count() == 1
    assert LiveAnswer.objects.filter(participant=participant).count() == 1


def test_forged_and_misplaced_messages_are_refused_logged_and_change_nothing(people, caplog):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa")[0]
    other = phone(session, "Omar")[1]
    services.act(session.pk, "next")
    caplog.set_level(logging.INFO, logger="live")

    async def scenario():
        current = await call(fresh, session)
        right = right_value(current)
        lea_phone, _connected, _code = await socket(phone_path(session), browser)
        await lea_phone.receive_json_from()
        forged = [
            {"action": "answer", "question": 0, "value": right, "participant": other.pk},
            {"action": "next"},  # a trainer's control, from a phone
            {"action": "answer", "question": "0", "value": right},
            {"action": "answer", "question": 0, "value": right, "is_correct": True},
            ["answer", 0, right],
        ]
        for message in forged:
            await lea_phone.send_json_to(message)
            await until(lea_phone, refused("Message refusé."))
        await lea_phone.send_to(text_data="{not json")
        await until(lea_phone, refused("Message refusé."))
        # A question other than the one on screen.
        await lea_phone.send_json_to({"action": "answer", "question": 1, "value": right})
        await until(lea_phone, refused("Cette question ne prend plus de réponses."))
        await lea_phone.disconnect()

        # A phone on the projector's socket, a stranger, another site: no connection.
        for path, who, origin in [
            (projector_path(session), browser, "http://testserver"),
            (phone_path(session), Client(), "http://testserver"),
            (phone_path(session), browser, "https://evil.example"),
        ]:
            communicator, connected, _code = await socket(path, who, origin=origin)
            assert not connected
            await communicator.disconnect()

    run(scenario)
    assert not LiveAnswer.objects.exists()
    assert fresh(session).current == 0
    refusals = [record for record in caplog.records if "refused" in record.getMessage()]
    assert len(refusals) >= 7


def test_a_removed_participant_is_told_and_cut_off(people):
    session = start_session(people["trainer"])
    browser, participant = phone(session, "Troll")

    trainer = trainer_browser(people["trainer"])

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), trainer)
        await projector.receive_json_from()
        troll_phone, _connected, _code = await socket(phone_path(session), browser)
        await troll_phone.receive_json_from()
        await projector.send_json_to({"action": "remove", "participant": participant.pk})
        state = await until(troll_phone, lambda m: m.get("removed"))
        assert "Le formateur vous a retiré de cette séance." in state["html"]
        assert (await troll_phone.receive_output(timeout=1))["type"] == "websocket.close"
        await until(projector, has("0 participant connecté"))
        # Coming back does not bring them in again.
        again, _connected, _code = await socket(phone_path(session), browser)
        state = await again.receive_json_from()
        assert state["removed"]
        await projector.disconnect()

    run(scenario)
    assert Participant.objects.get().removed


# Two sessions at once, on their sockets.


def test_two_sessions_of_one_trainer_each_tell_only_their_own_screens(people):
    """Zoé's phone joined A and B; A opens a question and pauses, B waits then opens its own:
    each socket hears its own session only, and answers count where they were given."""
    a, b = start_session(people["trainer"]), start_session(people["trainer"])
    zoe = Client()
    join(zoe, a, "Zoé")
    join(zoe, b, "Zoé")
    omar = phone(a, "Omar")[0]
    nina = phone(b, "Nina")[0]
    trainer = trainer_browser(people["trainer"])

    async def scenario():
        screens = {}
        for name, path, browser in [
            ("projector_a", projector_path(a), trainer),
            ("projector_b", projector_path(b), trainer),
            ("zoe_a", phone_path(a), zoe),
            ("zoe_b", phone_path(b), zoe),
            ("omar", phone_path(a), omar),
            ("nina", phone_path(b), nina),
        ]:
            screens[name], connected, _code = await socket(path, browser)
            assert connected, name
            await screens[name].receive_json_from()

        await screens["projector_a"].send_json_to({"action": "next"})
        for name in ("zoe_a", "omar"):
            await until(screens[name], has("Question 1 sur"))
        for name in ("zoe_b", "nina"):
            assert await screens[name].receive_nothing(timeout=0.3), name
        value = right_value(await call(fresh, a))
        await screens["zoe_a"].send_json_to({"action": "answer", "question": 0, "value": value})
        await until(screens["zoe_a"], has("Réponse enregistrée"))
        await until(screens["projector_a"], has("1 réponse sur 2"))
        # The same question of B is not open: her phone in B refuses what her phone in A took.
        await screens["zoe_b"].send_json_to({"action": "answer", "question": 0, "value": value})
        await until(screens["zoe_b"], refused("Cette question ne prend plus de réponses."))

        # A pauses (no timer); B opens its first question: B's room answers, A's waits.
        await screens["projector_a"].send_json_to({"action": "pause"})
        await until(screens["omar"], has("En pause"))
        await until(screens["projector_a"], has('data-paused="true"'))
        assert await screens["nina"].receive_nothing(timeout=0.3)
        await screens["projector_b"].send_json_to({"action": "next"})
        await until(screens["nina"], has("Question 1 sur"))
        await until(screens["zoe_b"], has("Question 1 sur"))
        assert await screens["omar"].receive_nothing(timeout=0.3)
        value_b = right_value(await call(fresh, b))
        await screens["nina"].send_json_to({"action": "answer", "question": 0, "value": value_b})
        await until(screens["nina"], has("Réponse enregistrée"))
        await screens["omar"].send_json_to({"action": "answer", "question": 0, "value": value})
        await until(screens["omar"], refused("La séance est en pause"))
        await until(screens["projector_b"], has("1 réponse sur 2"))
        assert await screens["projector_a"].receive_nothing(timeout=0.5)  # still 1 of 2

        # A resumes: Omar answers there; B's count does not move.
        await screens["projector_a"].send_json_to({"action": "resume"})
        await until(
            screens["omar"], lambda m: m.get("type") == "state" and "En pause" not in m["html"]
        )
        await screens["omar"].send_json_to({"action": "answer", "question": 0, "value": value})
        await until(screens["omar"], has("Réponse enregistrée"))
        await until(screens["projector_a"], has("2 réponses sur 2"))
        assert await screens["projector_b"].receive_nothing(timeout=0.5)  # still 1 of 2
        for communicator in screens.values():
            await communicator.disconnect()

    run(scenario)
    answers = LiveAnswer.objects.order_by("pk").values_list("session", "participant__nickname")
    assert list(answers) == [(a.pk, "Zoé"), (b.pk, "Nina"), (a.pk, "Omar")]
    assert fresh(a).paused is False and fresh(b).phase == "question"


# Who may open which socket, and send what on it: every socket and every action.

VISITORS = [
    "anonymous",
    "participant",  # a guest who joined this session
    "other_participant",  # a guest who joined another session of the same trainer
    "learner",  # signed in, not a participant
    "other_trainer",
    "trainer",  # the session's
    "editor",
]
PHONE, PROJECTOR = "ws/direct/<str:code>/", "ws/direct/<str:code>/projecteur/"
SOCKETS = {  # who connects
    PHONE: [False, True, False, False, False, False, False],
    PROJECTOR: [False, False, False, False, False, True, False],
}
# The one socket each action is taken on, in the order the test sends them where taken.
SOCKET_ACTIONS = {
    "answer": PHONE,
    "pause": PROJECTOR,
    "resume": PROJECTOR,
    "reveal": PROJECTOR,
    "next": PROJECTOR,
    "remove": PROJECTOR,
    "end": PROJECTOR,
}


def test_every_socket_and_action_has_its_row_in_the_access_tables():
    from live.consumers import ParticipantConsumer
    from live.routing import websocket_urlpatterns

    assert {str(route.pattern) for route in websocket_urlpatterns} == set(SOCKETS)
    assert set(SOCKET_ACTIONS) == {*ParticipantConsumer.ACTIONS, *services.ACTIONS}


def test_access_to_every_socket_and_action_for_every_kind_of_visitor(people):
    from tests.factories import EditorFactory, UserFactory

    trainer = people["trainer"]
    session, other = start_session(trainer), start_session(trainer)
    browsers = {role: Client() for role in VISITORS}
    users = {
        "learner": UserFactory(email="lea@test.fr"),
        "other_trainer": TrainerFactory(email="theo@test.fr"),
        "trainer": trainer,
        "editor": EditorFactory(email="edith@test.fr"),
    }
    for role, user in users.items():
        browsers[role].force_login(user)
    participant = join(browsers["participant"], session, "Léa")
    join(browsers["other_participant"], other, "Omar")
    services.act(session.pk, "next")  # a question open, for the answers

    def message(action):
        if action == "answer":
            return {"action": "answer", "question": 0, "value": right_value(fresh(session))}
        return (
            {"action": action, "participant": participant.pk}
            if action == "remove"
            else {"action": action}
        )

    async def scenario():
        open_sockets, failures = {}, []
        for route, expected in SOCKETS.items():
            path = route.replace("<str:code>", session.code)
            for role, allowed in zip(VISITORS, expected, strict=True):
                communicator, connected, _code = await socket(path, browsers[role])
                if connected != allowed:
                    failures.append(f"{route} as {role}: connected={connected}")
                if connected:
                    await communicator.receive_json_from()
                    open_sockets[route] = communicator
                else:
                    await communicator.disconnect()
        assert not failures, "\n".join(failures)

        # Every action, on the socket that does not take it: refused, nothing changes.
        version = (await call(fresh, session)).version
        for action, route in SOCKET_ACTIONS.items():
            for elsewhere, communicator in open_sockets.items():
                if elsewhere != route:
                    await communicator.send_json_to(await call(message, action))
                    await until(communicator, refused("Message refusé."))
        assert (await call(fresh, session)).version == version
        assert not await call(LiveAnswer.objects.exists)

        # Every action, on its own socket: taken.
        for action, route in SOCKET_ACTIONS.items():
            before = await call(fresh, session)
            await open_sockets[route].send_json_to(await call(message, action))
            if action == "answer":
                await until(open_sockets[route], has("Réponse enregistrée"))
            else:
                await until(
                    open_sockets[route],
                    lambda m, seen=before.version: m.get("type") == "state" and m["version"] > seen,
                )
        for communicator in open_sockets.values():
            await communicator.disconnect()

    run(scenario)
    assert list(LiveAnswer.objects.values_list("participant", flat=True)) == [participant.pk]
    assert Participant.objects.get(pk=participant.pk).removed
    assert fresh(session).phase == "ended" and fresh(other).version == other.version
