"""Accounts that bring a learner back where they were: `next` kept through the sign-up and the
activation link, and only to this site; an activation link opened in another browser says where
the progress stayed; "Mon espace" shows workshops' blocks only to their members; the sign-in
form's errors in plain, correct French."""

import html
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests.account_helpers import STRONG_PASSWORD, link_in_last_email, sign_up
from tests.factories import TrainerFactory, WorkshopFactory
from tests.quiz_helpers import answers, start, submit
from workshops.models import JoinRequest

pytestmark = pytest.mark.django_db

ELSEWHERE = [
    "https://ailleurs.example/piege/",
    "//ailleurs.example/piege/",
    "/\\ailleurs.example/piege/",
    "http://testserver.ailleurs.example/",
    "javascript:alert(1)",
    "https:///ailleurs.example",
]


def text(response):
    return html.unescape(response.content.decode()).replace("\u00a0", " ")


def post_sign_up(client, email, next_url):
    data = {"email": email, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}
    return client.post(reverse("accounts:signup"), {**data, "next": next_url})


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_next_never_leads_to_another_site(client, elsewhere):
    page = text(client.get(reverse("accounts:signup"), {"next": elsewhere}))
    assert 'name="next" value=""' in page and "ailleurs" not in page
    response = post_sign_up(client, "camille@exemple.fr", elsewhere)
    assert response.url == reverse("accounts:signup_done")
    link = link_in_last_email("camille@exemple.fr")
    assert parse_qs(urlsplit(link).query)["next"] == [reverse("accounts:space")]
    # Nor a link someone wrote themselves.
    forged = urlsplit(link).path + "?" + f"next={elsewhere}"
    response = client.get(forged)
    assert response.status_code == 302 and response.url == reverse("accounts:space")


def test_next_is_kept_from_the_sign_up_to_the_activation(client, quiz):
    lesson = quiz.lesson.url
    response = post_sign_up(client, "camille@exemple.fr", lesson)
    assert response.url == f"{reverse('accounts:signup_done')}?next={lesson.replace('/', '%2F')}"
    done = text(client.get(response.url))
    assert f'href="{reverse("accounts:login")}?next={lesson}"' in done
    link = link_in_last_email("camille@exemple.fr")
    assert parse_qs(urlsplit(link).query)["next"] == [lesson]
    activated = client.get(link)
    assert activated.status_code == 302 and activated.url == lesson
    assert "Votre compte est activé : bienvenue !" in text(client.get(lesson))


def test_an_activation_link_opened_in_another_browser_says_where_the_progress_is(client, quiz):
    form, token = start(client, quiz.slug)
    result = submit(client, quiz.slug, answers(form, token)).url
    post_sign_up(client, "camille@exemple.fr", result)
    other = Client()  # the link opened on another device
    response = other.get(link_in_last_email("camille@exemple.fr"))
    # The result is this visitor's in the first browser: the other one cannot show it.
    assert response.url == reverse("accounts:space")
    space = text(other.get(response.url))
    assert "Votre compte est activé. Ce navigateur n’est pas celui de l’inscription" in space
    assert "ouvrez le site dans ce navigateur-là et connectez-vous" in space
    assert "bienvenue" not in space
    assert "connectez-vous depuis celui-ci, et ils s’ajouteront ici" in space
    # Signing in from the first browser brings them over.
    client.post(
        reverse("accounts:login"), {"username": "camille@exemple.fr", "password": STRONG_PASSWORD}
    )
    assert "1 leçon lue sur 1" in text(client.get(reverse("accounts:space")))
    assert client.get(result).status_code == 200


def test_in_another_browser_a_page_anyone_may_see_is_still_where_it_lands(client, quiz):
    post_sign_up(client, "camille@exemple.fr", quiz.lesson.url)
    response = Client().get(link_in_last_email("camille@exemple.fr"))
    assert response.url == quiz.lesson.url


def test_the_same_browser_without_progress_is_simply_welcome(client):
    sign_up(client, "camille@exemple.fr")
    response = client.get(link_in_last_email("camille@exemple.fr"))
    space = text(client.get(response.url))
    assert "Votre compte est activé : bienvenue !" in space
    assert "Ce navigateur n’est pas celui" not in space


def test_mon_espace_shows_workshops_blocks_only_to_their_members(client, django_user_model):
    learner = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(learner)
    alone = text(client.get(reverse("accounts:space")))
    for block in [
        "Assignés par mes formateurs",
        "Signer la feuille d'émargement",
        "Mes formations",
    ]:
        assert block not in alone
    join = reverse("workshops:join")
    assert f'code d’atelier ? <a href="{join}">Rejoindre un atelier</a>' in alone
    # Asking to join a workshop: its block shows (the request is on its way).
    workshop = WorkshopFactory(trainers=[TrainerFactory()])
    JoinRequest.objects.create(workshop=workshop, user=learner)
    asked = text(client.get(reverse("accounts:space")))
    assert "Assignés par mes formateurs" in asked and "Signer la feuille d’émargement" in asked
    JoinRequest.objects.all().delete()
    workshop.memberships.create(user=learner)
    member = text(client.get(reverse("accounts:space")))
    assert "Assignés par mes formateurs" in member
    assert "Un formateur vous a donné un code" not in member
    workshop.archived = True
    workshop.save()
    assert "Assignés par mes formateurs" not in text(client.get(reverse("accounts:space")))


def sign_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def errors(response):
    page = text(response)
    return page[page.index("<form") : page.index("</form>")]


def test_the_sign_in_errors_are_in_correct_french_and_claim_nothing_false(
    client, django_user_model
):
    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    empty = errors(sign_in(client, "", ""))
    assert "Saisissez votre adresse e-mail." in empty and "Saisissez votre mot de passe." in empty
    assert "Saisissez une adresse e-mail valide" in errors(sign_in(client, "lea", "x"))
    wrong = errors(sign_in(client, "lea@test.fr", "mauvais"))
    assert "Saisissez une adresse e-mail et un mot de passe valides." in wrong
    assert "un adresse" not in wrong and "sensible à la casse" not in wrong
    assert "l’adresse, non" in wrong  # only the password minds capitals
    # And so it is: the address is found whatever its case.
    response = sign_in(client, "LEA@Test.fr", "Mot-de-passe-42")
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, "lea@test.fr", "MOT-DE-PASSE-42").status_code == 200
