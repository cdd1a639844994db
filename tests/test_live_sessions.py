"""Live sessions past one session and the happy path, over HTTP: a trainer running two sessions
at once with the same people in both; pause with and without a timer; a participant removed
("Retirer") and what the end of the session counts; every live URL for every kind of visitor.
The sockets' side of the same rules is in test_live_sockets.py."""

import csv
import io
import re
from datetime import datetime

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from live import services, urls
from live.models import LiveAnswer, LiveSession, Participant, Phase
from quizzes.models import Attempt
from tests.clock import instant
from tests.factories import UserFactory
from tests.live_helpers import fresh, join, phone, right_value, start_session, wrong_value
from workshops.models import AssignedAttempt, Membership

pytestmark = pytest.mark.django_db


def act(client, session, action, **data):
    return client.post(reverse("live:action", args=[session.code]), {"action": action, **data})


def answer(browser, session, value):
    """A phone's plain form post (no JavaScript) to the question on screen."""
    values = value if isinstance(value, list) else [value]
    return browser.post(
        reverse("live:play", args=[session.code]),
        {"question": fresh(session).current, "value": values},
    )


def right(session):
    return right_value(fresh(session))


def wrong(session):
    return wrong_value(fresh(session))


def text(html):
    """What a screen reads: tags out, spaces (non-breaking ones too) collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def projector(client, session):
    return client.get(reverse("live:projector_state", args=[session.code])).json()


def phone_state(browser, session):
    return browser.get(reverse("live:play_state", args=[session.code])).json()


def summary(client, session):
    """The end's table on the projector, a line per question: its rate and right / answered."""
    html = projector(client, session)["html"]
    body = html[html.index('class="projector__summary"') :]
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", body.split("</tbody>")[0], re.S)
    return [text(row).rsplit(" ", 5)[-5:] for row in rows]


def results_rates(client, session):
    html = client.get(reverse("live:results", args=[session.code])).content.decode()
    footer = html[html.index("<tfoot>") : html.index("</tfoot>")]
    return text(footer)


