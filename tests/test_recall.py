"""Revoir mes erreurs: the questions a learner missed come back, drawn fresh, on a spaced
schedule (the next day, then 1, 3, 7 and 21 days after each right answer, from the start after a
wrong one); each review answer is its own record; a visitor's reviews join the account as their
attempts do; e-mail reminders only for those who asked, each with its unsubscribe link."""

import html
import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from jobs import periodic
from privacy import registry
from quizzes.models import Attempt
from recall.models import ReviewAnswer, ReviewReminder
from tests.account_helpers import sign_up_and_activate
from tests.clock import at, instant
from tests.factories import QuizFactory, single, true_false
from tests.mail_server import parts
from tests.quiz_helpers import answers, right_answer, start, submit, wrong_answer
from tests.workshop_helpers import take as take_assignment

pytestmark = pytest.mark.django_db

SPACE = reverse("accounts:space")
REVIEW = reverse("recall:review")


def text(response):
    """The page as a reader reads it: entities decoded, typographic spaces and apostrophes as
    plain ones."""
    content = html.unescape(response.content.decode())
    return re.sub("[\u00a0\u202f]", " ", content).replace("\u2019", "'")


@pytest.fixture
def quiz():
    """Three questions: a single choice (three choices), a true/false and another true/false."""
    return QuizFactory(
        questions=[
            single(
                "Que faire d'un avis négatif publié sur votre page ?",
                [
                    ("Y répondre vite et poliment", True, ""),
                    ("Le supprimer sans rien dire", False, ""),
                    ("Attendre qu'il soit oublié", False, ""),
                ],
            ),
            true_false("Un commerce doit publier au moins dix fois par jour.", False),
            true_false("Répondre aux avis montre que l'on écoute ses clients.", True),
        ],
        shuffle_choices=False,
    )


@pytest.fixture
def learner(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="lea@test.fr", password="Mot-de-passe-42", first_name="Léa"
    )
    client.force_login(user)
    return user


def take(client, quiz, wrong=()):
    """Take the quiz, answering wrong the questions whose text starts with one of `wrong`."""
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    for question in form.question_list:
        if question.value["text"].startswith(tuple(wrong)):
            data[question.field.html_name] = wrong_answer(question)
    response = submit(client, quiz.slug, data)
    assert response.status_code == 302
    return response


def review(client, wrong=()):
    """Open "Revoir mes erreurs" and answer every question drawn, wrong those whose text starts
    with one of `wrong`: (the review page's form, the result page's response)."""
    page = client.get(REVIEW)
    form, token = page.context["form"], page.context["token"]
    data = {"round": token}
    for question in form.question_list:
        pick = wrong_answer if question.value["text"].startswith(tuple(wrong)) else right_answer
        data[question.field.html_name] = pick(question)
    return form, client.post(reverse("recall:submit"), data, follow=True)


def due_texts(client):
    page = client.get(REVIEW)
    form = page.context["form"]
    return sorted(q.value["text"] for q in form.question_list) if form else []


AVIS, DIX, ECOUTE = "Que faire", "Un commerce", "Répondre aux avis"


