"""What a live session's sockets refuse, and how they hold in a real room (Channels' communicator
on the project's ASGI application): a socket's messages are rate-limited and bounded in size,
logged in a short excerpt only; a malformed message is refused and the socket stays open; the
projector acts only while its trainer is signed in; a socket opens only from the site's own
origin (scheme, host and port); the countdown stops during a pause and phones keep the
correction; while answers arrive, the projector gets their count, not the whole room again."""

import asyncio
import json
import logging

import pytest
from asgiref.sync import async_to_sync
from django.test import override_settings

from live import services
from live.models import LiveAnswer
from tests.clock import instant
from tests.factories import TrainerFactory
from tests.live_helpers import (
    Socket,
    cookie_of,
    fresh,
    phone,
    phone_path,
    projector_path,
    right_value,
    socket,
    start_session,
    wrong_value,
)
from tests.test_live_sockets import call, has, refused, run, trainer_browser, until


@pytest.fixture
def trainer(committed_db):
    """In a database without a test transaction around it (the consumers' threads)."""
    return TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="")


def is_state(message):
    return message.get("type") == "state"


async def drain(communicator, quiet=0.8):
    """The messages received until none comes for `quiet` seconds."""
    received = []
    while not await communicator.receive_nothing(timeout=quiet):
        received.append(await communicator.receive_json_from())
    return received


async def still_open(communicator, session):
    """The socket answers still: an honest answer to the question on screen is recorded."""
    current = await call(fresh, session)
    await communicator.send_json_to(
        {"action": "answer", "question": current.current, "value": right_value(current)}
    )
    await until(communicator, has("Réponse enregistrée"))


# Malformed messages: refused, the socket stays open.


def test_malformed_messages_are_refused_and_the_phone_s_socket_stays_open(trainer, caplog):
    session = start_session(trainer)
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    caplog.set_level(logging.INFO, logger="live")

    async def scenario():
        lea, connected, _code = await socket(phone_path(session), browser)
        assert connected
        await lea.receive_json_from()
        deep = "[" * 3000 + "]" * 3000  # within the size allowed, nested past Python's recursion
        nested_value = json.dumps({"action": "answer", "question": 0, "value": [[["a"]]]})
        for text in (
            deep,
            '{"action": "answer", "question": 0, "value": ' + "[" * 1500 + "]" * 1500 + "}",
            "[1, 2",
            '{"action": "answer", "question": true, "value": "x"}',
            nested_value,
        ):
            await lea.send_to(text_data=text)
            message = await until(lea, lambda m: m.get("type") == "refused")
            assert message["message"] in ("Message refusé.", "Choisissez une réponse.")
        await lea.send_to(bytes_data=b"\x00\x01")
        await until(lea, refused("Message refusé."))
        await still_open(lea, session)
        await lea.disconnect()

    run(scenario)
    assert LiveAnswer.objects.count() == 1
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_the_projector_refuses_a_removal_of_no_participant_and_stays_open(trainer):
    session = start_session(trainer)
    participant = phone(session, "Troll")[1]
    browser = trainer_browser(trainer)

    async def scenario():
        projector, connected, _code = await socket(projector_path(session), browser)
        assert connected
        await projector.receive_json_from()
        for message in (
            {"action": "remove", "participant": "abc"},
            {"action": "remove", "participant": [participant.pk]},
            {"action": "remove", "participant": {"id": participant.pk}},
            {"action": "remove", "participant": True},
            {"action": "remove", "participant": 1.5},
            {"action": "remove"},
            {"action": "next", "participant": participant.pk},
        ):
            await projector.send_json_to(message)
            await until(projector, refused("Message refusé."))
        await projector.send_json_to({"action": "remove", "participant": 10**12})
        await until(projector, refused("Ce participant n'est pas dans la séance."))
        # Still open, still in control.
        await projector.send_json_to({"action": "remove", "participant": participant.pk})
        await until(projector, lambda m: is_state(m) and "0 participant connecté" in m["html"])
        await projector.disconnect()

    run(scenario)
    assert fresh(session).current == -1
    assert services.Participant.objects.get(pk=participant.pk).removed


