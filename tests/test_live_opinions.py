"""Questions without a right answer in a live session: phones answer a poll, a scale, a word
cloud and an open question; the projector draws their results; the trainer moderates what it
shows and adds such a question on the fly; no score counts them. Through the sockets (Channels'
communicator) and through plain forms (no JavaScript)."""

import csv
import html
import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from live import services
from live.models import LiveAnswer, Moderation
from quizzes.models import Attempt
from tests.clock import instant
from tests.factories import QuizFactory, TrainerFactory, opinion_questions, single
from tests.live_helpers import fresh, phone, phone_path, projector_path, socket, start_session
from tests.test_live_sockets import call, has, refused, run, until

POLL, SCALE, WORDS, OPEN = range(4)


def plain(text):
    return html.unescape(text).replace("\u00a0", " ").replace("\u202f", " ")


def opinions_quiz(*scored):
    """A quiz of the four kinds without a right answer (poll, scale, word cloud, open question,
    in this order), then `scored` questions."""
    return QuizFactory(questions=[*opinion_questions(), *scored])


def a_single_choice():
    return single(
        "Que faire d'un avis négatif\u00a0?",
        [("Y répondre vite et poliment", True, ""), ("Le supprimer", False, "")],
    )


def trainer_client(trainer):
    browser = Client()
    browser.force_login(trainer)
    return browser


def post_answer(browser, session, value):
    """A phone's plain form post (no JavaScript): the button's or the field's value."""
    values = value if isinstance(value, list) else [value]
    return browser.post(
        reverse("live:play", args=[session.code]),
        {"question": fresh(session).current, "value": values},
    )


def projector_html(browser, session):
    state = browser.get(reverse("live:projector_state", args=[session.code])).json()
    return plain(state["html"])


def moderate(browser, session, target, shown, question=None, json=False):
    data = {
        "question": fresh(session).current if question is None else question,
        "target": target,
        "shown": "1" if shown else "0",
    }
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return browser.post(reverse("live:moderation", args=[session.code]), data, **headers)


def add_question(browser, session, **data):
    return browser.post(
        reverse("live:add_question", args=[session.code]),
        data,
        HTTP_ACCEPT="application/json",
    )


# Through the sockets.


@pytest.fixture
def trainer(committed_db):
    return TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="")


