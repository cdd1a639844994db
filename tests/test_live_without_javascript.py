"""Live sessions' forms as a browser without JavaScript posts them, CSRF checks on (as in
production): the phone's answer and the projector's "Retirer" carry their token; a refusal is
shown next to the button, or above the screen when the question has closed."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from live import services
from live.models import LiveAnswer, Participant
from tests.html_forms import form_data
from tests.live_helpers import fresh, join, right_value, start_session, wrong_value

pytestmark = pytest.mark.django_db


def browser():
    return Client(enforce_csrf_checks=True)


def answer_form(html):
    """The phone's answer form, as the page holds it."""
    found = re.search(r'<form method="post" class="live-answer".*?</form>', html, re.S)
    assert found, "no answer form on the page"
    return found.group(0)


def status_of(form):
    found = re.search(r"<p [^>]*data-answer-status>(.*?)</p>", form, re.S)
    assert found, "no answer status next to the button"
    return found.group(1).strip()


def joined(session, nickname):
    phone = browser()
    phone.get(reverse("live:join"))  # the join form's token, in its cookie
    token = phone.cookies["csrftoken"].value
    response = phone.post(
        reverse("live:join"),
        {"code": session.code, "nickname": nickname, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    return phone


def test_a_phone_without_javascript_answers_with_the_form_s_token(people):
    session = start_session(people["trainer"])
    phone = joined(session, "Léa")
    services.act(session.pk, "next")
    url = reverse("live:play", args=[session.code])
    form = answer_form(phone.get(url).content.decode())
    data = form_data(form)
    assert data["csrfmiddlewaretoken"][0]
    assert status_of(form) == ""  # nothing to say yet
    # Without the token: refused, as a forged post from another site would be.
    without = {"question": data["question"], "value": right_value(fresh(session))}
    assert phone.post(url, without).status_code == 403
    assert not LiveAnswer.objects.exists()
    # The form as the browser sends it (a choice's button carries its value).
    response = phone.post(url, {**data, "value": right_value(fresh(session))})
    assert response.status_code == 302 and response.url == url
    html = phone.get(url).content.decode()
    assert "Réponse enregistrée" in html
    assert LiveAnswer.objects.get().is_correct


def test_a_refusal_is_shown_next_to_the_button_not_at_the_top_of_the_page(people):
    session = start_session(people["trainer"])
    phone = joined(session, "Léa")
    services.act(session.pk, "next")
    url = reverse("live:play", args=[session.code])
    data = form_data(answer_form(phone.get(url).content.decode()))
    response = phone.post(url, {**data, "value": "pas-un-choix"})
    assert response.status_code == 400
    html = response.content.decode()
    form = answer_form(html)  # the form is there again, to answer
    assert status_of(form) == (
        "Réponse non enregistrée\u00a0: Cette réponse ne fait pas partie de la question."
    )
    assert 'class="container messages"' not in html
    assert html.count("Cette réponse ne fait pas partie de la question.") == 1
    # The form shown again has its token: the next try is taken.
    again = form_data(form)
    assert phone.post(url, {**again, "value": wrong_value(fresh(session))}).status_code == 302


def test_an_answer_posted_after_its_question_closed_says_so_above_the_screen(people):
    session = start_session(people["trainer"])
    phone = joined(session, "Léa")
    services.act(session.pk, "next")
    url = reverse("live:play", args=[session.code])
    data = form_data(answer_form(phone.get(url).content.decode()))
    services.act(session.pk, "reveal")  # while the phone's form was open
    response = phone.post(url, {**data, "value": right_value(fresh(session))})
    assert response.status_code == 400
    html = response.content.decode()
    note = re.search(r"<p [^>]*data-live-note>(.*?)</p>", html, re.S).group(1)
    assert note == "Réponse non enregistrée\u00a0: Cette question ne prend plus de réponses."
    assert html.index("data-live-note") < html.index('id="live-stage"')
    assert "La bonne réponse" in html  # and the screen is the correction
    assert not LiveAnswer.objects.exists()


def test_the_trainer_removes_a_participant_without_javascript(client, people):
    session = start_session(people["trainer"])
    troll = join(Client(), session, "Troll")
    trainer = browser()
    trainer.force_login(people["trainer"])
    projector = trainer.get(session.get_projector_url()).content.decode()
    forms = re.findall(r'<form method="post" action="[^"]+">.*?</form>', projector, re.S)
    found = [form for form in forms if 'name="action" value="remove"' in form]
    assert len(found) == 1, "no removal form"
    data = form_data(found[0])
    assert data["action"] == ["remove"] and data["csrfmiddlewaretoken"][0]
    action = reverse("live:action", args=[session.code])
    assert trainer.post(action, {"action": "remove", "participant": troll.pk}).status_code == 403
    response = trainer.post(action, {**data, "participant": troll.pk})
    assert response.status_code == 302
    assert Participant.objects.get(pk=troll.pk).removed
    # And the projector's controls, each with its token.
    for value in ("next", "reveal", "pause", "end"):
        assert re.search(
            rf'name="csrfmiddlewaretoken" value="[^"]+">'
            rf'<button class="button[^"]*" name="action" value="{value}"',
            projector,
        ), value
