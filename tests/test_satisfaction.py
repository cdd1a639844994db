"""What learners thought (Qualiopi indicator 30): the "à chaud" questionnaire answered from the
workshop's page during its last session, the "à froid" one through the personal link of an
e-mail read from a real SMTP server, once per learner; the trainer's figures and their PDF."""

import html
import io
import re
from datetime import date, time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from caching.addresses import public_url
from jobs import periodic
from satisfaction import services
from satisfaction.models import Request, Response, Timing
from satisfaction.seed import build_questionnaires
from tests.clock import at, instant
from tests.factories import UserFactory
from tests.mail_server import parts
from tests.workshop_helpers import make_workshop
from workshops.models import WorkshopSession

pytestmark = pytest.mark.django_db

LAST_DAY = date(2026, 11, 24)


def page(response):
    return html.unescape(response.content.decode())


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.fixture
def workshop(people):
    build_questionnaires()
    sam = UserFactory(email="sam@test.fr", first_name="Sam", last_name="Bernard")
    workshop, _assignment = make_workshop(
        people["trainer"], [people["learner"], people["other_learner"], sam]
    )
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.save()
    for day in (date(2026, 11, 23), LAST_DAY):
        WorkshopSession.objects.create(
            workshop=workshop, date=day, starts_at=time(9), ends_at=time(12), room="Salle 2"
        )
    return workshop


def hot_answers(overall="5", pace="Adapté", word="Réactivité", suggestion=""):
    q = services.snapshot(services.questionnaire(Timing.HOT))
    pace_id = next(c["id"] for c in q[2]["choices"] if c["text"] == pace)
    return {
        q[0]["id"]: overall,
        q[1]["id"]: "4",
        q[2]["id"]: pace_id,
        q[3]["id"]: word,
        q[4]["id"]: suggestion,
    }


def test_the_hot_questionnaire_opens_at_the_last_session_and_is_answered_once(
    client, people, workshop
):
    url = reverse("satisfaction:hot", args=[workshop.pk])
    as_user(client, people["learner"])
    with at("2026-11-23 10:00"):  # the first session: too early
        assert "s’ouvrira au début de la dernière séance" in page(client.get(url))
        assert client.post(url, hot_answers()).status_code == 200
    assert not Response.objects.exists()
    with at("2026-11-24 11:30"):
        html = client.get(url).content.decode()
        assert "Vos réponses sont anonymes" in html and "Le rythme de la formation" in html
        # A value off the scale: refused, in French, nothing kept.
        response = client.post(url, hot_answers(overall="9"))
        assert response.status_code == 400
        assert "Choisissez un nombre de 1 à 5." in response.content.decode()
        assert not Response.objects.exists()
        assert "Répondez à au moins une question." in client.post(url, {}).content.decode()
        response = client.post(url, hot_answers(suggestion="Plus d'exemples\u200b de commerces"))
    assert "Merci pour vos réponses" in response.content.decode()
    (kept,) = Response.objects.all()
    assert kept.respondent is None  # anonymous: the trainer cannot tell who
    assert "Plus d'exemples de commerces" in kept.answers.values()
    with at("2026-11-24 11:35"):
        again = client.post(url, hot_answers(overall="1"))
    assert "Vous avez déjà répondu" in again.content.decode()
    assert Response.objects.count() == 1
    # Someone not on the roster cannot answer.
    outsider = UserFactory(email="zoe@test.fr")
    with at("2026-11-24 11:40"):
        assert as_user(client, outsider).get(url).status_code == 404


