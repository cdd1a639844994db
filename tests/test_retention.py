"""Training evidence outlives the learner's account, for the period the certificate itself states
(counted from the end of the year of the action's last payment), and no longer; what stays of
it after the purge still answers at its verification address; and deleting an account changes
nothing of a workshop's evidence: its sheets, attestations and group report."""

import io
import json
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import strip_tags
from pypdf import PdfReader

from attestations.models import Attestation, ExpiredAttestation
from quizzes.models import Attempt
from tests.clock import instant
from tests.document_helpers import sign_and_stamp
from tests.factories import QuizFactory, StatisticFactory, UserFactory, questions_of_each_kind
from tests.quiz_helpers import answers, wrong_answer
from tests.quiz_helpers import start as start_quiz
from tests.quiz_helpers import submit as submit_quiz
from tests.workshop_helpers import PASSWORD, assign, held_session, make_workshop, take
from workshops.models import AssignmentProgress, EntryReopening, TrainingBody

pytestmark = pytest.mark.django_db

# The workshop's two sessions, and so the year its evidence is counted from (no payment year).
DAY = "2026-11-23"


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def page_text(response):
    text = strip_tags(response.content.decode()).replace("\u00a0", " ").replace("&#x27;", "'")
    return " ".join(text.split())


def purge():
    call_command("purge_expired_data", stdout=io.StringIO())


@pytest.fixture
def training(people, clock):
    """A one-day workshop (two sessions) with Léa, Omar and Sam, an entry and a final test, the
    training body filled in; Léa and Omar came to both sessions, Sam to the morning only."""
    clock.move_to(f"{DAY} 08:00")
    body = TrainingBody.load()
    body.name, body.city = "CCI Formation Loire", "Saint-Étienne"
    body.declaration_number, body.signatory = "84420000042", "Claire Martin, directrice"
    sign_and_stamp(body)
    lea, omar = people["learner"], people["other_learner"]
    sam = UserFactory(email="sam@test.fr", first_name="Sam", last_name="Bernard")
    workshop, entry = make_workshop(people["trainer"], [lea, omar, sam], stage="entry")
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.starts_on = workshop.ends_on = date.fromisoformat(DAY)
    workshop.duration_hours = Decimal("7")
    workshop.save()
    final = assign(
        workshop,
        QuizFactory(
            lesson=None, questions=questions_of_each_kind(entry.quiz.lesson, StatisticFactory())
        ),
        stage="final",
    )
    day = date.fromisoformat(DAY)
    held_session(workshop, people["trainer"], [lea, omar, sam], day, "09:00", "12:30")
    held_session(workshop, people["trainer"], [lea, omar], day, "13:30", "17:00")
    return {"workshop": workshop, "entry": entry, "final": final, "learners": [lea, omar, sam]}


def sat_the_tests(client, clock, training):
    """Before the first session, Léa gets the entry test wrong, Omar right, Sam wrong; during
    the last one, Léa and Omar get the final test right; Sam, gone at noon, never takes it."""
    lea, omar, sam = training["learners"]
    clock.move_to(f"{DAY} 08:30")
    for learner, pick in ((lea, wrong_answer), (omar, None), (sam, wrong_answer)):
        assert take(as_user(client, learner), training["entry"], pick=pick).status_code == 302
    clock.move_to(f"{DAY} 16:30")
    for learner in (lea, omar):
        assert take(as_user(client, learner), training["final"]).status_code == 302
    clock.move_to(f"{DAY} 17:30")


def issue_all(client, trainer, workshop):
    response = as_user(client, trainer).post(reverse("attestations:issue", args=[workshop.pk]))
    assert response.status_code == 302
    return {a.user_id: a for a in Attestation.objects.current().filter(workshop=workshop)}


# After the purge: the verification address still answers.


def test_the_purge_leaves_a_verification_record_without_personal_data(
    client, people, training, clock
):
    lea = training["learners"][0]
    clock.move_to(f"{DAY} 17:30")
    attestation = issue_all(client, people["trainer"], training["workshop"])[lea.pk]
    address = attestation.get_verify_url()
    # 31 December 2029 (2026 + 3 years), its last second in Paris: still the whole attestation.
    clock.move_to("2029-12-31 23:59:59")
    purge()
    assert "authentique" in page_text(client.get(address))
    clock.move_to("2030-01-01 00:00:01")
    purge()
    assert not Attestation.objects.filter(pk=attestation.pk).exists()
    response = client.get(address)
    assert response.status_code == 200
    text = page_text(response)
    assert "Ce document a existé" in text
    assert "Attestation de fin de formation et certificat de réalisation" in text
    assert "délivré par CCI Formation Loire le 23 novembre 2026" in text
    assert (
        "Ses données personnelles ont été supprimées à la fin de la durée légale de "
        "conservation, le 1 janvier 2030" in text
    )
    assert "Aucune attestation" not in text
    for personal in ("Léa", "Roux", "lea@test.fr", training["workshop"].name):
        assert personal not in text, personal
    kept = ExpiredAttestation.objects.get(token=attestation.token)
    assert kept.personal_data_deleted_at == instant("2030-01-01 00:00:01")
    # Another purge changes nothing of it.
    clock.move_to("2031-06-01 12:00")
    purge()
    assert ExpiredAttestation.objects.get(token=attestation.token) == kept


