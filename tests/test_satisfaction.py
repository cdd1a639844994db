"""What learners thought (Qualiopi indicator 30): the "à chaud" questionnaire answered from the
workshop's page during its last session, the "à froid" one through the personal link of an
e-mail read from a real SMTP server, once per learner; the trainer's figures and their PDF."""

import hashlib
import html
import io
import re
from datetime import date, time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from caching.addresses import public_url
from jobs import periodic
from jobs.models import Job
from privacy import registry
from satisfaction import services
from satisfaction.models import Questionnaire, Request, Response, Summary, Timing
from satisfaction.seed import build_questionnaires
from tests.clock import at, instant
from tests.factories import UserFactory
from tests.html_forms import edit_form, form_data, stream_data
from tests.mail_server import parts
from tests.workshop_helpers import make_workshop
from workshops.models import TrainingBody, WorkshopSession

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
    body = TrainingBody.load()
    body.name = "CCI Formation Loire"
    body.save()
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
    # It names the training body and the site.
    assert "«\u00a0Réseaux sociaux pour artisans\u00a0» avec CCI Formation Loire." in text
    assert "CCI Formation Loire\r\nAtelier Réseaux · https://atelier-reseaux.test/" in text
    assert "CCI Formation Loire<br>" in html and "Atelier Réseaux</a>" in html
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
    assert "Ce lien n’est plus valable" in page(response)


def test_a_workshop_long_past_is_not_asked(people, workshop, smtp):
    with at("2027-03-01 12:00"):
        assert services.send_cold_surveys(instant("2027-03-01 12:00")) == 0
    assert not smtp.messages


def results_page(client, trainer, workshop):
    """The trainer's results page, as text."""
    response = as_user(client, trainer).get(reverse("satisfaction:results", args=[workshop.pk]))
    return re.sub(r"<[^>]+>", "", page(response))


def test_a_refused_cold_e_mail_is_shown_to_the_trainer_and_sent_again_once_a_day_later(
    client, people, workshop, smtp
):
    smtp.refused = {"omar@test.fr"}
    with at("2027-01-05 12:00"):
        assert periodic.run(instant("2027-01-05 12:00"))["satisfaction e-mails sent"] == 3
    assert len(smtp.to("lea@test.fr")) == 1 and len(smtp.to("sam@test.fr")) == 1
    assert not smtp.to("omar@test.fr")
    shown = results_page(client, people["trainer"], workshop)
    assert "E-mails «\u00a0à froid\u00a0» non remis" in shown
    assert "Omar" in shown and "lien du questionnaire\u00a0: échec" in shown
    assert "L’adresse omar@test.fr a été refusée par le serveur de messagerie" in shown
    assert "550 5.1.1 Adresse inconnue" in shown
    assert "Léa" not in shown.split("non remis")[1].split("Questionnaire à chaud")[0]
    with at("2027-01-05 18:00"):  # the same day: not yet
        assert services.send_cold_surveys(instant("2027-01-05 18:00")) == 0
    # His address works again: the next day's check sends him the link, once; no one else.
    smtp.refused = set()
    with at("2027-01-06 12:00"):
        assert services.send_cold_surveys(instant("2027-01-06 12:00")) == 1
        assert services.send_cold_surveys(instant("2027-01-06 13:00")) == 0
    (message,) = smtp.to("omar@test.fr")
    assert "valable jusqu’au 5 février 2027" in parts(message)[0]  # 30 days from this one
    assert len(smtp.to("lea@test.fr")) == 1 and len(smtp.to("sam@test.fr")) == 1
    assert "non remis" not in results_page(client, people["trainer"], workshop)
    # Reminders a week after each one received the link.
    with at("2027-01-12 12:00"):
        assert services.send_cold_surveys(instant("2027-01-12 12:00")) == 2
    with at("2027-01-13 12:00"):
        assert services.send_cold_surveys(instant("2027-01-13 12:00")) == 1
    assert [len(smtp.to(a)) for a in ("lea@test.fr", "omar@test.fr", "sam@test.fr")] == [2, 2, 2]


def test_a_server_that_fails_once_gets_the_message_once(client, people, workshop, smtp):
    smtp.busy = 1  # "451: try again later", once
    with at("2027-01-05 12:00"):
        assert services.send_cold_surveys(instant("2027-01-05 12:00")) == 3
    assert smtp.turned_away == 1
    assert [len(smtp.to(a)) for a in ("lea@test.fr", "omar@test.fr", "sam@test.fr")] == [1, 1, 1]
    jobs = [row.job for row in Request.objects.select_related("job").order_by("pk")]
    assert {job.status for job in jobs} == {"done"}
    assert sorted(job.runs for job in jobs) == [1, 1, 2]  # the one turned away, tried again
    with at("2027-01-06 12:00"):
        assert services.send_cold_surveys(instant("2027-01-06 12:00")) == 0
    assert len(smtp.messages) == 3
    assert "échec" not in results_page(client, people["trainer"], workshop)