def test_a_missed_question_comes_back_the_next_day_and_then_on_the_spaced_schedule(
    client, learner, quiz
):
    with at("2026-03-10 23:30"):
        take(client, quiz, wrong=[AVIS, DIX])
        (attempt,) = Attempt.objects.all()
        assert (attempt.score, attempt.correct_count) == (33, 1)
        assert due_texts(client) == []
        page = text(client.get(REVIEW))
        assert (
            "Rien à revoir aujourd'hui. 2 questions reviendront, la prochaine le mercredi 11 mars"
            in page
        )
    with at("2026-03-10 23:59:59"):
        assert due_texts(client) == []
    with at("2026-03-11 00:00"):  # the next day, from midnight in Paris
        assert len(due_texts(client)) == 2
        assert "2 questions à revoir aujourd'hui." in text(client.get(SPACE))
    with at("2026-03-11 09:00"):
        _form, result = review(client, wrong=[DIX])
        page = text(result)
        assert "1 sur 2" in page
        assert "elle reviendra le samedi 14 mars" in page  # right: 3 days
        assert "elle reviendra le jeudi 12 mars" in page  # wrong: from the start, the next day
        assert due_texts(client) == []
    with at("2026-03-12 00:00"):
        assert [t[:11] for t in due_texts(client)] == [DIX]
    with at("2026-03-13 23:59"):
        review(client)  # the true/false, right this time: 3 days, to the 16th
        assert due_texts(client) == []
    with at("2026-03-14 00:00"):
        assert [t[:9] for t in due_texts(client)] == [AVIS]
        review(client)  # right: 7 days
    for before, due_on in [
        ("2026-03-20 23:59", "2026-03-21 00:00"),  # then 21 days
        ("2026-04-10 23:59", "2026-04-11 00:00"),  # then learned
    ]:
        with at(before):
            assert AVIS not in " ".join(due_texts(client))
        with at(due_on):
            assert AVIS in " ".join(due_texts(client))
            _form, result = review(client)
    assert "acquise : elle ne reviendra plus" in text(result)
    with at("2026-06-01 12:00"):
        assert AVIS not in " ".join(due_texts(client))
        assert "Les questions manquées à un quiz" not in text(client.get(SPACE))
    # Records are evidence: the reviews changed neither the attempt nor its score.
    attempt.refresh_from_db()
    assert (attempt.score, attempt.correct_count, Attempt.objects.count()) == (33, 1, 1)
    assert ReviewAnswer.objects.filter(user=learner).count() == 8  # the other came back too


def test_a_question_missed_again_in_the_quiz_starts_over_and_a_learned_one_comes_back(
    client, learner, quiz
):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS])
    with at("2026-03-11 10:00"):
        review(client)  # right: back on the 14th
    with at("2026-03-12 10:00"):
        take(client, quiz, wrong=[AVIS])  # missed again in the quiz: the next day
    with at("2026-03-13 10:00"):
        assert [t[:9] for t in due_texts(client)] == [AVIS]


def test_the_review_draws_each_question_fresh_and_shuffles_its_choices(client, learner, quiz):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS])
    quiz.questions[0].value["text"] = "Que faire d'un avis négatif, publié hier ?"
    quiz.save_revision().publish()
    with at("2026-03-11 10:00"):
        orders = set()
        for _ in range(12):
            page = client.get(REVIEW)
            (question,) = page.context["form"].question_list
            assert question.value["text"] == "Que faire d'un avis négatif, publié hier ?"
            orders.add(tuple(value for value, _label in question.field.field.choices))
        # The quiz does not shuffle its choices; a review always does.
        assert len(orders) > 1
        assert "Que faire d'un avis négatif, publié hier ?" in text(page)


def test_a_round_sent_twice_is_recorded_once_and_only_its_learner_sees_it(
    client, learner, quiz, django_user_model
):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS])
    with at("2026-03-11 10:00"):
        page = client.get(REVIEW)
        (question,) = page.context["form"].question_list
        data = {"round": page.context["token"], question.field.html_name: right_answer(question)}
        first = client.post(reverse("recall:submit"), data)
        again = client.post(reverse("recall:submit"), data, follow=True)
        assert first.status_code == 302 and first.url == again.redirect_chain[-1][0]
        assert "déjà enregistrée" in text(again)
        assert ReviewAnswer.objects.count() == 1
        other = Client()
        other.force_login(django_user_model.objects.create_user(email="omar@test.fr", password="x"))
        assert other.get(first.url).status_code == 404
        assert other.post(reverse("recall:submit"), data).status_code == 403
        assert Client().get(first.url).status_code == 404
        # A forged token records nothing.
        forged = client.post(reverse("recall:submit"), {**data, "round": "x" + data["round"]})
        assert forged.status_code == 400 and ReviewAnswer.objects.count() == 1


def test_an_unanswered_question_is_said_and_nothing_is_recorded(client, learner, quiz):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS, DIX])
    with at("2026-03-11 10:00"):
        page = client.get(REVIEW)
        response = client.post(reverse("recall:submit"), {"round": page.context["token"]})
        assert response.status_code == 400
        assert "Répondez à cette question." in text(response)
        assert not ReviewAnswer.objects.exists()


def test_an_assigned_quiz_s_missed_questions_stay_in_its_workshop(client, people, setting, clock):
    client.force_login(people["learner"])
    take_assignment(client, setting["assignment"], pick=wrong_answer)
    assert Attempt.objects.get().assigned
    clock.shift(timedelta(days=2))
    assert due_texts(client) == []