def csv_rows(client, session):
    """The CSV's table of participants, each line cut to its nickname, its marks (right or
    wrong) and its number of right answers (tests/test_live_lifecycle.py reads the rest)."""
    response = client.get(reverse("live:export", args=[session.code]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    table = rows[[row[:1] for row in rows].index(["Pseudonyme"]) :]
    return [[row[0], *row[3:-1:3], row[-1]] for row in table]


def podium(client, session):
    html = projector(client, session)["html"]
    section = html[html.index("projector__podium") :]
    return [text(place) for place in re.findall(r"<li>(.*?)</li>", section.split("</ol>")[0])]


# Two sessions at once.


def test_one_trainer_two_sessions_the_same_people_in_both_each_keeps_its_own(
    client, people, setting
):
    """A workshop's session and a free one, run side by side by the same trainer, on the same
    quiz; Léa's laptop (signed in) and Zoé's phone (a guest) join both. Each session counts,
    shows and records only its own answers, and lists each of them once."""
    trainer, learner = people["trainer"], people["learner"]
    client.force_login(trainer)
    a = start_session(trainer, workshop=setting["workshop"], quiz=setting["quiz"], question_count=2)
    b = start_session(trainer, quiz=setting["quiz"], question_count=2)
    laptop, zoe = Client(), Client()
    laptop.force_login(learner)
    lea_a, lea_b = join(laptop, a, "Léa Roux"), join(laptop, b, "Léa Roux")
    zoe_a, zoe_b = join(zoe, a, "Zoé"), join(zoe, b, "Zoé")
    omar = phone(a, "Omar")[0]
    nina = phone(b, "Nina")[0]
    assert lea_a != lea_b and lea_a.user == lea_b.user == learner and zoe_a != zoe_b
    assert [text(projector(client, s)["html"]).split(" connectés")[0] for s in (a, b)] == [
        "3 participants",
        "3 participants",
    ]
    assert "Omar" in projector(client, a)["html"] and "Nina" not in projector(client, a)["html"]
    assert "Nina" in projector(client, b)["html"] and "Omar" not in projector(client, b)["html"]

    # A opens its first question, then B (A's answers come first, in the same rooms' browsers).
    services.act(a.pk, "next")
    assert phone_state(zoe, b)["announce"] == "En attente de la première question."
    assert answer(laptop, a, right(a)).status_code == 302
    assert answer(zoe, a, right(a)).status_code == 302
    assert answer(omar, a, wrong(a)).status_code == 302
    services.act(b.pk, "next")
    assert "Réponse enregistrée" in phone_state(zoe, a)["html"]
    assert "Réponse enregistrée" not in phone_state(zoe, b)["html"]  # her answer was A's
    assert answer(laptop, b, wrong(b)).status_code == 302
    assert answer(nina, b, right(b)).status_code == 302
    assert "3 réponses sur 3" in text(projector(client, a)["html"])
    assert "2 réponses sur 3" in text(projector(client, b)["html"])

    # A moves on to its second question while B is still on its first: each phone follows its own.
    services.act(a.pk, "reveal")
    assert "3 réponses reçues" in text(projector(client, a)["html"])
    services.act(a.pk, "next")
    assert phone_state(laptop, a)["announce"].startswith("Question 2 sur 2")
    assert phone_state(laptop, b)["announce"].startswith("Question 1 sur 2")
    assert answer(laptop, a, wrong(a)).status_code == 302
    assert answer(zoe, b, wrong(b)).status_code == 302  # B's first question, still open
    services.act(b.pk, "reveal")
    assert "3 réponses reçues" in text(projector(client, b)["html"])
    services.act(a.pk, "end")
    services.act(b.pk, "end")

    assert summary(client, a) == [["67", "%", "2", "/", "3"], ["0", "%", "0", "/", "1"]]
    assert summary(client, b) == [["33", "%", "1", "/", "3"]]
    assert csv_rows(client, a)[1:] == [
        ["Léa Roux", "juste", "faux", "1"],
        ["Zoé", "juste", "", "1"],
        ["Omar", "faux", "", "0"],
    ]
    assert csv_rows(client, b)[1:] == [
        ["Léa Roux", "faux", "0"],
        ["Zoé", "faux", "0"],
        ["Nina", "juste", "1"],
    ]
    assert "1 bonne réponse sur 2." in text(phone_state(zoe, a)["html"])
    assert "1 bonne réponse sur 1." in text(phone_state(nina, b)["html"])
    # Only the workshop's session records an attempt, from its own answers.
    attempt = Attempt.objects.get()
    assert (attempt.user, attempt.correct_count, attempt.question_count) == (learner, 1, 2)
    assert AssignedAttempt.objects.get(attempt=attempt).assignment == fresh(a).assignment


# Pause.


def test_pause_without_a_timer_holds_answers_until_the_trainer_resumes(client, people):
    session = start_session(people["trainer"])
    client.force_login(people["trainer"])
    lea, omar = phone(session, "Léa")[0], phone(session, "Omar")[0]
    act(client, session, "next")
    assert answer(lea, session, right(session)).status_code == 302
    opened = fresh(session).question_opened_at

    assert act(client, session, "pause").status_code == 302
    paused = fresh(session)
    assert (paused.phase, paused.current, paused.paused) == (Phase.QUESTION, 0, True)
    assert paused.question_opened_at == opened
    state = phone_state(omar, session)
    assert state["announce"] == "Séance en pause."
    assert "En pause : le formateur reprend dans un instant." in state["html"]
    assert "data-live-answer" not in state["html"] and "data-deadline" not in state["html"]
    shown = projector(client, session)
    assert 'data-paused="true"' in shown["html"] and "En pause" in shown["html"]
    assert shown["announce"] == "Séance en pause."
    assert "1 réponse sur 2" in text(shown["html"])  # the answer given before the pause stays
    html = client.get(session.get_projector_url()).content.decode()
    assert 'value="resume"' in html and "data-pause-label>Reprendre</span>" in html

    response = answer(omar, session, right(session))
    assert response.status_code == 400
    assert "La séance est en pause\u00a0: réessayez dans un instant." in response.content.decode()
    assert LiveAnswer.objects.count() == 1

    act(client, session, "resume")
    resumed = fresh(session)
    assert (resumed.phase, resumed.current, resumed.paused, resumed.paused_at) == (
        Phase.QUESTION,
        0,
        False,
        None,
    )
    assert "data-live-answer" in phone_state(omar, session)["html"]
    assert answer(omar, session, wrong(session)).status_code == 302
    assert "2 réponses sur 2" in text(projector(client, session)["html"])


def test_pause_with_a_timer_gives_the_paused_time_back_to_the_second(client, people, clock):
    """30 s from 10:00:00; paused from 10:00:10 to 10:01:00: the question closes at 10:01:20,
    not 10:00:30. During the pause, even past the first deadline, the answer is refused for
    the pause (not for the time)."""
    session = start_session(people["trainer"], timer_seconds=30)
    client.force_login(people["trainer"])
    lea, omar = phone(session, "Léa")[0], phone(session, "Omar")[0]
    clock.move_to("2026-05-12 10:00:00")
    act(client, session, "next")
    assert deadline(phone_state(lea, session)) == instant("2026-05-12 10:00:30")
    clock.move_to("2026-05-12 10:00:10")
    act(client, session, "pause")
    clock.move_to("2026-05-12 10:00:50")
    assert "data-deadline" not in phone_state(lea, session)["html"]
    response = answer(lea, session, right(session))
    assert "La séance est en pause" in response.content.decode()

    clock.move_to("2026-05-12 10:01:00")
    act(client, session, "resume")
    assert fresh(session).question_opened_at == instant("2026-05-12 10:00:50")
    assert deadline(phone_state(lea, session)) == instant("2026-05-12 10:01:20")
    assert deadline(projector(client, session)) == instant("2026-05-12 10:01:20")
    clock.move_to("2026-05-12 10:01:20")  # the deadline's own second: still taken
    assert answer(lea, session, right(session)).status_code == 302
    clock.move_to("2026-05-12 10:01:21")
    response = answer(omar, session, right(session))
    assert "Le temps de cette question est écoulé." in response.content.decode()
    assert list(LiveAnswer.objects.values_list("participant__nickname", flat=True)) == ["Léa"]


def deadline(state):
    found = re.search(r'data-deadline="([^"]+)"', state["html"])
    assert found, "no timer on this screen"
    return datetime.fromisoformat(found.group(1))


# A participant removed.


def test_a_removed_participant_leaves_the_rates_and_results_and_their_records_stay(
    client, people, setting
):
    """Three in the room: Léa and Troll right, Omar wrong at question 1 (2/3). Troll removed:
    the end counts 1/2, whatever screen or file says it; he cannot answer or join again; his
    answers and his place in the session are kept as they were."""
    workshop, trainer = setting["workshop"], people["trainer"]
    troll_user = UserFactory(email="troll@test.fr", first_name="Troll", last_name="")
    Membership.objects.create(workshop=workshop, user=troll_user)
    session = start_session(trainer, workshop=workshop, quiz=setting["quiz"], podium=True)
    client.force_login(trainer)
    lea = phone(session, "Léa Roux", user=people["learner"])[0]
    omar = phone(session, "Omar")[0]
    troll, troll_participant = phone(session, "Troll", user=troll_user)

    act(client, session, "next")
    answer(lea, session, right(session))
    answer(omar, session, wrong(session))
    answer(troll, session, right(session))
    act(client, session, "reveal")
    assert "3 réponses reçues" in text(projector(client, session)["html"])
    act(client, session, "next")
    kept = list(LiveAnswer.objects.filter(participant=troll_participant).values())

    act(client, session, "remove", participant=troll_participant.pk)
    assert "2 participants" in text(projector(client, session)["html"])
    assert "0 réponse sur 2" in text(projector(client, session)["html"])
    state = phone_state(troll, session)
    assert state["removed"] and "Le formateur vous a retiré de cette séance." in state["html"]
    response = answer(troll, session, right(session))  # question 2, which he has not answered
    assert response.status_code == 400
    assert "Le formateur vous a retiré de cette séance." in response.content.decode()
    assert LiveAnswer.objects.filter(participant=troll_participant).count() == 1
    # The same account from another device: not let in again.
    laptop = Client()
    laptop.force_login(troll_user)
    response = laptop.post(reverse("live:join"), {"code": session.code, "nickname": "Troll 2"})
    assert response.status_code == 400
    assert "Le formateur vous a retiré de cette séance." in response.content.decode()
    assert Participant.objects.filter(session=session).count() == 3

    answer(lea, session, right(session))
    answer(omar, session, right(session))
    act(client, session, "reveal")
    assert "2 réponses reçues" in text(projector(client, session)["html"])
    act(client, session, "end")

    assert summary(client, session) == [["50", "%", "1", "/", "2"], ["100", "%", "2", "/", "2"]]
    assert results_rates(client, session) == "Réussite 50 % 100 %"
    assert csv_rows(client, session)[1:] == [
        ["Léa Roux", "juste", "juste", "2"],
        ["Omar", "faux", "juste", "1"],
    ]
    assert podium(client, session) == ["Léa Roux", "Omar"]  # not "Omar, Troll" (1 right each)
    assert list(Attempt.objects.values_list("user__email", flat=True)) == ["lea@test.fr"]
    # Records are evidence: his answers and his participation, as they were.
    assert list(LiveAnswer.objects.filter(participant=troll_participant).values()) == kept
    assert [(a["question"], a["is_correct"]) for a in kept] == [(0, True)]
    removed = Participant.objects.get(pk=troll_participant.pk)
    assert (removed.nickname, removed.user, removed.removed) == ("Troll", troll_user, True)


# Who may open what: every live URL, for every kind of visitor.

VISITORS = [
    "anonymous",
    "participant",  # a guest who joined this session
    "other_participant",  # a guest who joined another session of the same trainer
    "learner",  # signed in, not a participant
    "other_trainer",
    "trainer",  # the session's
    "editor",
]
# What a visitor gets: "login" (sent to sign in), "forbidden" (403), "unknown" (404: not told
# the session exists), "join" (the form to join it), "screen" (their own screen), "ok", "done"
# (the change made, then sent back to the projector), "refused" (400: nothing recorded).
L, F, U, J = "login", "forbidden", "unknown", "join"
TRAINERS = [L, L, L, F, "ok", "ok", F]
SESSION_S_TRAINER = [L, L, L, F, U, "ok", F]
ACCESS = {
    ("get", "sessions"): TRAINERS,
    ("get", "start"): TRAINERS,
    ("get", "projector"): SESSION_S_TRAINER,
    ("get", "projector_state"): SESSION_S_TRAINER,
    ("get", "results"): SESSION_S_TRAINER,
    ("get", "export"): SESSION_S_TRAINER,
    ("post", "action"): [L, L, L, F, U, "done", F],  # "next": it opens question 1
    ("post", "add_question"): [L, L, L, F, U, "done", F],  # a word cloud, after question 1
    ("get", "moderation"): SESSION_S_TRAINER,
    ("post", "moderation"): [L, L, L, F, U, "done", F],  # refused (nothing to moderate)
    ("get", "join"): [J] * 7,
    ("get", "play"): [J, "screen", J, J, J, J, J],
    ("post", "play"): [J, "done", J, J, J, J, J],  # an answer to question 1
    ("get", "play_state"): [F, "ok", F, F, F, F, F],
}


def outcome(response):
    status = response.status_code
    if status == 302:
        return "login" if response.url.startswith(reverse("accounts:login")) else "done"
    if status in (403, 404):
        return {403: "forbidden", 404: "unknown"}[status]
    html = response.content.decode()
    if 'name="nickname"' in html:
        return "join"
    if status == 200:
        return "screen" if "data-phase=" in html and "vous êtes" in html else "ok"
    return f"{status}"


def test_every_live_url_has_its_row_in_the_access_table():
    names = {pattern.name for pattern in urls.urlpatterns if isinstance(pattern, URLPattern)}
    assert names == {name for _method, name in ACCESS}, "a live URL without its access row"


def test_access_to_every_live_url_for_every_kind_of_visitor(people, setting):
    trainer = people["trainer"]
    session = start_session(trainer)
    other = start_session(trainer)
    browsers = {role: Client() for role in VISITORS}
    for role in ("learner", "other_trainer", "trainer", "editor"):
        browsers[role].force_login(people[role])
    participant = join(browsers["participant"], session, "Léa")
    join(browsers["other_participant"], other, "Omar")
    args = [session.code]
    data = {
        "action": {"action": "next"},
        "play": {"question": "0", "value": "x"},
        "add_question": {"kind": "word_cloud", "text": "Un mot pour ce matin ?"},
        "moderation": {"question": "0", "target": "x", "shown": "0"},
    }
    failures = []
    for (method, name), expected in ACCESS.items():
        for role, wanted in zip(VISITORS, expected, strict=True):
            before = fresh(session).version
            url = reverse(
                f"live:{name}", args=None if name in ("sessions", "start", "join") else args
            )
            payload = dict(data.get(name, {}))
            if (method, name) == ("post", "play"):
                payload["value"] = right(session)
            got = outcome(getattr(browsers[role], method)(url, payload if method == "post" else {}))
            if got != wanted:
                failures.append(f"{method.upper()} {name} as {role}: {got} != {wanted}")
            if name == "action" and (fresh(session).version != before) != (role == "trainer"):
                failures.append(f"POST action as {role} changed the session: {wanted}")
    assert not failures, "\n".join(failures)
    # What was done was done by whoever may: the trainer opened question 1, the participant
    # answered it; nobody else is in the session, nothing happened in the other one.
    assert fresh(session).phase == Phase.QUESTION
    assert list(LiveAnswer.objects.values_list("participant", flat=True)) == [participant.pk]
    assert Participant.objects.filter(session=session).count() == 1
    assert LiveSession.objects.get(pk=other.pk).version == other.version
