"""The attestation de suivi of a learner who studied alone: every lesson of the course read and
the final quiz passed give a PDF that says it is not a training certificate and states only what
the records prove (the lessons read with their dates, the passing attempt with its date and
score); issued once and kept, downloaded from "Mon espace", verified at the workshop
attestations' address, read back here with pypdf."""

import hashlib
import html
import io
import os
import re
import shutil
import subprocess
import uuid

import pytest
import segno
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from attestations.models import ExpiredAttestation, SelfStudyAttestation
from lessons.models import CoursePage
from quizzes.models import Quiz
from tests.clock import at
from tests.quiz_helpers import answers, start, submit, wrong_answer

pytestmark = pytest.mark.django_db

SPACE = reverse("accounts:space")
ISSUE = reverse("attestations:self_study_issue")
SITE = "https://atelier-reseaux.test"


def flat(content):
    """Text as read: entities decoded, typographic spaces and apostrophes plain, one line."""
    content = html.unescape(content).replace("\u2019", "'")
    return " ".join(re.sub("[\u00a0\u202f]", " ", content).split())


def page(response):
    return flat(response.content.decode())


def pdf_text(pdf):
    return flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def course():
    """The seed's course: its lessons and its final quiz."""
    return CoursePage.objects.live().get()


@pytest.fixture
def lessons(course):
    return list(course.lessons())


@pytest.fixture
def final_quiz():
    return Quiz.objects.course_quiz().get()


@pytest.fixture
def learner(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="lea@test.fr", password="x", first_name="Léa", last_name="Roux"
    )
    client.force_login(user)
    return user


def read(client, lessons):
    for lesson in lessons:  # what the lesson page's script says at the end of each lesson
        assert client.post(reverse("lessons:read", args=[lesson.pk])).status_code == 204


def take_final(client, quiz, pick=None):
    form, token = start(client, quiz.slug)
    data = answers(form, token, pick=pick) if pick else answers(form, token)
    assert submit(client, quiz.slug, data).status_code == 302


def ask(client, name="Léa Roux"):
    return client.post(ISSUE, {"learner_name": name}, follow=True)