def test_a_server_that_always_fails_is_tried_again_then_shown_failed(
    client, people, workshop, smtp
):
    smtp.busy = 1000
    with at("2027-01-05 12:00"):
        assert services.send_cold_surveys(instant("2027-01-05 12:00")) == 3
    jobs = [row.job for row in Request.objects.select_related("job")]
    assert [(job.status, job.runs) for job in jobs] == [("failed", 3)] * 3
    assert smtp.turned_away == 9 and not smtp.messages
    shown = results_page(client, people["trainer"], workshop)
    assert shown.count("lien du questionnaire\u00a0: échec") == 3
    assert (
        "L’e-mail à lea@test.fr n’a pas pu être envoyé après 3 essais "
        "(451 4.3.0 Serveur occupé, réessayez plus tard)"
    ) in shown
    # Sent once more the next day (three tries again), then never: no reminder of a link
    # nobody received.
    with at("2027-01-06 12:00"):
        assert services.send_cold_surveys(instant("2027-01-06 12:00")) == 3
    with at("2027-01-07 12:00"):
        assert services.send_cold_surveys(instant("2027-01-07 12:00")) == 0
    with at("2027-01-14 12:00"):
        assert services.send_cold_surveys(instant("2027-01-14 12:00")) == 0
    assert smtp.turned_away == 18 and not smtp.messages
    shown = results_page(client, people["trainer"], workshop)
    assert shown.count("(renvoyé une fois)\u00a0: échec") == 3


def pdf_text(content):
    text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_summary_is_kept_with_its_digest_once_the_hot_questionnaire_closes_and_on_request(
    client, people, workshop, settings, django_capture_on_commit_callbacks
):
    url = reverse("satisfaction:hot", args=[workshop.pk])
    with at("2026-11-24 11:30"):
        as_user(client, people["learner"]).post(url, hot_answers("5", suggestion="Bravo"))
        as_user(client, people["other_learner"]).post(url, hot_answers("3"))
    # The questionnaire closes a week after the last session (24 November, 12:00).
    with at("2026-12-01 11:59"):
        assert periodic.run(instant("2026-12-01 11:59"))["satisfaction summaries started"] == 0
    with at("2026-12-01 12:01"):
        assert periodic.run(instant("2026-12-01 12:01"))["satisfaction summaries started"] == 1
    with at("2026-12-01 12:02"):  # kept once
        assert periodic.run(instant("2026-12-01 12:02"))["satisfaction summaries started"] == 0
    (kept,) = Summary.objects.all()
    with kept.file.open("rb") as file:
        content = file.read()
    assert kept.reason == "closed" and kept.sha256 == hashlib.sha256(content).hexdigest()
    text = pdf_text(content)
    assert "2 réponses sur 3 participants interrogés (67 %)" in text and "Bravo" in text
    assert "1 décembre 2026" in text or "1er décembre 2026" in text
    # The trainer sees it with its digest and downloads it as it was kept.
    shown = results_page(client, people["trainer"], workshop)
    assert "Synthèses conservées avec les preuves de l’atelier" in shown
    assert kept.sha256 in shown and "à la clôture du questionnaire à chaud" in shown
    download = client.get(reverse("satisfaction:kept_summary", args=[workshop.pk, kept.pk]))
    assert b"".join(download.streaming_content) == content
    # Later (after the "à froid" answers), on request: a new one; the first is unchanged.
    with at("2027-01-20 10:00"):
        as_user(client, people["trainer"])
        response = client.post(reverse("satisfaction:keep_summary", args=[workshop.pk]))
    job = Job.objects.filter(owner=people["trainer"]).first()  # the latest
    assert response.url == job.get_absolute_url() and job.status == "done"
    first, asked = Summary.objects.order_by("made_at")
    assert (first.pk, first.sha256) == (kept.pk, kept.sha256) and asked.reason == "asked"
    assert asked.sha256 != kept.sha256
    # Kept as long as the workshop's evidence: until 31 December 2029, then deleted with its file.
    settings.CERTIFICATE_RETENTION_YEARS = 3
    storage, names = kept.file.storage, [first.file.name, asked.file.name]
    registry.purge(instant("2029-12-31 23:00"), only=[Summary])
    assert Summary.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        registry.purge(instant("2030-01-01 00:30"), only=[Summary])
    assert not Summary.objects.exists()
    assert not any(storage.exists(name) for name in names)
    # Someone who is not its trainer cannot read it.
    assert (
        as_user(client, people["learner"])
        .get(reverse("satisfaction:results", args=[workshop.pk]))
        .status_code
        == 403
    )


