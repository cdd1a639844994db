"""A live session's life over HTTP, as in a real room: it ends by itself after LIVE_IDLE_MINUTES
without activity and at the end of its day (the worker's periodic check, or whoever touches it
first), a second session of the workshop ends the first, and ending records the members' answers
once; learners and trainers see a live assignment as the session it was; a session expires and
the purge closes it; wrong codes are throttled per address; the results give each answer, its
time and each question's spread; an account is one participant; nicknames lose what shows
nothing. The sockets' side and concurrent ends are in test_live_lifecycle_sockets.py."""

import csv
import io
import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from jobs import periodic
from live import services
from live.models import EndReason, LiveAnswer, LiveSession, Participant, Phase
from quizzes.models import Attempt
from quizzes.scoring import describe_answer
from tests.clock import instant
from tests.factories import UserFactory
from tests.live_helpers import fresh, join, phone, right_value, start_session, wrong_value
from workshops.models import Assignment, Membership

pytestmark = pytest.mark.django_db

ENDED_BY_IDLE = "Cette séance est terminée : elle s'est arrêtée d'elle-même après 30 minutes"


def answer(browser, session, value):
    """A phone's plain form post (no JavaScript) to the question on screen."""
    values = value if isinstance(value, list) else [value]
    return browser.post(
        reverse("live:play", args=[session.code]),
        {"question": fresh(session).current, "value": values},
    )


def right(session):
    return right_value(fresh(session))


def ended(session):
    """(phase, why, when) the session ended."""
    now = fresh(session)
    return now.phase, now.end_reason, now.ended_at


def text(html):
    """What a page reads: tags out, spaces (non-breaking ones too) collapsed, apostrophes as
    typed (the French typography curls them), entities read."""
    words = unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(words.replace("\u2019", "'").split())


def workshop_columns(client, workshop):
    """The trainer's results table: each column's heading, and the cells under it."""
    html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    head = html[html.index("<thead>") : html.index("</thead>")]
    titles = [text(cell) for cell in re.findall(r'<th scope="col">(.*?)</th>', head, re.S)][1:]
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in body.split("</tr>")[:-1]]
    return {title: [text(row[i]) for row in rows] for i, title in enumerate(titles)}


def my_list(client):
    """A learner's list of assigned quizzes (their space), each item as read."""
    html = client.get(reverse("accounts:space")).content.decode()
    return [text(item) for item in re.findall(r'<li class="assignment">(.*?)</li>', html, re.S)]


@pytest.fixture
def room(people, setting, clock):
    """At 10:00 on 12 May 2026, Tina starts a session of two questions in her workshop; Léa (a
    member, signed in) and Zoé (a guest) join; the first question opens; Léa answers right at
    10:05."""
    clock.move_to("2026-05-12 10:00")
    session = start_session(
        people["trainer"], workshop=setting["workshop"], quiz=setting["quiz"], question_count=2
    )
    lea = phone(session, "Léa Roux", user=people["learner"])[0]
    zoe = phone(session, "Zoé")[0]
    services.act(session.pk, "next")
    clock.move_to("2026-05-12 10:05")
    assert answer(lea, session, right(session)).status_code == 302
    return {"session": session, "lea": lea, "zoe": zoe, "clock": clock}


# Ending by itself.


