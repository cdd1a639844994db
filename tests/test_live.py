"""Live sessions over HTTP, as the pages work without JavaScript or WebSockets: a trainer starts
one and drives it; phones join with a code and a nickname, answer, see the correction; the
records (results, CSV, workshop attempts, retention)."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from live import services
from live.models import CODE_LENGTH, LiveAnswer, LiveSession, Participant, Phase
from quizzes.models import Attempt
from tests.live_helpers import fresh, phone, right_value, start_session, wrong_value
from typography.french import typeset
from workshops.models import CODE_ALPHABET, AssignedAttempt, Assignment, AssignmentProgress

pytestmark = pytest.mark.django_db


def act(client, session, action, **data):
    return client.post(reverse("live:action", args=[session.code]), {"action": action, **data})


def answer(browser, session, value, question=None):
    """A phone's plain form post (no JavaScript)."""
    values = value if isinstance(value, list) else [value]
    index = fresh(session).current if question is None else question
    return browser.post(
        reverse("live:play", args=[session.code]), {"question": index, "value": values}
    )


def page(browser, session):
    return browser.get(reverse("live:play", args=[session.code])).content.decode()


# Starting.


def test_a_trainer_starts_a_session_from_a_workshop_and_gets_a_projector(client, people, setting):
    client.force_login(people["trainer"])
    workshop = setting["workshop"]
    form = client.get(reverse("live:start") + f"?atelier={workshop.pk}").content.decode()
    assert f'<option value="{workshop.pk}" selected>' in form
    assert setting["other"].name not in form  # another trainer's workshop
    quiz = setting["quiz"]
    response = client.post(
        reverse("live:start"),
        {
            "quiz": quiz.pk,
            "workshop": workshop.pk,
            "question_count": "3",
            "timer": "30",
            "podium": "on",
        },
    )
    session = LiveSession.objects.get()
    assert response.url == session.get_projector_url()
    assert (session.workshop, session.timer_seconds, session.podium) == (workshop, 30, True)
    assert len(session.questions) == 3  # the first three drawn
    assert session.assignment.in_room and session.assignment.workshop == workshop
    assert len(session.code) == CODE_LENGTH and set(session.code) <= set(CODE_ALPHABET)
    assert not set(session.code) & set("01OIL")  # nothing to misread from the back of the room
    html = client.get(session.get_projector_url()).content.decode()
    assert session.code in html and "testserver/direct/" in html
    assert "<svg" in html  # the QR code of the join address
    assert "0 participant connecté" in html
    assert "<script>" not in html  # the public CSP has no inline script


def test_a_session_without_a_workshop_records_no_assignment(client, people, quiz):
    client.force_login(people["trainer"])
    client.post(reverse("live:start"), {"quiz": quiz.pk, "workshop": "", "timer": ""})
    session = LiveSession.objects.get()
    assert session.assignment is None and session.timer_seconds is None and not session.podium


def test_only_trainers_start_or_drive_sessions(client, people):
    session = start_session(people["trainer"])
    client.force_login(people["learner"])
    assert client.get(reverse("live:start")).status_code == 403
    assert act(client, session, "next").status_code == 403
    client.force_login(people["other_trainer"])  # a trainer, not this session's
    assert client.get(session.get_projector_url()).status_code == 404
    assert act(client, session, "next").status_code == 404
    assert client.get(reverse("live:export", args=[session.code])).status_code == 404
    assert fresh(session).phase == Phase.LOBBY


# Joining.


def test_joining_needs_only_the_code_and_a_nickname(people):
    session = start_session(people["trainer"])
    browser = Client()
    response = browser.post(
        reverse("live:join"),
        {"code": f" {session.code.lower()[:3]} {session.code[3:]} ", "nickname": "  Léa   R. "},
    )
    assert response.url == session.get_absolute_url()
    participant = Participant.objects.get(session=session)
    assert (participant.nickname, participant.user) == ("Léa R.", None)
    html = page(browser, session)
    assert "vous êtes Léa R." in html and "La première question va s’afficher ici" in html
    # Tapping "Rejoindre" again, or reloading, is the same participant.
    browser.post(reverse("live:join"), {"code": session.code, "nickname": "Autre"})
    assert Participant.objects.filter(session=session).count() == 1