# Deleting an account changes nothing of a workshop's evidence.


def group_report(client, trainer, workshop):
    """The group report as the trainer prepares it (a background job), and its text."""
    response = as_user(client, trainer).post(
        reverse("attestations:prepare_report", args=[workshop.pk])
    )
    assert response.status_code == 302 and response.url.startswith("/travaux/"), response
    page = client.get(response.url).content.decode()
    download = re.search(r'href="(/travaux/[^"]+/fichier/)"', page).group(1)
    content = b"".join(client.get(download).streaming_content)
    return content, "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def deletes_account(client, learner):
    response = as_user(client, learner).post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not type(learner).objects.filter(pk=learner.pk).exists()
    return response


def test_deleting_an_account_leaves_the_group_report_as_it_was(client, people, training, clock):
    sat_the_tests(client, clock, training)
    issue_all(client, people["trainer"], training["workshop"])
    omar = training["learners"][1]
    # Omar also tried a public quiz, outside any workshop: that attempt goes with his account.
    as_user(client, omar)
    public = QuizFactory()
    form, token = start_quiz(client, public.slug)
    assert submit_quiz(client, public.slug, answers(form, token)).status_code == 302
    standalone = Attempt.objects.filter(user=omar, assigned=False)
    assert standalone.exists()
    standalone_ids = list(standalone.values_list("pk", flat=True))
    in_workshop = list(Attempt.objects.filter(user=omar, assigned=True).values_list("pk", "score"))
    assert len(in_workshop) == 2

    before, before_text = group_report(client, people["trainer"], training["workshop"])
    # The group's figures: Léa and Omar took both tests (entry 0 % and 100 %: 50 %).
    for expected in ("Omar Diallo", "Moyenne du groupe", "50 %"):
        assert expected in before_text.replace("\u00a0", " "), expected
    deletes_account(client, omar)
    after, after_text = group_report(client, people["trainer"], training["workshop"])

    assert after_text == before_text
    assert after == before  # the same clock: the same bytes
    # His attempts in the workshop stay, without his account, name or e-mail; the other goes.
    kept = Attempt.objects.filter(pk__in=[pk for pk, _score in in_workshop])
    assert sorted(kept.values_list("pk", "score")) == sorted(in_workshop)
    assert not kept.exclude(user=None).exists()
    assert not Attempt.objects.filter(pk__in=standalone_ids).exists()
    assert AssignmentProgress.objects.filter(user=None).count() == 2