def test_each_kind_is_answered_from_a_phone_and_drawn_on_the_projector(trainer):
    session = start_session(trainer, quiz=opinions_quiz())
    lea_browser, omar_browser = phone(session, "Léa")[0], phone(session, "Omar")[0]
    trainer_browser = trainer_client(trainer)
    choices = [choice["id"] for choice in session.questions[POLL]["choices"]]

    async def scenario():
        projector = (await socket(projector_path(session), trainer_browser))[0]
        lea = (await socket(phone_path(session), lea_browser))[0]
        omar = (await socket(phone_path(session), omar_browser))[0]
        for screen in (projector, lea, omar):
            await screen.receive_json_from()

        shown_on_projector = {}

        async def ask(index, text):
            await projector.send_json_to({"action": "next"})
            for screen in (projector, lea, omar):
                state = await until(screen, has(html.escape(text)[:30]))
                if screen is projector:
                    shown_on_projector[index] = state
            return state

        async def answer(screen, index, value):
            await screen.send_json_to({"action": "answer", "question": index, "value": value})

        async def reveal(announce):
            await projector.send_json_to({"action": "reveal"})
            state = await until(projector, lambda m: m.get("announce") == announce)
            return plain(state["html"])

        # A poll: a button per choice, no right answer anywhere.
        state = await ask(POLL, session.questions[POLL]["text"])
        assert all(f'value="{choice}"' in state["html"] for choice in choices)
        assert "Sondage" in shown_on_projector[POLL]["html"]
        await answer(lea, POLL, choices[0])
        await answer(omar, POLL, choices[2])
        assert "Oui, sur plusieurs" in (await until(lea, has("Réponse enregistrée")))["html"]
        await until(projector, has("2 réponses sur 2"))
        shown = await reveal("Résultats de la question 1.")
        counts = re.findall(r'class="spread__count">(\d+)', shown)
        assert counts == ["1", "0", "1"] and "La bonne réponse" not in shown
        state = await until(lea, has("Merci pour votre réponse"))
        assert "Réponse incorrecte" not in state["html"]

        # A scale: a button per number; a number out of it is refused.
        state = await ask(SCALE, session.questions[SCALE]["text"])
        assert [f'value="{n}"' in state["html"] for n in range(1, 6)] == [True] * 5
        await answer(omar, SCALE, 9)
        await until(omar, refused("Choisissez un nombre de 1 à 5."))
        await answer(lea, SCALE, 4)
        await answer(omar, SCALE, "3")
        await until(projector, has("2 réponses sur 2"))
        shown = await reveal("Résultats de la question 2.")
        assert "Moyenne : 3,5" in shown and 'class="scale__svg"' in shown
        assert re.findall(r'class="scale__count"[^>]*>(\d+)<', shown) == ["0", "0", "1", "1", "0"]

        # A word cloud: the same word, whatever its case and accents, counted once for two.
        await ask(WORDS, session.questions[WORDS]["text"])
        await answer(lea, WORDS, "Réactivité")
        await until(lea, has("Réponse enregistrée"))  # first: its spelling is the one shown
        await answer(omar, WORDS, "x" * 41)
        await until(omar, refused("Répondez en 40 caractères au plus."))
        await answer(omar, WORDS, " réactivite ")
        await until(projector, has("2 réponses sur 2"))
        shown = await reveal("Résultats de la question 3.")
        assert 'class="cloud__svg"' in shown
        assert re.search(r'<th scope="row">Réactivité</th><td>2</td>', shown)

        # An open question: nothing projected until the trainer approves it.
        await ask(OPEN, session.questions[OPEN]["text"])
        await answer(lea, OPEN, "Comment répondre aux avis ?")
        await answer(omar, OPEN, "Faut-il être sur TikTok ?")
        await until(projector, has("2 réponses sur 2"))
        shown = await reveal("Résultats de la question 4.")
        assert "aucune projetée" in shown and "TikTok" not in shown and "Comment" not in shown
        lea_answer = await call(
            lambda: LiveAnswer.objects.get(participant__nickname="Léa", question=OPEN).pk
        )
        response = await call(
            moderate, trainer_browser, session, services.answer_target(lea_answer), True
        )
        assert response.status_code == 302
        state = await until(projector, has("1 projetée"))
        assert "Comment répondre aux avis" in state["html"] and "TikTok" not in state["html"]
        for screen in (projector, lea, omar):
            await screen.disconnect()

    run(scenario)
    rows = LiveAnswer.objects.filter(participant__nickname="Léa").order_by("question")
    assert [(row.kind, row.given, row.is_correct) for row in rows] == [
        ("poll", [choices[0]], None),
        ("scale", 4, None),
        ("word_cloud", "Réactivité", None),
        ("open", "Comment répondre aux avis ?", None),
    ]
    assert LiveAnswer.objects.count() == 8  # the refused answers saved nothing


def test_a_question_added_on_the_fly_comes_next_on_every_screen(trainer):
    session = start_session(trainer, quiz=QuizFactory(questions=[a_single_choice()]))
    lea_browser = phone(session, "Léa")[0]
    trainer_browser = trainer_client(trainer)

    async def scenario():
        projector = (await socket(projector_path(session), trainer_browser))[0]
        lea = (await socket(phone_path(session), lea_browser))[0]
        await projector.receive_json_from()
        await lea.receive_json_from()
        await projector.send_json_to({"action": "next"})
        await until(lea, has("Question 1 sur 1"))
        response = await call(
            lambda: add_question(
                trainer_browser,
                session,
                kind="poll_multiple",
                text="Sur quels réseaux êtes-vous ?",
                choices="Facebook\nInstagram\n\nLinkedIn\nFacebook",
            )
        )
        assert response.status_code == 200 and response.json()["type"] == "state"
        # Every screen learns there is one more question, after the one on screen.
        await until(lea, has("Question 1 sur 2"))
        await until(projector, has("Question 1 sur 2"))
        await projector.send_json_to({"action": "next"})  # the correction of question 1
        await projector.send_json_to({"action": "next"})  # the new question
        state = await until(lea, has("Sur quels réseaux êtes-vous"))
        assert state["html"].count('type="checkbox"') == 3  # the blank and the repeated line go
        question = (await call(fresh, session)).questions[1]
        ids = [choice["id"] for choice in question["choices"]]
        await lea.send_json_to({"action": "answer", "question": 1, "value": ids[1:]})
        state = await until(lea, has("Réponse enregistrée"))
        assert "Instagram, LinkedIn" in state["html"]
        await projector.disconnect()
        await lea.disconnect()

    run(scenario)
    session = fresh(session)
    assert [q["kind"] for q in session.questions] == ["single", "poll"]
    assert session.questions[1]["multiple"] is True and session.questions[1]["added"] is True