@pytest.mark.parametrize(
    ("code", "nickname", "message"),
    [
        ("ZZZZZZ", "Léa", "Ce code ne correspond à aucune séance en cours."),
        ("ZZZ", "Léa", "Ce code ne correspond à aucune séance en cours."),
        (None, "   ", "Champ requis."),
        (None, "x" * 31, "30 caractères"),
    ],
)
def test_a_wrong_code_or_nickname_gets_a_french_message_and_joins_nobody(
    people, code, nickname, message
):
    session = start_session(people["trainer"])
    response = Client().post(
        reverse("live:join"), {"code": code or session.code, "nickname": nickname}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Participant.objects.exists()


def test_an_ended_session_or_an_unknown_address_says_so(people):
    session = start_session(people["trainer"])
    services.act(session.pk, "end")
    response = Client().post(reverse("live:join"), {"code": session.code, "nickname": "Léa"})
    assert "Cette séance est terminée." in response.content.decode()
    response = Client().get(reverse("live:play", args=[session.code]))
    assert response.status_code == 404 and "Cette séance est terminée." in response.content.decode()
    response = Client().get(reverse("live:play", args=["ZZZZZZ"]))
    assert "Ce code ne correspond à aucune séance en cours." in response.content.decode()


def test_the_scanned_address_asks_only_for_a_nickname(people):
    session = start_session(people["trainer"])
    browser = Client()
    html = browser.get(session.get_absolute_url()).content.decode()
    assert f'type="hidden" name="code" value="{session.code}"' in html
    assert 'for="id_code"' not in html  # no label for a field the phone does not show
    response = browser.post(session.get_absolute_url(), {"code": session.code, "nickname": "Omar"})
    assert response.url == session.get_absolute_url()
    assert "vous êtes Omar" in page(browser, session)


def test_a_nickname_taken_gets_a_number(people):
    session = start_session(people["trainer"])
    names = [phone(session, "Léa")[1].nickname for _ in range(3)]
    assert names == ["Léa", "Léa 2", "Léa 3"]
    long = phone(session, "x" * 30)[1].nickname, phone(session, "x" * 30)[1].nickname
    assert long == ("x" * 30, "x" * 28 + " 2")


@override_settings(LIVE_JOINS_PER_MINUTE=2)
def test_joins_are_limited_per_address(people):
    session = start_session(people["trainer"])
    for name in ("Un", "Deux"):
        phone(session, name)
    response = Client().post(reverse("live:join"), {"code": session.code, "nickname": "Trois"})
    assert response.status_code == 429
    assert "Trop de connexions depuis votre réseau" in response.content.decode()
    assert Participant.objects.filter(session=session).count() == 2


def test_a_signed_in_member_joins_under_their_name_and_finds_their_place_again(people, setting):
    session = start_session(people["trainer"], workshop=setting["workshop"])
    learner = people["learner"]
    laptop = Client()
    laptop.force_login(learner)
    form = laptop.get(reverse("live:join")).content.decode()
    assert 'value="Léa Roux"' in form  # their name, proposed
    first = phone(session, "Léa Roux", user=learner)[1]
    # The same account on another device, or after clearing the session: the same participant.
    again = phone(session, "Autre chose", user=learner)[1]
    assert again == first and Participant.objects.filter(session=session).count() == 1


# Answering, without JavaScript.


def test_a_phone_answers_sees_it_recorded_then_sees_the_correction(people):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    html = page(browser, session)
    question = fresh(session).question
    assert "Question 1 sur" in html and escape(question["text"]).replace("&#x27;", "’") in html
    assert all(
        escape(choice["text"]).replace("&#x27;", "’") in html for choice in question["choices"]
    )
    response = answer(browser, session, right_value(fresh(session)))
    assert response.status_code == 302
    html = page(browser, session)
    assert "Réponse enregistrée" in html and "La correction s’affichera ici." in html
    assert typeset(question["explanation"]) not in html
    services.act(session.pk, "reveal")
    html = page(browser, session)
    assert "Bonne réponse" in html and typeset(question["explanation"]) in html
    assert question["section"]["url"] in html  # back to the lesson section


def test_no_answer_key_reaches_a_phone_before_the_reveal(people):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa")[0]
    for question in session.questions:
        services.act(session.pk, "next")
        served = page(browser, session) + json.dumps(
            browser.get(reverse("live:play_state", args=[session.code])).json(),
            ensure_ascii=False,
        )
        # Raw in the state a script reads, typeset in the page.
        assert question["explanation"] not in served
        assert typeset(question["explanation"]) not in served
        assert '"correct"' not in served and "bonne réponse" not in served.lower()
        if question["kind"] == "numeric":
            assert question["answer_display"] not in served
        services.act(session.pk, "reveal")
        assert typeset(question["explanation"]) in page(browser, session)


def test_one_answer_per_question_and_none_after_the_reveal(people):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    answer(browser, session, wrong_value(fresh(session)))
    response = answer(browser, session, right_value(fresh(session)))
    assert response.status_code == 400
    assert "Votre réponse à cette question est déjà enregistrée." in response.content.decode()
    services.act(session.pk, "reveal")
    services.act(session.pk, "next")
    # An answer to the first question, sent late (a form left open): refused.
    response = answer(browser, session, right_value(fresh(session), 0), question=0)
    assert "Cette question ne prend plus de réponses." in response.content.decode()
    assert list(LiveAnswer.objects.values_list("question", "is_correct")) == [(0, False)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("pas-un-choix", "Cette réponse ne fait pas partie de la question."),
        ([], "Choisissez une réponse."),
    ],
)
def test_an_answer_that_does_not_fit_the_question_is_refused(people, value, message):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    response = answer(browser, session, value)
    assert response.status_code == 400 and message in response.content.decode()
    assert not LiveAnswer.objects.exists()