def visitor_reviews(client, quiz):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS, DIX])
        result = client.get(Attempt.objects.get().get_absolute_url())
        assert "Les 2 questions manquées reviendront le lendemain" in text(result)
    with at("2026-03-11 10:00"):
        _form, response = review(client, wrong=[DIX])
        assert "1 sur 2" in text(response)
        assert ReviewAnswer.objects.filter(user=None).count() == 2


def test_a_visitor_s_reviews_join_the_account_at_sign_up(client, django_user_model, quiz):
    visitor_reviews(client, quiz)
    with at("2026-03-11 10:05"):
        sign_up_and_activate(client, "nina@test.fr", first_name="Nina")
        user = django_user_model.objects.get(email="nina@test.fr")
        assert ReviewAnswer.objects.filter(user=user).count() == 2
        assert "Rien à revoir aujourd'hui. 2 questions reviendront" in text(client.get(SPACE))
    with at("2026-03-12 10:00"):  # the wrong one only; the right one on the 14th
        assert [t[:11] for t in due_texts(client)] == [DIX]
        assert "1 question à revoir aujourd'hui." in text(client.get(SPACE))


def test_a_visitor_s_reviews_join_the_account_at_sign_in(client, django_user_model, quiz):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    visitor_reviews(client, quiz)
    with at("2026-03-11 10:05"):
        client.post(
            reverse("accounts:login"), {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
        )
        assert ReviewAnswer.objects.filter(user=user).count() == 2
    with at("2026-03-12 10:00"):
        assert [t[:11] for t in due_texts(client)] == [DIX]


def test_another_browser_does_not_see_a_visitor_s_reviews(client, quiz):
    visitor_reviews(client, quiz)
    with at("2026-03-12 10:00"):
        assert len(due_texts(client)) == 1
        assert due_texts(Client()) == []
        assert "Aucune question manquée pour l'instant" in text(Client().get(REVIEW))


def test_mon_espace_says_how_many_are_due_today_with_the_link(client, learner, quiz):
    with at("2026-03-10 10:00"):
        page = text(client.get(SPACE))
        assert "Aucune question manquée pour l'instant" in page
        take(client, quiz, wrong=[AVIS, DIX])
    with at("2026-03-11 10:00"):
        response = client.get(SPACE)
        page = text(response)
        assert "2 questions à revoir aujourd'hui." in page
        assert f'href="{REVIEW}"' in page
        # Off until the learner asks.
        assert 'name="reminders" value="on" id="review-reminders" aria-describedby' in page
        assert "checked" not in page[page.index('id="review-reminders"') :].split(">")[0]


# E-mail reminders.


def subscribe(client):
    return client.post(reverse("recall:reminders"), {"reminders": "on"}, follow=True)


def test_reminders_are_e_mailed_only_to_those_who_asked_once_a_day(
    client, learner, quiz, smtp, django_user_model
):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS, DIX])
    # Someone else with due questions, who never asked.
    other = Client()
    omar = django_user_model.objects.create_user(email="omar@test.fr", password="x")
    other.force_login(omar)
    with at("2026-03-10 10:00"):
        take(other, quiz, wrong=[AVIS])
    with at("2026-03-11 09:00"):
        assert periodic.run(instant("2026-03-11 09:00"))["review reminders sent"] == 0
        assert not smtp.messages
        page = text(subscribe(client))
        assert "à partir de demain" in page
        assert 'id="review-reminders" aria-describedby="review-reminders-help" checked' in page
        # Asked today: today's questions are in front of the learner; e-mails from tomorrow.
        assert periodic.run(instant("2026-03-11 09:01"))["review reminders sent"] == 0
    with at("2026-03-12 07:59"):
        assert periodic.run(instant("2026-03-12 07:59"))["review reminders sent"] == 0
    with at("2026-03-12 08:00"):
        assert periodic.run(instant("2026-03-12 08:00"))["review reminders sent"] == 1
        assert periodic.run(instant("2026-03-12 08:01"))["review reminders sent"] == 0
    assert smtp.to("omar@test.fr") == []
    (message,) = smtp.to("lea@test.fr")
    assert message["Subject"].replace("\u00a0", " ").replace("\u2019", "'") == (
        "2 questions à revoir aujourd'hui"
    )
    body, html_part, _files = parts(message)
    reminder = ReviewReminder.objects.get(user=learner)
    stop_url = "https://atelier-reseaux.test" + reverse("recall:unsubscribe", args=[reminder.token])
    assert "https://atelier-reseaux.test/revision/" in body and stop_url in body
    assert f'href="{stop_url}"' in html_part
    assert str(message["List-Unsubscribe"]).strip() == f"<{stop_url}>"
    assert str(message["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    assert "Bonjour Léa" in body


def test_no_e_mail_on_a_day_without_questions_due(client, learner, quiz, smtp):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS])
        subscribe(client)
    with at("2026-03-11 10:00"):
        review(client)  # right: back on the 14th
    for day in ("2026-03-12", "2026-03-13"):
        with at(f"{day} 08:30"):
            assert periodic.run(instant(f"{day} 08:30"))["review reminders sent"] == 0
    with at("2026-03-14 08:30"):
        assert periodic.run(instant("2026-03-14 08:30"))["review reminders sent"] == 1
    (message,) = smtp.to("lea@test.fr")
    assert "1 question à revoir aujourd" in message["Subject"]