# Through plain forms.


@pytest.mark.django_db
def test_phones_without_javascript_answer_each_kind_with_plain_forms(people):
    session = start_session(people["trainer"], quiz=opinions_quiz())
    lea = phone(session, "Léa")[0]
    values = [session.questions[POLL]["choices"][1]["id"], "5", "Écoute", "Une réponse libre."]
    for value in values:
        services.act(session.pk, "next")
        response = post_answer(lea, session, value)
        assert response.status_code == 302, plain(response.content.decode())[:300]
        page = plain(lea.get(session.get_absolute_url()).content.decode())
        assert "Réponse enregistrée" in page
        services.act(session.pk, "reveal")
        assert "Merci pour votre réponse" in plain(
            lea.get(session.get_absolute_url()).content.decode()
        )
    assert list(LiveAnswer.objects.order_by("question").values_list("given", flat=True)) == [
        [values[0]],
        5,
        "Écoute",
        "Une réponse libre.",
    ]


@pytest.mark.django_db
def test_the_phone_s_form_fits_each_kind(people):
    session = start_session(people["trainer"], quiz=opinions_quiz())
    lea = phone(session, "Léa")[0]
    services.act(session.pk, "next")  # the poll: one button per choice
    page = plain(lea.get(session.get_absolute_url()).content.decode())
    assert page.count('class="live-choice" type="submit" name="value"') == 3
    services.act(session.pk, "next")
    services.act(session.pk, "next")  # the scale
    page = plain(lea.get(session.get_absolute_url()).content.decode())
    assert "de 1 (Pas du tout à l’aise) à 5 (Tout à fait à l’aise)" in page
    assert page.count('live-scale__value"') == 5
    services.act(session.pk, "next")
    services.act(session.pk, "next")  # the word cloud
    page = plain(lea.get(session.get_absolute_url()).content.decode())
    assert 'type="text" name="value" maxlength="40"' in page
    services.act(session.pk, "next")
    services.act(session.pk, "next")  # the open question
    page = plain(lea.get(session.get_absolute_url()).content.decode())
    assert '<textarea class="live-text__input" id="live-value" name="value"' in page
    assert 'maxlength="280"' in page


@pytest.mark.django_db
def test_the_trainer_hides_a_word_and_shows_it_again(people):
    session = start_session(people["trainer"], quiz=opinions_quiz())
    trainer = trainer_client(people["trainer"])
    for _step in range(5):  # to the word cloud
        services.act(session.pk, "next")
    for nickname, word in (("Léa", "Réactivité"), ("Omar", "nul"), ("Zoé", "Nuls")):
        post_answer(phone(session, nickname)[0], session, word)
    services.act(session.pk, "reveal")
    shown = projector_html(trainer, session)
    assert '<th scope="row">nul</th><td>2</td>' in shown and "mot masqué" not in shown
    # The moderation page lists each word with its count.
    page = plain(trainer.get(reverse("live:moderation", args=[session.code])).content.decode())
    assert "Réactivité" in page and 'nul <span class="meta">(2)</span>' in page
    assert page.count(">Masquer<") == 2
    assert moderate(trainer, session, "nul", shown=False).status_code == 302
    shown = projector_html(trainer, session)
    assert ">nul<" not in shown and "1 mot masqué" in shown and "Réactivité" in shown
    page = plain(trainer.get(reverse("live:moderation", args=[session.code])).content.decode())
    assert ">Réafficher<" in page and "masqué" in page
    # The answers themselves stay as they were given.
    assert LiveAnswer.objects.filter(given__in=["nul", "Nuls"]).count() == 2
    response = moderate(trainer, session, "nul", shown=True, json=True)
    assert response.json()["type"] == "state" and ">Masquer<" in response.json()["html"]
    assert '<th scope="row">nul</th><td>2</td>' in projector_html(trainer, session)
    assert Moderation.objects.get().shown is True