def test_a_numeric_answer_is_read_the_french_way(people):
    session = start_session(people["trainer"])
    index = next(i for i, q in enumerate(session.questions) if q["kind"] == "numeric")
    browser = phone(session, "Léa")[0]
    for _step in range(index + 1):
        services.act(session.pk, "next")
        if fresh(session).current < index:
            services.act(session.pk, "reveal")
    assert fresh(session).current == index
    response = answer(browser, session, "douze")
    assert "Indiquez un nombre, par exemple 42 ou 12,5." in response.content.decode()
    exact = session.questions[index]["answer"].replace(".", ",")
    answer(browser, session, exact)
    assert LiveAnswer.objects.get().is_correct


def test_the_state_is_read_by_phones_whose_network_blocks_websockets(people):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa")[0]
    url = reverse("live:play_state", args=[session.code])
    state = browser.get(url).json()
    assert state["type"] == "state" and "La première question" in state["html"]
    services.act(session.pk, "next")
    state = browser.get(url).json()
    assert state["version"] == fresh(session).version
    assert state["announce"].startswith("Question 1 sur")
    # A posted answer (JavaScript, no socket) gets the new state back.
    response = browser.post(
        reverse("live:play", args=[session.code]),
        {"question": 0, "value": right_value(fresh(session))},
        headers={"Accept": "application/json"},
    )
    assert "Réponse enregistrée" in response.json()["html"]
    assert Client().get(url).status_code == 403  # a browser that never joined


# The trainer's controls.