def test_a_session_without_activity_ends_by_itself_once_and_records_its_members(room, people):
    """Last activity at 10:05: at 10:34:59 the worker's check leaves it open; at 10:35 it ends
    it, as of 10:35, and Léa's answers become her attempt; checks after that change nothing."""
    session, clock = room["session"], room["clock"]
    clock.move_to("2026-05-12 10:34:59")
    assert periodic.run()["live sessions ended"] == 0
    assert fresh(session).is_open
    clock.move_to("2026-05-12 10:36:10")
    assert periodic.run()["live sessions ended"] == 1
    assert ended(session) == (Phase.ENDED, EndReason.IDLE, instant("2026-05-12 10:35"))
    attempt = Attempt.objects.get()
    assert (attempt.user, attempt.correct_count, attempt.question_count) == (
        people["learner"],
        1,
        1,
    )
    assert Assignment.objects.get(pk=fresh(session).assignment_id).due_at == instant(
        "2026-05-12 10:35"
    )
    assert periodic.run()["live sessions ended"] == 0
    services.end_sessions_over()
    assert Attempt.objects.count() == 1
    state = room["zoe"].get(reverse("live:play_state", args=[session.code])).json()
    assert state["announce"] == "La séance est terminée."


@pytest.mark.parametrize("touch", ["join", "phone", "projector", "projector_state", "action"])
def test_without_a_worker_whoever_touches_an_idle_session_ends_it(client, room, people, touch):
    """No worker ran: the first request about the session after its idle time ends it, as of
    when its idle time ran out, and says so in French to whoever asked."""
    session, clock = room["session"], room["clock"]
    clock.move_to("2026-05-12 11:20")
    client.force_login(people["trainer"])
    if touch == "join":
        response = Client().post(reverse("live:join"), {"code": session.code, "nickname": "Tom"})
        assert response.status_code == 400
        assert ENDED_BY_IDLE in text(response.content.decode())
        assert not Participant.objects.filter(nickname="Tom").exists()
    elif touch == "phone":
        html = room["zoe"].get(reverse("live:play", args=[session.code])).content.decode()
        assert "La séance est terminée." in html
    elif touch == "projector":
        html = client.get(session.get_projector_url()).content.decode()
        assert "Réussite par question" in html  # the end's summary
    elif touch == "projector_state":
        state = client.get(reverse("live:projector_state", args=[session.code])).json()
        assert state["announce"] == "La séance est terminée."
    else:
        response = client.post(
            reverse("live:action", args=[session.code]), {"action": "next"}, follow=True
        )
        assert ENDED_BY_IDLE in text(response.content.decode())
    assert ended(session) == (Phase.ENDED, EndReason.IDLE, instant("2026-05-12 10:35"))
    assert fresh(session).current == 0  # "next" was not applied
    assert list(Attempt.objects.values_list("user", flat=True)) == [people["learner"].pk]


def test_activity_keeps_a_session_open(room):
    """Answers, joins and the trainer's controls are activity: a session used every 20 minutes
    stays open all morning."""
    session, clock = room["session"], room["clock"]
    clock.move_to("2026-05-12 10:25")
    phone(session, "Nina")
    clock.move_to("2026-05-12 10:45")
    services.act(session.pk, "reveal")
    clock.move_to("2026-05-12 11:05")
    services.act(session.pk, "next")
    clock.move_to("2026-05-12 11:25")
    assert answer(room["zoe"], session, right(session)).status_code == 302
    clock.move_to("2026-05-12 11:54")
    assert periodic.run()["live sessions ended"] == 0 and fresh(session).is_open
    clock.move_to("2026-05-12 11:55")
    assert periodic.run()["live sessions ended"] == 1
    assert ended(session)[1:] == (EndReason.IDLE, instant("2026-05-12 11:55"))


def test_a_session_ends_at_the_end_of_its_day(people, clock):
    """Started at 23:50, answered at 23:58: at 00:00:30 it is over (midnight in Paris), whatever
    its activity; a phone trying to join is told why."""
    clock.move_to("2026-05-12 23:50")
    session = start_session(people["trainer"])
    lea = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    clock.move_to("2026-05-12 23:58")
    assert answer(lea, session, right(session)).status_code == 302
    clock.move_to("2026-05-13 00:00:30")
    response = Client().post(reverse("live:join"), {"code": session.code, "nickname": "Tom"})
    assert response.status_code == 400
    assert (
        "Cette séance du 12 mai 2026 est terminée : une séance en direct ne dure que le jour où "
        "elle commence." in text(response.content.decode())
    )
    assert ended(session) == (Phase.ENDED, EndReason.DAY, instant("2026-05-13 00:00"))