def test_a_participant_of_the_wrong_type_changes_nothing_whoever_asks(trainer):
    """The service itself refuses it (a form, a test, a socket alike)."""
    session = start_session(trainer)
    for value in ("abc", [1], None, True):
        with pytest.raises(services.Refused):
            services.act(session.pk, "remove", value)
    assert fresh(session).version == session.version


# Size and rate.


LENGTH = 1_000_000  # a frame of 1 MB, daphne's largest by default


def test_a_message_too_long_is_refused_and_logged_in_a_short_excerpt(trainer, caplog):
    session = start_session(trainer)
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    caplog.set_level(logging.INFO, logger="live")

    async def scenario():
        lea, _connected, _code = await socket(phone_path(session), browser)
        await lea.receive_json_from()
        huge = json.dumps({"action": "answer", "question": 0, "value": "x" * (LENGTH - 48)})
        assert len(huge) == LENGTH
        await lea.send_to(text_data=huge)
        await until(lea, refused("Message refusé."))
        await lea.send_to(text_data="y" * 5000)  # not even JSON: the same
        await until(lea, refused("Message refusé."))
        await still_open(lea, session)
        await lea.disconnect()

    run(scenario)
    logged = [record.getMessage() for record in caplog.records if record.name == "live.consumers"]
    assert len(logged) == 2
    assert all(len(line) < 400 for line in logged), [len(line) for line in logged]
    assert f"({LENGTH} characters)" in logged[0] and "(5000 characters)" in logged[1]


def test_a_flood_of_messages_is_dropped_after_a_few_and_honest_phones_are_served(trainer, caplog):
    session = start_session(trainer)
    flooder = phone(session, "Bot")[0]
    honest = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    caplog.set_level(logging.INFO, logger="live")

    async def scenario():
        bot, _connected, _code = await socket(phone_path(session), flooder)
        await bot.receive_json_from()
        lea, _connected, _code = await socket(phone_path(session), honest)
        await lea.receive_json_from()
        current = await call(fresh, session)
        for _message in range(200):
            await bot.send_json_to({"action": "answer", "question": 0, "value": "pas-un-choix"})
        replies = await drain(bot)
        messages = [reply["message"] for reply in replies if reply["type"] == "refused"]
        # The first few are read (and refused for what they say); then one warning, and the
        # rest dropped unread, nothing else sent back.
        assert messages[:8] == ["Cette réponse ne fait pas partie de la question."] * 8
        assert "Trop de messages : attendez quelques secondes." in messages
        assert len(messages) < 40, len(messages)
        # Meanwhile an honest phone answers, and is told.
        await lea.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        await until(lea, has("Réponse enregistrée"))
        # The flooder's socket is still open: once its allowance is back, it is read again.
        await asyncio.sleep(1.1)
        await bot.send_json_to({"action": "answer", "question": 0, "value": wrong_value(current)})
        await until(bot, has("Réponse enregistrée"))
        for communicator in (bot, lea):
            await communicator.disconnect()

    run(scenario)
    assert LiveAnswer.objects.count() == 2
    warnings = [r for r in caplog.records if "too many messages" in r.getMessage()]
    assert len(warnings) == 1  # one line per flood, not one per message


# The projector's trainer signs out.


def test_the_projector_loses_control_when_its_trainer_signs_out(trainer):
    session = start_session(trainer)
    phone(session, "Léa")
    browser = trainer_browser(trainer)

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), browser)
        await projector.receive_json_from()
        await projector.send_json_to({"action": "next"})
        await until(projector, has("Question 1 sur"))
        await call(browser.logout)  # in another tab of the same browser
        await projector.send_json_to({"action": "next"})
        closed = await projector.receive_output(timeout=3)
        while closed["type"] != "websocket.close":
            closed = await projector.receive_output(timeout=3)
        assert closed["code"] == 4403
        # Signed in again elsewhere (a new session): that old socket's browser still cannot.
        again, connected, _code = await socket(projector_path(session), browser)
        assert not connected
        await again.disconnect()

    run(scenario)
    assert fresh(session).current == 0  # the `next` after signing out was not applied