def test_the_trainer_s_roster_shows_a_member_whose_account_is_deleted(client, people, training):
    """The workshop's page named its members through their account: after one deleted theirs
    it answered 500. Their line stays, named as the sheets name them, without an e-mail or a
    "Retirer" that would act on no account."""
    omar = training["learners"][1]
    deletes_account(client, omar)
    response = as_user(client, people["trainer"]).get(
        reverse("workshops:detail", args=[training["workshop"].pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    roster = html[html.index('aria-label="Participants"') :]
    roster = roster[: roster.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', roster, re.S)
    (former,) = [row for row in rows if '"row">Omar Diallo<' in row]
    assert "compte supprimé" in former and "Retirer" not in former
    assert sum("Retirer" in row for row in rows) == len(rows) - 1


def test_a_reopened_entry_test_counts_the_same_after_the_learner_s_account_is_deleted(
    client, people, training, clock
):
    """The trainer's reopening says which entry attempt counts: it stays with the attempts."""
    sat_the_tests(client, clock, training)
    lea = training["learners"][0]
    workshop = training["workshop"]
    as_user(client, people["trainer"]).post(
        reverse("workshops:reopen_entry", args=[workshop.pk]),
        {"user": lea.pk, "reason": "Absente au positionnement du matin (certificat médical)."},
    )
    clock.move_to(f"{DAY} 17:40")
    assert take(as_user(client, lea), training["entry"]).status_code == 302
    clock.move_to(f"{DAY} 17:45")
    before, before_text = group_report(client, people["trainer"], workshop)
    deletes_account(client, lea)
    after, after_text = group_report(client, people["trainer"], workshop)
    assert after_text == before_text and after == before
    (reopening,) = EntryReopening.objects.all()
    assert (reopening.user, reopening.former_user_id) == (None, lea.pk)
    assert reopening.reason.startswith("Absente au positionnement")
    # It keeps its reason (why the later attempt counts), not her name.
    assert reopening.learner_name == ""
    results = page_text(
        as_user(client, people["trainer"]).get(reverse("workshops:results", args=[workshop.pk]))
    )
    assert "Rouvert pour un participant dont le compte a été supprimé par Tina" in results
    # It goes at the end of the retention period (2026 + 3 years), with the other results.
    clock.move_to("2029-12-31 23:59:59")
    purge()
    assert EntryReopening.objects.filter(pk=reopening.pk).exists()
    clock.move_to("2030-01-01 00:00:01")
    purge()
    assert not EntryReopening.objects.exists()


def test_the_deletion_page_and_its_confirmation_say_what_is_kept_and_until_when(
    client, people, training, clock
):
    sat_the_tests(client, clock, training)
    workshop = training["workshop"]
    issue_all(client, people["trainer"], workshop)
    omar = training["learners"][1]
    trainer = as_user(client, people["trainer"])
    assert trainer.post(reverse("convocations:send", args=[workshop.pk])).status_code == 302
    trainer.post(
        reverse("workshops:reopen_entry", args=[workshop.pk]),
        {"user": omar.pk, "reason": "Test passé sur un téléphone en panne"},
    )
    # The learner's export holds the reopening.
    export = json.loads(as_user(client, omar).get(reverse("accounts:my_data_download")).content)
    (reopening,) = export["reouvertures_du_test_d_entree"]
    assert reopening["motif"] == "Test passé sur un téléphone en panne"
    assert (reopening["atelier"], reopening["rouvert_par"]) == (workshop.name, "Tina")
    kept = [  # 2026, the year of its last session, + 3 years (+ 6 for the sheets)
        "Atelier « Réseaux sociaux pour artisans » : votre nom dans la liste des participants et "
        "vos réponses à ses quiz, détachées de votre compte et de votre e-mail, jusqu’au "
        "31 décembre 2029",
        "Atelier « Réseaux sociaux pour artisans » : vos signatures sur ses feuilles "
        "d’émargement, sous votre nom, jusqu’au 31 décembre 2032.",
        "Atelier « Réseaux sociaux pour artisans » : les attestations et certificats qui vous "
        "ont été délivrés, sous votre nom, jusqu’au 31 décembre 2029",
        "Atelier « Réseaux sociaux pour artisans » : les convocations et rappels qui vous ont "
        "été envoyés, à votre nom et à votre adresse e-mail (omar@test.fr), jusqu’au "
        "31 décembre 2029.",
        "Atelier « Réseaux sociaux pour artisans » : la réouverture de votre test d’entrée par le "
        "formateur, avec son motif (« Test passé sur un téléphone en panne »), sans votre nom, "
        "jusqu’au 31 décembre 2029 : elle dit laquelle de vos réponses compte dans les "
        "résultats du groupe.",
    ]
    page = page_text(as_user(client, omar).get(reverse("accounts:delete")))
    for line in kept:
        assert line in page, line
    # The page's own summary names every kind of piece kept, and how long.
    for kind in (
        "vos signatures sur les feuilles d’émargement, sous votre nom (6 ans)",
        "les convocations et rappels qui vous ont été envoyés, à votre nom et à votre adresse "
        "e-mail (3 ans)",
        "les réouvertures de votre test d’entrée par le formateur, avec leur motif mais sans "
        "votre nom (3 ans)",
    ):
        assert kind in page, kind
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    (message,) = [str(message) for message in get_messages(response.wsgi_request)]
    assert message.startswith("Votre compte a été supprimé")
    for line in kept:  # the message as written; the page that shows it typesets it
        assert line.replace("’", "'") in message, line
    # A learner of a workshop that has not begun keeps nothing, and is told so.
    newcomer = UserFactory(email="nina@test.fr", first_name="Nina", last_name="Petit")
    later, _assignment = make_workshop(people["trainer"], [newcomer])
    later.starts_on = date.fromisoformat(DAY) + timedelta(days=30)
    later.save()
    page = page_text(as_user(client, newcomer).get(reverse("accounts:delete")))
    assert "Vous n’avez aucune pièce de ce genre : tout sera supprimé." in page
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    (message,) = [str(message) for message in get_messages(response.wsgi_request)]
    assert message == "Votre compte et toutes vos données ont été supprimés."
    assert not later.memberships.exists()


# The period the certificate states is a floor.


@pytest.mark.parametrize("years, refused", [(2, True), (0, True), (3, False), (10, False)])
def test_the_certificate_retention_cannot_be_shorter_than_the_certificate_says(
    settings, years, refused
):
    """The certificate promises its proofs are kept three years: a shorter setting stops the
    site (a system check error) instead of purging them early."""
    from django.core.management.base import SystemCheckError

    settings.CERTIFICATE_RETENTION_YEARS = years
    out = io.StringIO()
    if refused:
        with pytest.raises(SystemCheckError) as error:
            call_command("check", stdout=out, stderr=out)
        assert "attestations.E001" in str(error.value)
        assert f"CERTIFICATE_RETENTION_YEARS is {years}" in str(error.value)
    else:
        call_command("check", stdout=out, stderr=out)
        assert "attestations.E001" not in out.getvalue()