def test_an_old_session_is_closed_by_the_purge_and_cannot_be_joined(people, clock):
    """A session started 90 days ago and never ended: the daily purge ends it (and says so),
    and its code leads nowhere."""
    clock.move_to("2026-05-12 10:00")
    old = start_session(people["trainer"])
    long_ago = instant("2026-02-11 10:00")
    LiveSession.objects.filter(pk=old.pk).update(created_at=long_ago, active_at=long_ago)
    current = start_session(people["trainer"])
    out = io.StringIO()
    call_command("purge_expired_data", stdout=out)
    assert "1 live sessions ended." in out.getvalue()
    # As of when it stopped being used: 30 minutes after its start.
    assert ended(old) == (Phase.ENDED, EndReason.IDLE, instant("2026-02-11 10:30"))
    assert fresh(current).is_open
    response = Client().get(reverse("live:play", args=[old.code]))
    assert response.status_code == 404
    assert "Cette séance du 11 février 2026 est terminée" in text(response.content.decode())


def test_two_ends_of_one_session_record_its_attempts_once(room, people):
    """Two ends read the session before either wrote (two servers, the trainer's "Terminer"
    and the worker): the first claims the end by a conditional update, the second finds it
    claimed and records nothing."""
    session = room["session"]
    one, other = LiveSession.objects.get(pk=session.pk), LiveSession.objects.get(pk=session.pk)
    assert services.finish(one, one.created_at + timedelta(hours=1)) is True
    assert services.finish(other, other.created_at + timedelta(hours=2), EndReason.IDLE) is False
    assert (other.phase, other.end_reason) == (Phase.ENDED, EndReason.TRAINER)  # as read again
    assert Attempt.objects.count() == 1
    assert ended(session)[1:] == (EndReason.TRAINER, instant("2026-05-12 11:00"))


# A second session in the workshop; the workshop's results.


def test_a_second_session_of_the_workshop_ends_the_first_and_each_has_its_own_column(
    client, room, people, setting
):
    session, clock = room["session"], room["clock"]
    other_member = UserFactory(email="sam@test.fr", first_name="Sam", last_name="Petit")
    Membership.objects.create(workshop=setting["workshop"], user=other_member)
    clock.move_to("2026-05-12 10:20")
    client.force_login(people["trainer"])
    client.post(
        reverse("live:start"),
        {"quiz": setting["quiz"].pk, "workshop": setting["workshop"].pk, "question_count": "1"},
    )
    second = LiveSession.objects.exclude(pk=session.pk).get()
    assert ended(session) == (Phase.ENDED, EndReason.REPLACED, instant("2026-05-12 10:20"))
    assert fresh(second).is_open
    assert Attempt.objects.get().user == people["learner"]  # the first's, recorded
    html = text(client.get(reverse("live:results", args=[session.code])).content.decode())
    assert "une autre séance de l" in html and "atelier a commencé à 10:20." in html

    # Two sessions on one quiz: two columns, each named by its session, none "pas commencé".
    quiz = setting["quiz"].title
    columns = workshop_columns(client, setting["workshop"])
    first_title = (
        f"Séance en direct du 12 mai 2026 à 10:00 : {quiz} en salle, en direct · réussi à 60 %"
    )
    second_title = (
        f"Séance en direct du 12 mai 2026 à 10:20 : {quiz} en salle, en direct · réussi à 60 %"
    )
    assert set(columns) >= {first_title, second_title}
    assert columns[first_title] == ["sans réponse", "100 % réussi · 1 tentative"]  # Sam, Léa
    assert columns[second_title] == ["séance en cours", "séance en cours"]
    services.act(second.pk, "next")
    services.act(second.pk, "end")
    columns = workshop_columns(client, setting["workshop"])
    assert columns[second_title] == ["sans réponse", "sans réponse"]
    live_cells = [cell for title in columns if "Séance" in title for cell in columns[title]]
    assert "pas commencé" not in live_cells and len(columns) == 3  # with the online one