def test_a_signed_out_projector_stops_getting_the_room_even_without_a_message(trainer):
    session = start_session(trainer)
    browser = trainer_browser(trainer)

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), browser)
        await projector.receive_json_from()
        await call(browser.logout)
        await call(phone, session, "Léa")  # the room goes on; this screen must not follow it
        while True:  # within the projector's regular check (2 s)
            output = await projector.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                break
            assert "Léa" not in json.loads(output["text"])["html"]
        assert output["code"] == 4403

    run(scenario)


# Origin: the site's own scheme, host and port.


def opens(browser, session, origin, extra_headers=()):
    """Whether a phone's socket opens with this Origin (and these headers)."""
    from config.asgi import application

    headers = [
        (b"origin", origin.encode()),
        (b"host", b"testserver"),
        (b"cookie", f"sessionid={cookie_of(browser)}".encode()),
        *extra_headers,
    ]

    async def scenario():
        communicator = Socket(application, phone_path(session), headers=headers)
        connected, _code = await communicator.connect(timeout=10)
        await communicator.disconnect()
        return connected

    return async_to_sync(scenario)()


@pytest.mark.parametrize(
    ("origin", "headers", "allowed"),
    [
        ("http://testserver", [], True),
        ("http://testserver:80", [], True),
        ("https://testserver", [], False),  # the page on HTTPS, the socket asked over plain ws
        ("http://testserver:8080", [], False),  # another service on the same host
        ("http://evil.example", [], False),
        ("null", [], False),
        ("", [], False),
        ("http://testserver.evil.example", [], False),
        # Behind the proxy (deploy/nginx.conf): HTTPS as its header says.
        ("https://testserver", [(b"x-forwarded-proto", b"https")], True),
        ("http://testserver", [(b"x-forwarded-proto", b"https")], False),
        ("https://testserver:8443", [(b"x-forwarded-proto", b"https")], False),
    ],
)
def test_a_socket_opens_only_from_the_site_s_own_scheme_host_and_port(
    trainer, origin, headers, allowed
):
    session = start_session(trainer)
    browser = phone(session, "Léa")[0]
    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
        assert opens(browser, session, origin, headers) is allowed


@override_settings(CSRF_TRUSTED_ORIGINS=["https://testserver:8443", "https://*.testserver"])
def test_a_socket_opens_from_a_trusted_origin_as_a_form_would_post_from_it(trainer):
    """Behind a proxy on another port, whose Host header has no port (nginx's $host)."""
    session = start_session(trainer)
    browser = phone(session, "Léa")[0]
    assert opens(browser, session, "https://testserver:8443") is True
    assert opens(browser, session, "https://testserver:9443") is False
    assert opens(browser, session, "http://testserver:8443") is False


# A pause: the countdown stops, and resumes from where it stopped; the correction stays.


def test_during_a_pause_the_countdown_stands_still_and_a_second_pause_keeps_its_start(
    trainer, clock
):
    session = start_session(trainer, timer_seconds=30)
    browser = phone(session, "Léa")[0]
    projector_browser = trainer_browser(trainer)
    clock.move_to("2026-05-12 10:00:00")

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), projector_browser)
        await projector.receive_json_from()
        lea, _connected, _code = await socket(phone_path(session), browser)
        await lea.receive_json_from()
        await projector.send_json_to({"action": "next"})
        state = await until(projector, has("Question 1 sur"))
        assert 'data-deadline="2026-05-12T08:00:30+00:00"' in state["html"]
        clock.move_to("2026-05-12 10:00:10")
        await projector.send_json_to({"action": "pause"})
        state = await until(projector, has('data-paused="true"'))
        assert "data-deadline" not in state["html"]  # nothing counts down on screen…
        assert "Minuteur arrêté : encore 20 s" in state["html"]  # …it shows what is left
        state = await until(lea, has("En pause"))
        assert "Minuteur arrêté : encore 20 secondes." in state["html"]
        assert "data-deadline" not in state["html"]
        clock.move_to("2026-05-12 10:00:40")
        await projector.send_json_to({"action": "pause"})  # P pressed twice, or two screens
        state = await until(projector, is_state)
        assert "Minuteur arrêté : encore 20 s" in state["html"]
        clock.move_to("2026-05-12 10:01:00")
        await projector.send_json_to({"action": "resume"})
        state = await until(projector, has("data-deadline"))
        # 20 s left, from 10:01:00.
        assert 'data-deadline="2026-05-12T08:01:20+00:00"' in state["html"]
        state = await until(lea, has("data-deadline"))
        assert 'data-deadline="2026-05-12T08:01:20+00:00"' in state["html"]
        for communicator in (projector, lea):
            await communicator.disconnect()

    run(scenario)
    assert fresh(session).question_opened_at == instant("2026-05-12 10:00:50")