@pytest.mark.django_db
def test_an_open_answer_is_projected_only_once_the_trainer_approves_it(people):
    session = start_session(people["trainer"], quiz=opinions_quiz())
    trainer = trainer_client(people["trainer"])
    for _step in range(7):  # to the open question
        services.act(session.pk, "next")
    post_answer(phone(session, "Léa")[0], session, "Comment gérer un avis injuste ?")
    post_answer(phone(session, "Troll")[0], session, "Un mot grossier")
    page = plain(trainer.get(reverse("live:moderation", args=[session.code])).content.decode())
    assert "Un mot grossier" in page and "— Troll" in page and page.count(">Projeter<") == 2
    services.act(session.pk, "reveal")
    shown = projector_html(trainer, session)
    assert "2 réponses reçues · aucune projetée" in shown and "grossier" not in shown
    lea_answer = LiveAnswer.objects.get(participant__nickname="Léa")
    moderate(trainer, session, services.answer_target(lea_answer.pk), shown=True)
    shown = projector_html(trainer, session)
    assert "Comment gérer un avis injuste ?" in shown and "grossier" not in shown
    moderate(trainer, session, services.answer_target(lea_answer.pk), shown=False)
    assert "Comment gérer" not in projector_html(trainer, session)


@pytest.mark.django_db
def test_moderation_that_does_not_fit_is_refused_and_changes_nothing(people):
    session = start_session(people["trainer"], quiz=opinions_quiz())
    other = start_session(people["trainer"], quiz=opinions_quiz())
    trainer = trainer_client(people["trainer"])
    for _step in range(7):
        services.act(other.pk, "next")
    foreign = LiveAnswer.objects.create(
        session=other,
        participant=phone(other, "Omar")[1],
        question=3,
        kind="open",
        given="Ailleurs",
        is_correct=None,
    )
    services.act(session.pk, "next")  # the poll: nothing to moderate
    response = moderate(trainer, session, "x", shown=False, json=True)
    assert response.status_code == 400
    assert response.json()["message"] == "Cette question n'a rien à modérer."
    for _step in range(6):
        services.act(session.pk, "next")  # the open question
    cases = [
        ({"target": services.answer_target(foreign.pk)}, "Cette réponse n'est pas dans la séance."),
        ({"question": 5}, "Cette question n'a rien à modérer."),  # not asked yet
        ({"question": "x"}, "Ce formulaire est incomplet : rechargez la page."),
    ]
    for data, message in cases:
        payload = {"question": 3, "target": "x", "shown": "1", **data}
        response = trainer.post(
            reverse("live:moderation", args=[session.code]),
            payload,
            HTTP_ACCEPT="application/json",
        )
        assert (response.status_code, response.json()["message"]) == (400, message)
    assert not Moderation.objects.exists()
    # A participant's browser cannot reach the page at all.
    lea = phone(session, "Léa")[0]
    assert lea.get(reverse("live:moderation", args=[session.code])).status_code == 302


@pytest.mark.django_db
def test_a_question_added_in_the_lobby_is_the_first_and_bad_ones_are_refused(people):
    session = start_session(people["trainer"], quiz=QuizFactory(questions=[a_single_choice()]))
    trainer = trainer_client(people["trainer"])
    response = add_question(trainer, session, kind="scale_10", text="  Votre humeur\u200b ? ")
    assert response.status_code == 200
    first = fresh(session).questions[0]
    assert (first["kind"], first["text"], first["low"], first["high"]) == (
        "scale",
        "Votre humeur ?",
        0,
        10,
    )
    assert first["low_label"] == "Pas du tout d'accord"
    version = fresh(session).version
    refusals = [
        ({"kind": "poll", "text": "Lequel ?", "choices": "Un seul"}, "de 2 à 10 réponses"),
        ({"kind": "open", "text": " \u200b "}, "Écrivez la question."),
        ({"kind": "numeric", "text": "Combien ?"}, "Type"),
    ]
    for data, message in refusals:
        response = add_question(trainer, session, **data)
        assert response.status_code == 400 and message in response.json()["message"]
    # Without JavaScript: the projector's page again, the form with its error and what was typed.
    response = trainer.post(
        reverse("live:add_question", args=[session.code]),
        {"kind": "poll", "text": "Lequel de ces réseaux ?", "choices": "Un seul"},
    )
    page = plain(response.content.decode())
    assert response.status_code == 400 and "Lequel de ces réseaux ?" in page
    assert "Un sondage propose de 2 à 10 réponses" in page
    services.act(session.pk, "end")
    response = add_question(trainer, session, kind="open", text="Encore une ?")
    assert response.json()["message"] == "Cette séance est terminée."
    assert len(fresh(session).questions) == 2 and fresh(session).version == version + 1