def test_a_session_ended_before_its_first_question_leaves_no_column(client, people, setting):
    session = start_session(people["trainer"], workshop=setting["workshop"], quiz=setting["quiz"])
    phone(session, "Léa Roux", user=people["learner"])
    assignment_id = session.assignment_id
    services.act(session.pk, "end")
    assert not Assignment.objects.filter(pk=assignment_id).exists()
    assert fresh(session).assignment is None and not Attempt.objects.exists()
    client.force_login(people["trainer"])
    assert not any(
        "Séance en direct" in title for title in workshop_columns(client, setting["workshop"])
    )


# What learners see.


def test_learners_see_a_live_assignment_as_the_session_it_was_never_as_work_to_do(
    client, room, people, setting
):
    session = room["session"]
    sam = UserFactory(email="sam@test.fr", first_name="Sam", last_name="Petit")
    Membership.objects.create(workshop=setting["workshop"], user=sam)
    assignment = fresh(session).assignment
    title = f"Séance en direct du 12 mai 2026 à 10:00 : {setting['quiz'].title}"

    # During the session: running, nothing to do online, no link to an error page.
    client.force_login(sam)
    item = next(item for item in my_list(client) if "Séance en direct" in item)
    assert item.startswith(f"{title} séance en cours") and "à faire" not in item
    assert "à rendre avant" not in item
    response = client.get(assignment.get_absolute_url(), follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and "Réponse non enregistrée" not in html
    assert "Cette séance se déroule en ce moment, en salle" in text(html)

    services.act(session.pk, "end")
    # Without answers: said plainly, still nothing to do.
    item = next(item for item in my_list(client) if "Séance en direct" in item)
    assert item.startswith(f"{title} sans réponse enregistrée")
    html = client.get(assignment.get_absolute_url(), follow=True).content.decode()
    assert "Aucune réponse de votre compte n'a été enregistrée pendant cette séance" in text(html)
    assert "Réponse non enregistrée" not in html
    # With answers: done, with the score, and its address opens the result.
    client.force_login(people["learner"])
    item = next(item for item in my_list(client) if "Séance en direct" in item)
    assert item.startswith(f"{title} fait") and "meilleur score 100 %" in item
    response = client.get(assignment.get_absolute_url(), follow=True)
    assert response.status_code == 200 and setting["quiz"].title in response.content.decode()
    assert "Réponse non enregistrée" not in response.content.decode()


# Codes.


@override_settings(LIVE_WRONG_CODES_PER_MINUTE=3)
def test_wrong_codes_are_throttled_per_address_and_then_no_code_is_told_apart(people, clock):
    clock.move_to("2026-05-12 10:00:05")
    session = start_session(people["trainer"])
    flood = {"REMOTE_ADDR": "198.51.100.7"}
    browser = Client()
    for code in ("ZZZZZZ", "ZZZZZY", "AB"):
        response = browser.post(reverse("live:join"), {"code": code, "nickname": "x"}, **flood)
        assert response.status_code == 400
        assert "Ce code ne correspond à aucune séance en cours." in response.content.decode()
    # The limit reached: the right code too is refused, without being looked up.
    response = browser.post(reverse("live:join"), {"code": session.code, "nickname": "x"}, **flood)
    assert response.status_code == 429
    assert "Trop de codes erronés depuis votre réseau : réessayez dans une minute." in text(
        response.content.decode()
    )
    live = browser.get(reverse("live:play", args=[session.code]), **flood)
    unknown = browser.get(reverse("live:play", args=["ZZZZZZ"]), **flood)
    assert live.status_code == unknown.status_code == 429
    assert "Trop de codes erronés" in live.content.decode()
    assert not Participant.objects.exists()
    # Another address is not held back.
    assert (
        Client()
        .post(
            reverse("live:join"),
            {"code": session.code, "nickname": "Léa"},
            REMOTE_ADDR="203.0.113.5",
        )
        .status_code
        == 302
    )
    # The next minute, the first address may try again.
    clock.move_to("2026-05-12 10:01:01")
    response = browser.post(
        reverse("live:join"), {"code": session.code, "nickname": "Omar"}, **flood
    )
    assert response.status_code == 302


@override_settings(LIVE_WRONG_CODES_PER_MINUTE=3)
def test_opening_unknown_codes_counts_as_wrong_codes(people, clock):
    clock.move_to("2026-05-12 10:00:05")
    session = start_session(people["trainer"])
    flood = {"REMOTE_ADDR": "198.51.100.8"}
    for code in ("ZZZZZZ", "ZZZZZY", "ZZZZZX"):
        assert Client().get(reverse("live:play", args=[code]), **flood).status_code == 404
    response = Client().get(reverse("live:play", args=[session.code]), **flood)
    # Said as for any code: the page does not hold this one (no form to join it).
    assert response.status_code == 429
    assert f'value="{session.code}"' not in response.content.decode()
    # The right code opened from elsewhere: the form to join.
    response = Client().get(reverse("live:play", args=[session.code]), REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 200 and 'name="nickname"' in response.content.decode()


# Results.


def csv_lines(client, session):
    response = client.get(reverse("live:export", args=[session.code]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="seance-{session.code}-2026-05-12.csv"'
    )
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_results_give_each_answer_its_choice_its_time_and_each_question_s_spread(
    client, people, clock
):
    clock.move_to("2026-05-12 10:00")
    session = start_session(people["trainer"], question_count=2)
    lea = phone(session, "Léa")[0]
    omar = phone(session, "Omar")[0]
    phone(session, '=HYPERLINK("http://x")')
    services.act(session.pk, "next")
    clock.move_to("2026-05-12 10:00:12")
    answer(lea, session, right(session))
    clock.move_to("2026-05-12 10:00:20")
    answer(omar, session, wrong_value(fresh(session)))
    services.act(session.pk, "reveal")
    services.act(session.pk, "next")
    clock.move_to("2026-05-12 10:01:03")
    answer(lea, session, wrong_value(fresh(session)))
    services.act(session.pk, "end")

    questions = session.questions
    given = {
        (a.participant.nickname, a.question): describe_answer(
            {**questions[a.question], "given": a.given}
        )
        for a in LiveAnswer.objects.select_related("participant")
    }
    client.force_login(people["trainer"])
    html = client.get(reverse("live:results", args=[session.code])).content.decode()
    body = text(html)
    assert f"{text(given['Léa', 0])} ✓ juste · 10:00:12" in body
    assert f"{text(given['Omar', 0])} ✗ faux · 10:00:20" in body
    assert f"{text(given['Léa', 1])} ✗ faux · 10:01:03" in body
    # Each question: its text, right answer, rate, and how the answers spread (with its table).
    assert "Question 1 : réponses données" in body and "Question 2 : réponses données" in body
    assert "50 % (1 sur 2)" in body and "0 % (0 sur 1)" in body
    assert html.count('class="chart__table"') == 2

    lines = csv_lines(client, session)
    assert lines[0] == ["Séance en direct", session.title]
    assert lines[1] == ["Date", "12/05/2026 10:00"]
    assert lines[4] == ["Question", "Énoncé", "Bonne réponse", "Réussite (%)", "Réponses"]
    assert [line[:2] for line in lines[5:7]] == [
        ["Q1", questions[0]["text"]],
        ["Q2", questions[1]["text"]],
    ]
    assert [line[3:] for line in lines[5:7]] == [["50", "2"], ["0", "1"]]
    table = lines[[line[:1] for line in lines].index(["Pseudonyme"]) :]
    assert table[0] == [
        "Pseudonyme",
        "Compte",
        "Q1 réponse",
        "Q1 juste ou faux",
        "Q1 heure",
        "Q2 réponse",
        "Q2 juste ou faux",
        "Q2 heure",
        "Bonnes réponses",
    ]
    assert table[1] == [
        "Léa",
        "non",
        given["Léa", 0],
        "juste",
        "10:00:12",
        given["Léa", 1],
        "faux",
        "10:01:03",
        "1",
    ]
    assert table[2] == ["Omar", "non", given["Omar", 0], "faux", "10:00:20", "", "", "", "0"]
    assert table[3] == ['\'=HYPERLINK("http://x")', "non", "", "", "", "", "", "", "0"]


# Who is who.


def test_a_signed_in_participant_is_the_same_in_any_browser_and_counts_once(people, setting):
    """Marc joins on his laptop, signed in. His phone first joined as a guest under the same
    name ("Léa Roux 2"); once he signs in there too, the phone is his participant: it answers
    as him, and the workshop counts him once."""
    session = start_session(people["trainer"], workshop=setting["workshop"], quiz=setting["quiz"])
    learner = people["learner"]
    mine = phone(session, "Léa Roux", user=learner)[1]
    phone_browser, guest = phone(session, "Léa Roux")
    assert guest.nickname == "Léa Roux 2" and guest.user is None
    phone_browser.force_login(learner)
    html = phone_browser.get(session.get_absolute_url()).content.decode()
    assert "vous êtes Léa Roux" in html and "Léa Roux 2" not in html
    services.act(session.pk, "next")
    assert answer(phone_browser, session, right(session)).status_code == 302
    assert list(LiveAnswer.objects.values_list("participant", flat=True)) == [mine.pk]
    # Joining again from a third browser: the same participant, no "Léa Roux 3".
    third = Client()
    third.force_login(learner)
    assert join(third, session, "Autre nom") == mine
    services.act(session.pk, "end")
    attempt = Attempt.objects.get()
    assert (attempt.user, attempt.correct_count) == (learner, 1)


# Nicknames.


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ('\u200b\u202e=HYPERLINK("x")\x07\x1b', '=HYPERLINK("x")'),
        ("Lé\u200ba\ufeff", "Léa"),
        ("\u2066Omar\u2069\tD.", "Omar D."),
        ("\u3164Zoé\u115f", "Zoé"),
        ("Ine\u0300s", "Inès"),  # composed, as typed on another keyboard
    ],
)
def test_nicknames_lose_what_shows_nothing_before_they_are_stored(people, typed, stored):
    session = start_session(people["trainer"])
    response = Client().post(reverse("live:join"), {"code": session.code, "nickname": typed})
    assert response.status_code == 302
    assert Participant.objects.get().nickname == stored


@pytest.mark.parametrize("typed", ["\u200b\u200b", "\x07\x1b", "\u202e\u2066\u3164"])
def test_a_nickname_of_nothing_visible_is_refused_in_french(people, typed):
    session = start_session(people["trainer"])
    response = Client().post(reverse("live:join"), {"code": session.code, "nickname": typed})
    assert response.status_code == 400
    assert "Ce pseudonyme ne contient aucun caractère visible : choisissez-en un autre." in text(
        response.content.decode()
    )
    assert not Participant.objects.exists()


def test_the_csv_guard_sees_a_nickname_s_real_first_character(client, people):
    session = start_session(people["trainer"])
    phone(session, "\u200b=1+1")
    phone(session, "\u202e@SUM(A1)")
    client.force_login(people["trainer"])
    response = client.get(reverse("live:export", args=[session.code]))
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    table = lines[[line[:1] for line in lines].index(["Pseudonyme"]) + 1 :]
    names = [line[0] for line in table]
    assert names == ["'=1+1", "'@SUM(A1)"]