def test_phones_keep_the_correction_during_a_pause(trainer):
    session = start_session(trainer)
    browser = phone(session, "Léa")[0]
    projector_browser = trainer_browser(trainer)
    services.act(session.pk, "next")
    question = session.questions[0]

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), projector_browser)
        await projector.receive_json_from()
        lea, _connected, _code = await socket(phone_path(session), browser)
        await lea.receive_json_from()
        current = await call(fresh, session)
        await lea.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        await until(lea, has("Réponse enregistrée"))
        await projector.send_json_to({"action": "reveal"})
        await until(lea, has("Bonne réponse"))
        await projector.send_json_to({"action": "pause"})
        state = await until(lea, has("En pause"))
        assert "Bonne réponse" in state["html"] and "La bonne réponse" in state["html"]
        assert question["explanation"] in state["html"]
        state = await until(projector, has('data-paused="true"'))
        assert "La bonne réponse" in state["html"]
        await projector.send_json_to({"action": "resume"})
        state = await until(lea, lambda m: is_state(m) and "En pause" not in m["html"])
        assert "Bonne réponse" in state["html"]
        for communicator in (projector, lea):
            await communicator.disconnect()

    run(scenario)


# The projector while answers arrive: their count, a few times a second at most.


def test_the_projector_gets_the_count_of_answers_not_the_room_again(trainer):
    session = start_session(trainer)
    browsers = {f"P{number}": phone(session, f"P{number}") for number in range(12)}
    projector_browser = trainer_browser(trainer)
    services.act(session.pk, "next")

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), projector_browser)
        first = await projector.receive_json_from()
        assert "0 réponse sur 12" in first["html"] and len(first["html"]) > 2000
        current = await call(fresh, session)
        for _browser, participant in browsers.values():
            await call(services.answer, participant.pk, 0, right_value(current))
        received = [await until(projector, has("12 réponses sur 12")), *await drain(projector)]
        # A count (a few dozen bytes), never the whole state, and fewer than the answers.
        assert {message["type"] for message in received} == {"count"}
        assert all(len(json.dumps(message)) < 200 for message in received)
        assert received[-1]["text"] == "12 réponses sur 12"

        # Someone joins during the question: the whole state again, with their name.
        await call(phone, session, "Nouvelle")
        state = await until(projector, is_state)
        assert "Nouvelle" in state["html"] and "12 réponses sur 13" in state["html"]
        await projector.disconnect()

    run(scenario)


def test_a_refusal_names_its_question_for_the_phone_to_show_it_beside_its_button(trainer):
    session = start_session(trainer)
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    services.act(session.pk, "reveal")

    async def scenario():
        lea, _connected, _code = await socket(phone_path(session), browser)
        state = await lea.receive_json_from()
        assert (state["question"], state["answered"], state["paused"]) == (None, False, False)
        await lea.send_json_to({"action": "answer", "question": 0, "value": "x"})
        message = await until(lea, lambda m: m.get("type") == "refused")
        assert message == {
            "type": "refused",
            "message": "Cette question ne prend plus de réponses.",
            "question": 0,
        }
        await lea.disconnect()

    run(scenario)