def test_the_unsubscribe_link_stops_the_reminders(client, learner, quiz, smtp):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS])
        subscribe(client)
    reminder = ReviewReminder.objects.get()
    url = reverse("recall:unsubscribe", args=[reminder.token])
    browser = Client(enforce_csrf_checks=True)  # the e-mail opened anywhere, signed in or not
    page = text(browser.get(url))
    assert "Ne plus recevoir ces e-mails" in page and "lea@test.fr" in page
    reminder.refresh_from_db()
    assert reminder.active  # a link checker's visit changes nothing
    assert "C'est fait" in text(browser.post(url))
    reminder.refresh_from_db()
    assert not reminder.active
    with at("2026-03-11 09:00"):
        assert periodic.run(instant("2026-03-11 09:00"))["review reminders sent"] == 0
        page = text(client.get(SPACE))
        assert 'aria-describedby="review-reminders-help">' in page  # unchecked again
    assert not smtp.messages
    assert browser.get(reverse("recall:unsubscribe", args=[uuid.uuid4()])).status_code == 404


def test_the_one_click_unsubscribe_of_a_mail_client_and_the_checkbox_stop_them_too(
    client, learner, quiz
):
    subscribe(client)
    reminder = ReviewReminder.objects.get()
    response = Client(enforce_csrf_checks=True).post(
        reverse("recall:unsubscribe", args=[reminder.token]),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    reminder.refresh_from_db()
    assert not reminder.active
    subscribe(client)
    reminder.refresh_from_db()
    assert reminder.active
    page = text(client.post(reverse("recall:reminders"), {}, follow=True))  # unticked
    assert "vous ne recevrez plus de rappel" in page
    reminder.refresh_from_db()
    assert not reminder.active


def test_choosing_reminders_needs_an_account(client):
    response = client.post(reverse("recall:reminders"), {"reminders": "on"})
    assert response.status_code == 302 and "/compte/connexion/" in response.url
    assert not ReviewReminder.objects.exists()


# Personal data.


def test_reviews_and_reminders_are_in_the_export_and_go_with_the_account(client, learner, quiz):
    with at("2026-03-10 10:00"):
        take(client, quiz, wrong=[AVIS])
    with at("2026-03-11 10:00"):
        review(client)
        subscribe(client)
        data = client.get(reverse("accounts:my_data_download")).json()
    (answer,) = data["revisions"]
    assert answer["bonne_reponse"] is True and answer["prochaine_revision"] == "2026-03-14"
    assert answer["question"].startswith(AVIS)
    assert data["rappels_de_revision"]["arretes_le"] is None
    learner.delete()
    assert not ReviewAnswer.objects.exists() and not ReviewReminder.objects.exists()


def test_a_visitor_s_review_answers_are_purged_as_their_attempts_are(client, quiz):
    visitor_reviews(client, quiz)  # the attempt on 10 March, the review on the 11th, 10:00
    first = registry.purge(instant("2026-04-10 09:59"))
    assert (first["anonymous quiz attempts"], first["anonymous review answers"]) == (1, 0)
    assert registry.purge(instant("2026-04-10 10:01"))["anonymous review answers"] == 2
    assert not ReviewAnswer.objects.exists()