def download(client, attestation):
    response = client.get(attestation.get_download_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attestation-de-suivi" in response["Content-Disposition"]
    return response.content


def done(client, lessons, final_quiz):
    """Everything read on 2 March, the final quiz failed on the 4th, passed on the 5th."""
    with at("2026-03-02 10:00"):
        read(client, lessons)
    with at("2026-03-04 10:00"):
        take_final(client, final_quiz, pick=wrong_answer)
    with at("2026-03-05 18:30"):
        take_final(client, final_quiz)


def test_it_needs_every_lesson_read_and_the_final_quiz_passed(client, learner, lessons, final_quiz):
    text = page(client.get(SPACE))
    assert "Mon attestation de suivi" in text and f"0 leçon lue sur {len(lessons)}" in text
    assert "ce n'est pas une attestation de formation" in text
    assert 'name="learner_name"' not in text
    read(client, lessons[:-1])
    take_final(client, final_quiz)  # passed, but one lesson unread
    assert 'name="learner_name"' not in page(client.get(SPACE))
    refused = page(ask(client))
    assert "il reste à lire toutes les leçons du cours" in refused
    assert f"{len(lessons) - 1} sur {len(lessons)} lues" in refused
    assert not SelfStudyAttestation.objects.exists()
    read(client, lessons[-1:])
    assert 'name="learner_name" id="self-study-name" value="Léa Roux"' in page(client.get(SPACE))


def test_a_failed_final_quiz_gives_nothing(client, learner, lessons, final_quiz):
    read(client, lessons)
    take_final(client, final_quiz, pick=wrong_answer)
    assert "il reste à réussir le quiz final" in page(ask(client))
    assert not SelfStudyAttestation.objects.exists()


def test_the_pdf_states_what_the_records_prove_and_how_to_verify_it(
    client, learner, lessons, final_quiz, tmp_path
):
    """Its pages are also written as PNG (pdftoppm), copied where BROWSER_SCREENSHOTS says."""
    done(client, lessons, final_quiz)
    with at("2026-03-06 09:00"):
        response = ask(client, name="  Léa   Roux ")
        assert "Votre attestation de suivi est délivrée." in page(response)
    attestation = SelfStudyAttestation.objects.get(user=learner)
    assert attestation.sha256  # printed by the task worker just after it was issued
    pdf = download(client, attestation)
    assert hashlib.sha256(pdf).hexdigest() == attestation.sha256
    text = pdf_text(pdf)
    assert "Attestation de suivi" in text and "Léa Roux" in text
    assert "n'est pas une attestation de formation" in text
    assert "aucune action de formation" in text and "aucune durée (aucune heure)" in text
    for lesson in lessons:
        assert flat(lesson.title) in text
    assert text.count("2 mars 2026") == len(lessons)
    assert flat(final_quiz.title) in text and "5 mars 2026" in text and "100 %" in text
    assert "4 mars 2026" not in text  # the failed attempt is not what it cites
    verify_url = SITE + attestation.get_verify_url()
    assert verify_url in text.replace(" ", "") or verify_url in text
    # The QR code leads to the same address.
    matrix = segno.make(verify_url, error="m").matrix
    squares = [i.image for p in PdfReader(io.BytesIO(pdf)).pages for i in p.images]
    assert any(image.size == (len(matrix), len(matrix)) for image in squares)
    # No hours anywhere, no training action named.
    assert "heures" not in text and "L6313-1" not in text
    path = tmp_path / "attestation-de-suivi.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "suivi")], check=True)
    pages = sorted(tmp_path.glob("suivi-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(pdf)).pages)
    if os.environ.get("BROWSER_SCREENSHOTS"):
        for png in pages:
            shutil.copy(png, os.environ["BROWSER_SCREENSHOTS"])


def test_it_is_issued_once_and_downloads_the_same_bytes(client, learner, lessons, final_quiz):
    done(client, lessons, final_quiz)
    ask(client)
    attestation = SelfStudyAttestation.objects.get()
    first = download(client, attestation)
    again = page(ask(client, name="Léa Roux-Martin"))
    assert "était déjà délivrée" in again
    take_final(client, final_quiz)  # a later pass changes nothing issued
    assert SelfStudyAttestation.objects.count() == 1
    assert download(client, attestation) == first
    attestation.refresh_from_db()
    assert attestation.learner_name == "Léa Roux" and attestation.content["learner"] == "Léa Roux"
    space = page(client.get(SPACE))
    assert "Télécharger mon attestation de suivi (PDF)" in space
    assert attestation.get_download_url() in space and attestation.get_verify_url() in space


def test_only_its_learner_downloads_it(client, learner, lessons, final_quiz, django_user_model):
    done(client, lessons, final_quiz)
    ask(client)
    attestation = SelfStudyAttestation.objects.get()
    other = Client()
    other.force_login(django_user_model.objects.create_user(email="omar@test.fr", password="x"))
    assert other.get(attestation.get_download_url()).status_code == 404
    anonymous = Client().get(attestation.get_download_url())
    assert anonymous.status_code == 302 and "/compte/connexion/" in anonymous.url


def test_a_name_is_needed(client, learner, lessons, final_quiz):
    done(client, lessons, final_quiz)
    assert "Indiquez votre nom" in page(ask(client, name="   "))
    assert "Indiquez votre nom" in page(ask(client, name="x" * 151))
    assert not SelfStudyAttestation.objects.exists()


def test_the_verification_page_confirms_it_and_says_aucune_for_a_forged_code(
    client, learner, lessons, final_quiz
):
    done(client, lessons, final_quiz)
    with at("2026-03-06 09:00"):
        ask(client)
    attestation = SelfStudyAttestation.objects.get()
    pdf = download(client, attestation)
    visitor = Client()
    response = visitor.get(attestation.get_verify_url())
    assert response.status_code == 200
    text = page(response)
    assert "Cette attestation de suivi est authentique" in text
    assert "Léa Roux" in text and "6 mars 2026" in text
    assert "Ce n'est pas une attestation de formation" in text
    assert flat(lessons[0].title) in text and "lue le 2 mars 2026" in text
    assert "réussi le 5 mars 2026 avec 100 %" in text
    assert attestation.sha256 in text
    # The PDF received is compared by its digest; a copy changed by one byte is not.
    same = visitor.post(
        attestation.get_verify_url(),
        {"document": SimpleUploadedFile("a.pdf", pdf, "application/pdf")},
    )
    assert "Le fichier déposé est identique au document délivré" in page(same)
    changed = visitor.post(
        attestation.get_verify_url(),
        {"document": SimpleUploadedFile("a.pdf", pdf[:-1] + b"%", "application/pdf")},
    )
    assert "n'est pas un document délivré" in page(changed)
    forged = visitor.get(reverse("attestations:verify", args=[uuid.uuid4()]))
    assert forged.status_code == 404
    assert "Aucune attestation ne correspond à cette adresse" in page(forged)


def test_deleting_the_account_deletes_it_and_its_address_says_it_existed(
    client, learner, lessons, final_quiz
):
    done(client, lessons, final_quiz)
    with at("2026-03-06 09:00"):
        ask(client)
    attestation = SelfStudyAttestation.objects.get()
    data = client.get(reverse("accounts:my_data_download")).json()
    (exported,) = data["attestations_de_suivi"]
    assert exported["contenu"]["learner"] == "Léa Roux"
    with at("2026-05-01 12:00"):
        learner.delete()
    assert not SelfStudyAttestation.objects.exists()
    trace = ExpiredAttestation.objects.get(token=attestation.token)
    assert trace.kind == ExpiredAttestation.Kind.SELF_STUDY
    text = page(Client().get(attestation.get_verify_url()))
    assert "Ce document a existé : Attestation de suivi du cours en ligne" in text
    assert "supprimées avec le compte de la personne, le 1 mai 2026" in text
    assert "Léa" not in text
