"""Accounts as a visitor meets them: the way to sign up, the form's errors where they belong, what
the site keeps and tells, and every cookie it sets named on the privacy page."""

import html
import re

import pytest
from django.urls import reverse

from tests.account_helpers import STRONG_PASSWORD, sign_up, sign_up_and_activate
from tests.factories import QuizFactory
from tests.quiz_helpers import answers, start, submit

pytestmark = pytest.mark.django_db

PRIVACY = "/donnees-personnelles/"


def header(client, url="/"):
    content = client.get(url).content.decode()
    return content[content.index('<header class="site-header">') : content.index("</header>")]


def test_the_header_offers_visitors_to_create_an_account(client, django_user_model):
    assert f'href="{reverse("accounts:signup")}"' in header(client)
    assert "Créer un compte" in header(client, "/cours/")
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    assert reverse("accounts:signup") not in header(client)


def test_the_sign_up_page_links_the_privacy_notice(client):
    content = client.get(reverse("accounts:signup")).content.decode()
    form = content[content.index("<form") : content.index("</main>")]  # not the footer
    assert f'href="{PRIVACY}"' in form


def field(content, name):
    """The block of the form that holds one field: its label, input and error."""
    start = content.index(f'<label for="id_{name}"')
    return content[content.rindex('<div class="field', 0, start) : content.index("</div>", start)]


def test_a_weak_password_is_refused_under_the_password_field(client):
    response = sign_up(client, "camille@exemple.fr", password1="123", password2="123")
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    password = field(content, "password1")
    assert "field--error" in password and "trop court" in password
    assert "trop court" not in field(content, "password2")


def test_two_different_passwords_are_said_under_the_confirmation(client):
    response = sign_up(client, "camille@exemple.fr", password2=STRONG_PASSWORD + "x")
    content = html.unescape(response.content.decode())
    assert "ne correspondent pas" in field(content, "password2")


def test_the_page_after_sign_up_says_earlier_results_wait_for_the_link(client, quiz):
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token))
    done = client.get(sign_up(client, "camille@exemple.fr").url).content.decode()
    assert "sur cet appareil" in html.unescape(done)


def test_after_activation_the_welcome_says_earlier_results_were_kept(client, quiz):
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token))
    response = sign_up_and_activate(client, "camille@exemple.fr")
    welcome = html.unescape(client.get(response.url).content.decode())
    assert "Vos résultats aux quiz et les leçons lues avant l’inscription sont gardés" in welcome


def test_the_data_page_says_in_plain_words_what_the_file_is(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    content = html.unescape(client.get(reverse("accounts:my_data")).content.decode())
    assert "Télécharger mes données (JSON)" not in content
    assert "fichier texte" in content and "navigateur" in content  # how to open it
    for kept in ["séances en direct", "émargement", "attestations"]:  # all the file holds
        assert kept in content
    assert "mot de passe" in content  # what it does not hold


# Cookies.


def cookie_names(response):
    return {name for name, morsel in response.cookies.items() if morsel.value}


def test_every_cookie_the_site_sets_is_named_on_the_privacy_page(client, django_user_model, quiz):
    seen = set()
    other_lesson = QuizFactory().lesson
    for url in ["/", quiz.lesson.get_parent().url, quiz.get_absolute_url(), "/compte/connexion/"]:
        seen |= cookie_names(client.get(url))
    form, token = start(client, quiz.slug)
    submitted = submit(client, quiz.slug, answers(form, token))
    assert "sessionid" in submitted.cookies  # an anonymous quiz submission starts a session
    seen |= cookie_names(submitted)
    seen |= cookie_names(client.post(reverse("lessons:read", args=[other_lesson.pk])))
    response = sign_up_and_activate(client, "camille@exemple.fr")
    seen |= cookie_names(response)  # the welcome message waits in a cookie
    seen |= cookie_names(client.get(response.url))
    assert {"csrftoken", "sessionid", "messages"} <= seen

    privacy = html.unescape(client.get(PRIVACY).content.decode())
    cookies = privacy[privacy.index("Cookies") :]
    for name in seen | {"wagtail_sidebar_collapsed"}:  # and the admin's, for editors
        assert re.search(rf"\b{name}\b", cookies), name
    assert "quiz" in cookies and "leçon" in cookies  # when a visitor gets a session