def test_editors_create_and_edit_a_questionnaire_in_the_admin(client, editor):
    build_questionnaires()
    model = Questionnaire
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_satisfaction_questionnaire:add")
    assert client.get(add_url).status_code == 200
    # A new "à froid" questionnaire, named, with the seeded one's questions.
    seeded = services.questionnaire(Timing.COLD)
    data = form_data(client.get(add_url).content.decode())
    data.update(stream_data("questions", seeded.questions))
    data = {key: "" if key.endswith("-id") else value for key, value in data.items()}
    data.update(title="À froid — ateliers du soir", timing="cold")
    data.pop("anonymous", None)  # unticked: the trainer sees the names
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = model.objects.get(title="À froid — ateliers du soir")
    assert not created.anonymous and len(created.questions) == len(seeded.questions)
    assert services.questionnaire(Timing.COLD) == created  # the latest in use is sent
    # Edited: its first question's text changes; a revision keeps who did it.
    edit_url = reverse("wagtailsnippets_satisfaction_questionnaire:edit", args=[created.pk])
    data = edit_form(client, edit_url, created)
    data["questions-0-value-text"] = "Qu’avez-vous changé dans votre commerce\u00a0?"
    assert client.post(edit_url, data).status_code == 302
    created.refresh_from_db()
    assert created.questions[0].value["text"] == "Qu’avez-vous changé dans votre commerce\u00a0?"
    assert created.revisions.filter(user=editor).count() == 2


def test_a_questionnaire_that_is_not_anonymous_names_its_learners_to_the_trainer(
    client, people, workshop
):
    named = services.questionnaire(Timing.HOT)
    named.anonymous = False
    named.save()
    url = reverse("satisfaction:hot", args=[workshop.pk])
    with at("2026-11-24 11:30"):
        assert "Le formateur verra vos réponses avec votre nom" in page(
            as_user(client, people["learner"]).get(url)
        )
        client.post(url, hot_answers("5", suggestion="Bravo"))
    shown = results_page(client, people["trainer"], workshop)
    assert "«\u00a0Bravo\u00a0» — Léa Roux" in shown
    assert "Réponses signées (questionnaire non anonyme)\u00a0: Léa Roux." in shown
    assert Response.objects.get().respondent == people["learner"]


def test_an_anonymous_questionnaire_names_no_one_to_the_trainer(client, people, workshop):
    url = reverse("satisfaction:hot", args=[workshop.pk])
    with at("2026-11-24 11:30"):
        as_user(client, people["learner"]).post(url, hot_answers("5", suggestion="Bravo"))
        as_user(client, people["other_learner"]).post(url, hot_answers("3", suggestion="Merci"))
    shown = results_page(client, people["trainer"], workshop)
    assert "«\u00a0Bravo\u00a0»" in shown and "«\u00a0Merci\u00a0»" in shown
    for name in ("Léa", "Roux", "Omar", "Diallo", "Réponses signées"):
        assert name not in shown, name
    assert Response.objects.filter(respondent__isnull=False).count() == 0


def test_answers_posted_through_an_expired_link_are_refused_shown_back_and_not_recorded(
    client, people, workshop, smtp
):
    with at("2027-01-05 12:00"):
        services.send_cold_surveys(instant("2027-01-05 12:00"))
    token = Request.objects.get(user=people["learner"]).token
    cold = services.snapshot(services.questionnaire(Timing.COLD))
    done = next(c["id"] for c in cold[1]["choices"] if c["text"] == "Des réponses aux avis clients")
    client.logout()
    with at("2027-02-05 12:00"):  # 31 days later: the link has expired
        response = client.post(
            reverse("satisfaction:cold", args=[token]), {cold[0]["id"]: "4", cold[1]["id"]: [done]}
        )
    assert response.status_code == 404
    shown = re.sub(r"<[^>]+>", " ", page(response))
    assert "Ce lien n’est plus valable\u00a0: il a expiré ou n’existe pas." in shown
    assert "Vos réponses n’ont pas été enregistrées\u00a0; les voici, pour mémoire." in shown
    assert "Qu’avez-vous mis en pratique depuis\u00a0?" in shown
    assert "Des réponses aux avis clients" in shown
    assert not Response.objects.exists()
    assert Request.objects.get(user=people["learner"]).answered_at is None
