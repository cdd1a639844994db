"""Training evidence outlives the learner's account, for the period the certificate itself states
(counted from the end of the year of the action's last payment), and no longer; what stays of
it after the purge still answers at its verification address; and deleting an account changes
nothing of a workshop's evidence: its sheets, attestations and group report."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import strip_tags

from attestations.models import Attestation, ExpiredAttestation
from tests.clock import instant
from tests.factories import QuizFactory, StatisticFactory, questions_of_each_kind
from tests.quiz_helpers import wrong_answer
from tests.workshop_helpers import assign, held_session, make_workshop, take
from workshops.models import TrainingBody

pytestmark = pytest.mark.django_db

# The workshop's two sessions, and so the year its evidence is counted from (no payment year).
DAY = "2026-11-23"


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def page_text(response):
    return " ".join(strip_tags(response.content.decode()).replace("\u00a0", " ").split())


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
    body.save()
    lea, omar = people["learner"], people["other_learner"]
    sam = type(lea).objects.create_user(
        email="sam@test.fr", password="x", first_name="Sam", last_name="Bernard"
    )
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
