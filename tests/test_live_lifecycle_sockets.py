"""A live session's life through its sockets and under concurrency (Channels' communicator, the
project's ASGI application, threads on a database without a test transaction): a session that
ends by itself, by the worker's check or by an answer that comes too late, or because another
session of its workshop started, says so on every screen; ends that race record the members'
attempts once; the worker's own loop makes the check; one account joining from two browsers at
once is one participant."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client

from jobs import periodic
from jobs.management.commands.run_worker import watch
from live import services
from live.models import EndReason, LiveSession, Participant, Phase
from quizzes.models import Attempt
from tests.clock import instant
from tests.factories import TrainerFactory, UserFactory
from tests.live_helpers import (
    fresh,
    join,
    phone,
    phone_path,
    projector_path,
    right_value,
    socket,
    start_session,
)
from tests.test_live_sockets import call, has, refused, run, trainer_browser, until
from tests.workshop_helpers import make_workshop
from workshops.models import AssignedAttempt

ENDED_BY_IDLE = "Cette séance est terminée : elle s'est arrêtée d'elle-même après 30 minutes"


@pytest.fixture
def room(committed_db, clock):
    """At 10:00 on 12 May 2026, Tina starts a session in her workshop; Léa (a member, signed in)
    joins; the first question opens."""
    clock.move_to("2026-05-12 10:00")
    trainer = TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="")
    learner = UserFactory(email="lea@test.fr", first_name="Léa", last_name="Roux")
    workshop, _assignment = make_workshop(trainer, [learner])
    session = start_session(trainer, workshop=workshop, question_count=2)
    browser = phone(session, "Léa Roux", user=learner)[0]
    services.act(session.pk, "next")
    return {
        "session": session,
        "trainer": trainer,
        "learner": learner,
        "workshop": workshop,
        "lea": browser,
        "clock": clock,
    }


def the_end(message):
    return message.get("type") == "state" and message["announce"] == "La séance est terminée."


def test_the_worker_s_check_ends_an_idle_session_on_every_screen(room):
    session, clock = room["session"], room["clock"]
    trainer = trainer_browser(room["trainer"])

    async def scenario():
        projector, connected, _code = await socket(projector_path(session), trainer)
        assert connected
        lea, connected, _code = await socket(phone_path(session), room["lea"])
        assert connected
        await lea.receive_json_from()
        clock.move_to("2026-05-12 10:30:30")
        assert (await call(periodic.run))["live sessions ended"] == 1
        await until(lea, the_end)
        await until(projector, has("Réussite par question"))
        current = await call(fresh, session)
        await lea.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        await until(lea, refused("Cette question ne prend plus de réponses."))
        for communicator in (projector, lea):
            await communicator.disconnect()

    run(scenario)
    ended = fresh(session)
    assert (ended.phase, ended.end_reason, ended.ended_at) == (
        Phase.ENDED,
        EndReason.IDLE,
        instant("2026-05-12 10:30"),
    )
    attempt = Attempt.objects.get()  # Léa's, unanswered: 0 of 1
    assert (attempt.user, attempt.correct_count, attempt.question_count) == (room["learner"], 0, 1)


def test_an_answer_sent_after_the_idle_time_ends_the_session_and_is_refused(room):
    """No worker ran: Léa's phone, awake again at 10:45, sends its answer; the session ends as
    of 10:30, the phone is told why, the projector shows the end."""
    session, clock = room["session"], room["clock"]
    trainer = trainer_browser(room["trainer"])

    async def scenario():
        projector, _connected, _code = await socket(projector_path(session), trainer)
        await projector.receive_json_from()
        lea, _connected, _code = await socket(phone_path(session), room["lea"])
        await lea.receive_json_from()
        clock.move_to("2026-05-12 10:45")
        current = await call(fresh, session)
        await lea.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        message = await until(lea, lambda m: m.get("type") == "refused")
        assert ENDED_BY_IDLE in message["message"]
        await until(lea, the_end)
        await until(projector, has("Réussite par question"))
        for communicator in (projector, lea):
            await communicator.disconnect()

    run(scenario)
    assert fresh(session).ended_at == instant("2026-05-12 10:30")
    assert not Attempt.objects.get().questions[0]["given"]  # the late answer was not taken


def test_a_second_session_of_the_workshop_ends_the_first_on_its_screens(room):
    session = room["session"]

    async def scenario():
        lea, _connected, _code = await socket(phone_path(session), room["lea"])
        await lea.receive_json_from()
        current = await call(fresh, session)
        await lea.send_json_to({"action": "answer", "question": 0, "value": right_value(current)})
        await until(lea, has("Réponse enregistrée"))
        await call(start_session, room["trainer"], room["workshop"])
        await until(lea, the_end)
        await lea.disconnect()

    run(scenario)
    assert fresh(session).end_reason == EndReason.REPLACED
    assert LiveSession.objects.exclude(pk=session.pk).get().is_open
    attempt = Attempt.objects.get()
    assert (attempt.user, attempt.correct_count) == (room["learner"], 1)


def at_once(*calls):
    """Run each call in its own thread, all released together; each result, or the exception it
    raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run_one(index, function, args):
        try:
            barrier.wait()
            results[index] = function(*args)
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run_one, args=(index, function, args))
        for index, (function, *args) in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_ends_that_race_record_the_members_attempts_once(room):
    """The trainer's "Terminer" twice (two tabs), the worker's end and a second session of the
    workshop, all at the same moment: the session ends once, Léa has one attempt of it."""
    session = room["session"]
    assignment_id = session.assignment_id
    moment = instant("2026-05-12 10:00")
    results = at_once(
        (services.act, session.pk, "end"),
        (services.act, session.pk, "end"),
        (services.end, session.pk, EndReason.IDLE, moment),
        (services.start, session.quiz, room["trainer"], room["workshop"]),
    )
    ends = [result for result in results[:2] if isinstance(result, LiveSession)]
    refusals = [result for result in results[:2] if isinstance(result, services.Refused)]
    assert len(ends) + len(refusals) == 2, results
    won = len(ends) + (results[2] is True) + (fresh(session).end_reason == EndReason.REPLACED)
    assert won == 1, results
    assert fresh(session).phase == Phase.ENDED
    assert AssignedAttempt.objects.filter(assignment_id=assignment_id).count() == 1
    assert Attempt.objects.get().user == room["learner"]


def test_the_worker_s_own_loop_makes_the_check(room):
    session, clock = room["session"], room["clock"]
    clock.move_to("2026-05-12 10:31")
    stop = threading.Event()
    worker = threading.Thread(target=watch, kwargs={"every": 0.05, "stop": stop})
    worker.start()
    try:
        for _try in range(200):
            if not LiveSession.objects.get(pk=session.pk).is_open:
                break
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert fresh(session).end_reason == EndReason.IDLE
    assert Attempt.objects.count() == 1


def test_one_account_joining_from_two_browsers_at_once_is_one_participant(room):
    """Léa's laptop and phone, both signed in, tap "Rejoindre" at the same moment: one of the
    two joins waits for the other and finds her participant; no "Léa 2"."""
    session = start_session(room["trainer"], workshop=room["workshop"])
    learner = room["learner"]
    laptop, mobile = Client(), Client()
    for browser in (laptop, mobile):
        browser.force_login(learner)
    results = at_once((join, laptop, session, "Léa"), (join, mobile, session, "Léa"))
    assert isinstance(results[0], Participant) and results[0] == results[1], results
    assert list(session.participants.values_list("nickname", "user")) == [("Léa", learner.pk)]