def test_the_trainer_drives_the_session_with_plain_forms(client, people):
    session = start_session(people["trainer"])
    client.force_login(people["trainer"])
    browsers = [phone(session, name)[0] for name in ("Léa", "Omar", "Zoé")]
    html = client.get(session.get_projector_url()).content.decode()
    assert "3 participants connectés" in html and "Omar" in html
    assert act(client, session, "next").url == session.get_projector_url()
    answer(browsers[0], session, right_value(fresh(session)))
    answer(browsers[1], session, wrong_value(fresh(session)))
    html = client.get(session.get_projector_url()).content.decode()
    assert "2 réponses sur 3" in html
    act(client, session, "reveal")  # before everyone answered
    html = client.get(session.get_projector_url()).content.decode()
    question = fresh(session).question
    assert question["explanation"] in html and "La bonne réponse" in html
    assert "2 réponses reçues" in html  # the spread's description
    response = answer(browsers[2], session, right_value(fresh(session)))
    assert "Cette question ne prend plus de réponses." in response.content.decode()
    # R when nothing waits for a correction: a French message, nothing changes.
    act(client, session, "reveal")
    html = client.get(session.get_projector_url()).content.decode()
    assert "Aucune question n’attend sa correction." in html
    act(client, session, "end")
    assert fresh(session).phase == Phase.ENDED
    assert "Séance terminée" in client.get(session.get_projector_url()).content.decode()


def test_the_projector_draws_an_answer_at_the_exact_edge_of_the_range_in_its_bar(client, people):
    """0.4 for 0.3 ± 0.1 is right, and drawn in the "within" bar, as grading says: the
    projector's spread reads the same Decimal rule (in floats, 0.4 - 0.3 > 0.1)."""
    session = start_session(people["trainer"])
    index = next(i for i, q in enumerate(session.questions) if q["kind"] == "numeric")
    session.questions[index].update(answer="0.3", tolerance="0.1", unit="")
    session.save(update_fields=["questions"])
    browsers = [phone(session, name)[0] for name in ("Léa", "Omar", "Zoé")]
    for _step in range(index + 1):
        services.act(session.pk, "next")
        if fresh(session).current < index:
            services.act(session.pk, "reveal")
    for browser, typed in zip(browsers, ("0,4", "0,2", "0,41"), strict=True):
        assert answer(browser, session, typed).status_code == 302
    assert [row.is_correct for row in LiveAnswer.objects.order_by("pk")] == [True, True, False]
    services.act(session.pk, "reveal")
    client.force_login(people["trainer"])
    html = client.get(session.get_projector_url()).content.decode()
    assert spread_bars(html) == [
        "En dessous de 0,2 0 participant",
        "De 0,2 à 0,4 ✓ bonne réponse 2 participants",
        "Au-dessus de 0,4 1 participant",
    ]