def test_the_trainer_reads_the_rate_the_spread_the_means_and_the_open_answers(
    client, people, workshop
):
    url = reverse("satisfaction:hot", args=[workshop.pk])
    with at("2026-11-24 11:30"):
        as_user(client, people["learner"]).post(
            url, hot_answers("5", "Adapté", "Réactivité", "Bravo")
        )
        as_user(client, people["other_learner"]).post(
            url, hot_answers("3", "Trop rapide", "réactivités")
        )
    summary = services.summary(workshop, Timing.HOT)
    assert (summary["asked"], summary["answered"], summary["rate"]) == (3, 2, 67)
    overall, _objectives, pace, words, suggestions = summary["rows"]
    assert overall["mean"] == 4 and overall["satisfied"] == 1
    assert pace["rows"] == [("Trop lent", 0), ("Adapté", 1), ("Trop rapide", 1)]
    assert words["rows"] == [("Réactivité", 2)]  # case, accents and plural aside
    assert suggestions["texts"] == ["Bravo"]
    assert services.satisfaction_rate(Response.objects.all()) == (1, 2)
    results = as_user(client, people["trainer"]).get(
        reverse("satisfaction:results", args=[workshop.pk])
    )
    shown = results.content.decode()
    assert "2 réponses sur 3 participants interrogés (67\u00a0%)." in shown
    assert "Moyenne\u00a0: 4,0" in shown
    pdf = client.get(reverse("satisfaction:results_pdf", args=[workshop.pk]))
    text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf.content)).pages)
    text = " ".join(text.replace("\u00a0", " ").split())
    assert "2 réponses sur 3 participants interrogés (67 %)" in text and "Bravo" in text
    # Learners do not see the figures.
    response = as_user(client, people["learner"]).get(
        reverse("satisfaction:results", args=[workshop.pk])
    )
    assert response.status_code == 403


def test_the_cold_questionnaire_is_e_mailed_weeks_after_answered_once_and_reminded_once(
    client, people, workshop, smtp
):
    # Six weeks after the last session (24 November): 5 January 2027.
    with at("2027-01-04 12:00"):
        assert periodic.run(instant("2027-01-04 12:00"))["satisfaction e-mails sent"] == 0
    with at("2027-01-05 12:00"):
        assert periodic.run(instant("2027-01-05 12:00"))["satisfaction e-mails sent"] == 3
        assert periodic.run(instant("2027-01-05 12:01"))["satisfaction e-mails sent"] == 0
    (message,) = smtp.to("lea@test.fr")
    assert message["Subject"].strip().startswith("Votre avis sur «\u00a0Réseaux sociaux")
    text, html, _files = parts(message)
    assert "Bonjour Léa," in text and "valable jusqu’au 4 février 2027" in text
    link = re.search(r"https?://\S+/satisfaction/avis/\S+/", text).group(0)
    assert link.startswith(public_url("/satisfaction/avis/"))
    assert f'href="{link}"' in html
    path = link[len(public_url("")) :]
    # Léa opens the link she received (no sign-in needed) and answers.
    client.logout()
    cold = services.snapshot(services.questionnaire(Timing.COLD))
    done = next(c["id"] for c in cold[1]["choices"] if c["text"] == "Des réponses aux avis clients")
    with at("2027-01-06 09:00"):
        assert "Qu’avez-vous mis en pratique depuis" in page(client.get(path))
        response = client.post(path, {cold[0]["id"]: "4", cold[1]["id"]: [done]})
        assert "Merci pour vos réponses" in response.content.decode()
        again = client.post(path, {cold[0]["id"]: "1"})
    assert "Vous avez déjà répondu" in again.content.decode()
    assert Response.objects.filter(timing=Timing.COLD).count() == 1
    # A week later: one reminder to Omar and Sam, none to Léa, and never a second one.
    with at("2027-01-12 12:00"):
        assert services.send_cold_surveys(instant("2027-01-12 12:00")) == 2
        assert services.send_cold_surveys(instant("2027-01-12 13:00")) == 0
    assert len(smtp.to("lea@test.fr")) == 1 and len(smtp.to("omar@test.fr")) == 2
    assert smtp.to("omar@test.fr")[-1]["Subject"].strip().startswith("Rappel")
    # After 30 days the link has expired: a clear message, nothing recorded.
    omar_link = Request.objects.get(user=people["other_learner"]).token
    with at("2027-02-05 12:00"):
        response = client.get(reverse("satisfaction:cold", args=[omar_link]))
    assert response.status_code == 404
    assert "Ce lien n'est plus valable" in page(response)


def test_a_workshop_long_past_is_not_asked(people, workshop, smtp):
    with at("2027-03-01 12:00"):
        assert services.send_cold_surveys(instant("2027-03-01 12:00")) == 0
    assert not smtp.messages