@pytest.mark.django_db
def test_scores_ignore_them_in_a_live_session_and_its_workshop(client, people, setting):
    quiz = QuizFactory(questions=[a_single_choice(), *opinion_questions()[:2]])
    session = start_session(people["trainer"], workshop=setting["workshop"], quiz=quiz)
    lea = phone(session, "Léa Roux", user=people["learner"])[0]
    right = next(c["id"] for c in session.questions[0]["choices"] if c["correct"])
    for value in (right, session.questions[1]["choices"][0]["id"], "2"):
        services.act(session.pk, "next")
        post_answer(lea, session, value)
        services.act(session.pk, "reveal")
    services.act(session.pk, "end")
    # The workshop's attempt: one question scored, right; the opinions kept, counted in nothing.
    attempt = Attempt.objects.get()
    assert (attempt.correct_count, attempt.question_count, attempt.score) == (1, 1, 100)
    assert [q["given"] for q in attempt.questions[1:]] == [
        [session.questions[1]["choices"][0]["id"]],
        2,
    ]
    assert "1 bonne réponse sur 1." in plain(lea.get(session.get_absolute_url()).content.decode())
    client.force_login(people["trainer"])
    end = plain(client.get(session.get_projector_url()).content.decode())
    summary = end[end.index("Réussite par question") : end.index("</table>")]
    assert summary.count("<tr>") == 2 and "100 %" in summary  # its head and one question
    # The results and the CSV: each answer as given; the opinions only "répondu", with no rate.
    chosen = session.questions[1]["choices"][0]["text"]
    results = plain(client.get(reverse("live:results", args=[session.code])).content.decode())
    assert results.count("répondu ·") == 2
    assert chosen in results and "2 sur une échelle de 1 à 5" in results
    export = client.get(reverse("live:export", args=[session.code]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    questions = {row[0]: row[2:] for row in rows if len(row) == 5 and row[0][1:].isdigit()}
    assert questions == {
        "Q1": ["Y répondre vite et poliment", "100", "1"],
        "Q2": ["", "", "1"],
        "Q3": ["", "", "1"],
    }
    table = rows[[row[:1] for row in rows].index(["Pseudonyme"]) :]
    lea_row = table[1]
    assert lea_row[:2] + lea_row[2::3] == [
        "Léa Roux",
        "oui",
        "Y répondre vite et poliment",
        chosen,
        "2 sur une échelle de 1 à 5",
        "1",
    ]
    assert lea_row[3::3] == ["juste", "répondu", "répondu"]


@pytest.mark.django_db
def test_a_session_of_opinions_only_ends_without_a_score(client, people):
    session = start_session(people["trainer"], quiz=opinions_quiz())
    lea = phone(session, "Léa")[0]
    services.act(session.pk, "next")
    post_answer(lea, session, session.questions[0]["choices"][0]["id"])
    services.act(session.pk, "end")
    page = plain(lea.get(session.get_absolute_url()).content.decode())
    assert "La séance est terminée. Merci !" in page and "bonne réponse" not in page
    client.force_login(people["trainer"])
    assert "Réussite par question" not in plain(
        client.get(session.get_projector_url()).content.decode()
    )


@pytest.mark.django_db
def test_results_and_csv_give_each_opinion_as_it_was_given(client, people, clock):
    """The trainer's results and CSV give each answer to a question without a right answer as
    given (the poll's choice, the scale's number, the word, the sentence), "répondu" and its
    time; each such question is drawn as on the projector, with no rate."""
    clock.move_to("2026-05-12 10:00")
    session = start_session(people["trainer"], quiz=opinions_quiz())
    lea, omar = phone(session, "Léa")[0], phone(session, "Omar")[0]
    chosen = session.questions[POLL]["choices"][1]
    given = {
        "Léa": [chosen["id"], "4", "Écoute", "=1+1, est-ce un avis ?"],
        "Omar": [chosen["id"], "2", "écoutes", None],
    }
    for index in range(4):
        services.act(session.pk, "next")
        clock.move_to(f"2026-05-12 10:0{index + 1}:10")
        post_answer(lea, session, given["Léa"][index])
        if given["Omar"][index] is not None:
            clock.move_to(f"2026-05-12 10:0{index + 1}:20")
            post_answer(omar, session, given["Omar"][index])
        services.act(session.pk, "reveal")
    services.act(session.pk, "end")

    client.force_login(people["trainer"])
    html = client.get(reverse("live:results", args=[session.code])).content.decode()
    body = plain(re.sub(r"<[^>]+>", " ", html))
    body = " ".join(body.split())
    for expected in (
        f"{chosen['text']} répondu · 10:01:10",
        "4 sur une échelle de 1 à 5 répondu · 10:02:10",
        "Écoute répondu · 10:03:10",
        "=1+1, est-ce un avis ? répondu · 10:04:10",
        "2 sur une échelle de 1 à 5 répondu · 10:02:20",
    ):
        assert expected in body
    assert body.count(", sans bonne réponse") == 4  # "Sondage, sans bonne réponse"…
    assert "Moyenne : 3,0" in body  # the scale's drawing, with its mean
    assert html.count('class="cloud__svg"') == 1 and html.count("cloud__table") == 1
    assert "Réussite" not in body.split("Question 1", 1)[1]  # no rate for any of them

    export = client.get(reverse("live:export", args=[session.code]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    questions = {row[0]: row[2:] for row in rows if len(row) == 5 and row[0][1:].isdigit()}
    assert list(questions.values()) == [["", "", "2"], ["", "", "2"], ["", "", "2"], ["", "", "1"]]
    table = rows[[row[:1] for row in rows].index(["Pseudonyme"]) :]
    assert table[1] == [
        "Léa",
        "non",
        chosen["text"],
        "répondu",
        "10:01:10",
        "4 sur une échelle de 1 à 5",
        "répondu",
        "10:02:10",
        "Écoute",
        "répondu",
        "10:03:10",
        "'=1+1, est-ce un avis ?",  # the CSV's formula guard holds for answers too
        "répondu",
        "10:04:10",
        "0",
    ]
    assert table[2][-4:] == ["", "", "", "0"]


@pytest.mark.django_db
def test_adding_and_moderating_are_activity_and_an_idle_session_refuses_them(people, clock):
    """The trainer adding a question or moderating keeps the session open like any control;
    past its idle time, adding a question ends the session (as of when its time ran out) and
    is refused in French."""
    clock.move_to("2026-05-12 10:00")
    session = start_session(people["trainer"], quiz=opinions_quiz())
    trainer = trainer_client(people["trainer"])
    for _step in range(5):  # to the word cloud
        services.act(session.pk, "next")
    post_answer(phone(session, "Léa")[0], session, "Écoute")
    clock.move_to("2026-05-12 10:25")
    assert moderate(trainer, session, "ecoute", shown=False).status_code == 302
    clock.move_to("2026-05-12 10:50")
    response = add_question(trainer, session, kind="open", text="Une question de plus ?")
    assert response.status_code == 200
    clock.move_to("2026-05-12 11:19")
    assert services.end_sessions_over() == 0 and fresh(session).is_open
    clock.move_to("2026-05-12 11:25")
    response = add_question(trainer, session, kind="open", text="Trop tard ?")
    assert response.status_code == 400
    assert "s'est arrêtée d'elle-même après 30 minutes" in response.json()["message"]
    session = fresh(session)
    assert (session.phase, session.end_reason) == ("ended", "idle")
    assert session.ended_at == instant("2026-05-12 11:20")
    assert [q["text"] for q in session.questions].count("Trop tard ?") == 0