def spread_bars(html):
    """The projector's spread, a line of text per bar, as it reads on screen."""
    rows = re.findall(r'<li class="spread__row[^"]*">(.*?)</li>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]


def test_pause_holds_answers_and_the_timer(people):
    session = start_session(people["trainer"], timer_seconds=30)
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    services.act(session.pk, "pause")
    assert "En pause" in page(browser, session)
    response = answer(browser, session, right_value(fresh(session)))
    assert "La séance est en pause" in response.content.decode()
    # Ten seconds of pause: the phone gets them back on its timer.
    LiveSession.objects.filter(pk=session.pk).update(
        paused_at=timezone.now() - timedelta(seconds=10)
    )
    opened = fresh(session).question_opened_at
    services.act(session.pk, "resume")
    assert fresh(session).question_opened_at - opened >= timedelta(seconds=10)
    assert answer(browser, session, right_value(fresh(session))).status_code == 302
    assert LiveAnswer.objects.count() == 1


def test_an_answer_after_the_timer_is_refused(people):
    session = start_session(people["trainer"], timer_seconds=20)
    browser = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    assert 'data-deadline="' in page(browser, session)
    LiveSession.objects.filter(pk=session.pk).update(
        question_opened_at=timezone.now() - timedelta(seconds=21)
    )
    response = answer(browser, session, right_value(fresh(session)))
    assert "Le temps de cette question est écoulé." in response.content.decode()
    assert not LiveAnswer.objects.exists()


def test_a_removed_participant_is_out_of_the_counts_and_cannot_answer(client, people):
    session = start_session(people["trainer"])
    client.force_login(people["trainer"])
    browser, participant = phone(session, "Troll")
    other = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    answer(browser, session, wrong_value(fresh(session)))
    answer(other, session, right_value(fresh(session)))
    act(client, session, "remove", participant=participant.pk)
    assert "Le formateur vous a retiré de cette séance." in page(browser, session)
    services.act(session.pk, "reveal")
    html = client.get(session.get_projector_url()).content.decode()
    assert "1 réponse reçue" in html and "Troll" not in html
    assert "Troll" not in client.get(reverse("live:results", args=[session.code])).content.decode()


# Records.


def test_the_end_shows_each_question_s_success_and_what_to_revisit(client, people):
    session = start_session(people["trainer"], podium=True)
    client.force_login(people["trainer"])
    lea, omar = phone(session, "Léa")[0], phone(session, "Omar")[0]
    for index in range(2):
        services.act(session.pk, "next")
        answer(lea, session, right_value(fresh(session)))
        answer(omar, session, right_value(fresh(session)) if index else wrong_value(fresh(session)))
        services.act(session.pk, "reveal")
    services.act(session.pk, "end")
    html = client.get(session.get_projector_url()).content.decode()
    assert "Réussite par question" in html
    first = session.questions[0]
    assert "50\u00a0%" in html and "100\u00a0%" in html
    section = first["section"]
    assert section["heading"]  # the section's own heading, read from its lesson
    revisit = f"«\u00a0{section['heading']}\u00a0», leçon «\u00a0{section['title']}\u00a0»"
    assert escape(f"{revisit} (question 1\u00a0: 50\u00a0% de réussite)") in html
    assert "Podium" in html and "<li>Léa</li>" in html and "<li>Omar</li>" in html
    # Scores are never shown, nor the number of right answers next to a nickname.
    assert "2 bonnes réponses" not in html
    phone_html = page(lea, session)
    assert "2 bonnes réponses sur 2." in phone_html


def test_the_results_page_and_csv_list_each_participant_per_question(client, people):
    session = start_session(people["trainer"])
    client.force_login(people["trainer"])
    lea = phone(session, "Léa")[0]
    phone(session, '=HYPERLINK("http://x")')  # a nickname a spreadsheet would run
    services.act(session.pk, "next")
    answer(lea, session, right_value(fresh(session)))
    services.act(session.pk, "reveal")
    services.act(session.pk, "next")
    answer(lea, session, wrong_value(fresh(session)))
    html = client.get(reverse("live:results", args=[session.code])).content.decode()
    assert "Léa" in html and "Q1" in html and "Q2" in html
    response = client.get(reverse("live:export", args=[session.code]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    table = rows[[row[:1] for row in rows].index(["Pseudonyme"]) :]
    assert table[0][:3] == ["Pseudonyme", "Compte", "Q1 réponse"]
    assert table[0][-1] == "Bonnes réponses" and len(table[0]) == 2 + 3 * 2 + 1
    assert [table[1][0], table[1][3], table[1][6], table[1][-1]] == ["Léa", "juste", "faux", "1"]
    assert table[2] == ['\'=HYPERLINK("http://x")', "non", "", "", "", "", "", "", "0"]


def test_signed_in_members_answers_count_in_the_workshop_results(client, people, setting):
    workshop = setting["workshop"]
    session = start_session(people["trainer"], workshop=workshop)
    learner_phone = phone(session, "Léa Roux", user=people["learner"])[0]
    guest = phone(session, "Invité")[0]
    stranger = phone(session, "Omar", user=people["other_learner"])[0]  # not a member
    services.act(session.pk, "next")
    for browser in (learner_phone, guest, stranger):
        answer(browser, session, right_value(fresh(session)))
    services.act(session.pk, "reveal")
    services.act(session.pk, "next")  # the second question, left unanswered
    services.act(session.pk, "end")
    attempt = Attempt.objects.get()
    assert (attempt.user, attempt.correct_count, attempt.question_count) == (
        people["learner"],
        1,
        2,
    )
    assert attempt.score == 50 and attempt.assigned
    assignment = Assignment.objects.get(pk=fresh(session).assignment_id)
    assert AssignedAttempt.objects.get().assignment == assignment
    assert assignment.due_at <= timezone.now()
    client.force_login(people["trainer"])
    results = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    assert "Roux" in results and "50\u00a0%" in results
    detail = reverse("workshops:learner_attempt", args=[workshop.pk, attempt.pk])
    assert "(sans réponse)" in client.get(detail).content.decode()
    # The learner cannot take the in-room assignment online: its address leads to their result.
    client.force_login(people["learner"])
    take = client.get(reverse("workshops:take", args=[assignment.pk]))
    assert take.status_code == 302
    assert take.url == reverse("workshops:result", args=[assignment.pk, attempt.token])
    assert "Ce quiz se fait en séance, en direct" in client.get(take.url).content.decode()


def test_the_end_records_members_attempts_through_the_workshop_with_their_progress(
    client, people, setting
):
    """The workshops record a live session's attempts as they record an online one: the attempt,
    its link to the in-room assignment and the learner's progress row, counted."""
    workshop = setting["workshop"]
    session = start_session(people["trainer"], workshop=workshop, question_count=2)
    learner_phone = phone(session, "Léa Roux", user=people["learner"])[0]
    for _question in range(2):
        services.act(session.pk, "next")
        answer(learner_phone, session, right_value(fresh(session)))
        services.act(session.pk, "reveal")
    services.act(session.pk, "end")
    attempt = Attempt.objects.get()
    assert attempt.score == 100 and attempt.assigned
    assignment = fresh(session).assignment
    assert AssignedAttempt.objects.get().attempt == attempt
    progress = AssignmentProgress.objects.get(assignment=assignment, user=people["learner"])
    assert (progress.attempt_count, progress.best_score, progress.last_score) == (1, 100, 100)
    assert progress.best_attempt_id == progress.last_attempt_id == attempt.pk
    # The learner's own page reads it: the in-room quiz is done, with its score.
    client.force_login(people["learner"])
    html = client.get(reverse("workshops:my_workshop", args=[workshop.pk])).content.decode()
    start = html.index(assignment.get_absolute_url())
    item = html[start : html.index("</li>", start)]
    assert "fait</span>" in item and "meilleur score 100" in item.replace("\u00a0", " ")


def test_guests_of_live_sessions_are_purged_with_anonymous_attempts(people):
    session = start_session(people["trainer"])
    phone(session, "Invité")
    phone(session, "Léa", user=people["learner"])
    services.act(session.pk, "next")
    Participant.objects.update(joined_at=timezone.now() - timedelta(days=31))
    call_command("purge_expired_data", verbosity=0)
    assert list(Participant.objects.values_list("nickname", flat=True)) == ["Léa"]


def test_a_user_s_data_download_holds_their_live_answers(client, people):
    session = start_session(people["trainer"])
    browser = phone(session, "Léa", user=people["learner"])[0]
    services.act(session.pk, "next")
    answer(browser, session, right_value(fresh(session)))
    client.force_login(people["learner"])
    data = json.loads(client.get(reverse("accounts:my_data_download")).content)
    live = data["seances_en_direct"][0]
    assert live["pseudonyme"] == "Léa" and live["reponses"][0]["question"] == 1
