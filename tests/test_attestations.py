"""Qualiopi evidence: entry and final tests compared, and the attestations, certificates and
group report, read back from the PDFs themselves (attendance: tests/test_attendance.py)."""

import io
import re
import subprocess
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from attendance.models import Presence
from attestations.models import Attestation
from tests.clock import at, instant
from tests.document_helpers import sign_and_stamp
from tests.factories import QuizFactory, StatisticFactory, questions_of_each_kind
from tests.quiz_helpers import wrong_answer
from tests.workshop_helpers import assign, held_session, make_workshop, take
from workshops.models import Stage, TrainingBody

pytestmark = pytest.mark.django_db


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def flat(text):
    """PDF text with its line breaks and non-breaking spaces as plain spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture
def body():
    settings = TrainingBody.load()
    settings.name = "CCI Formation Loire"
    settings.address = "12 rue des Arts\n42000 Saint-Étienne"
    settings.declaration_number = "84420000042"
    settings.signatory = "Claire Martin, directrice"
    settings.city = "Saint-Étienne"
    return sign_and_stamp(settings)


ENTRY_TAKEN = "2026-11-23 08:30"  # the morning of the first session, before it starts


@pytest.fixture
def course(people, django_user_model, body):
    """A two-day workshop of 14 hours with Léa and Omar, an entry test on a lesson and a final
    test of the whole course, which asks about the same lesson sections."""
    omar = people["other_learner"]
    # The entry test, taken before the first session (tests take it at ENTRY_TAKEN).
    workshop, entry = make_workshop(
        people["trainer"],
        [people["learner"], omar],
        stage="entry",
        opens_at=instant("2026-11-16 09:00"),
        due_at=instant("2026-11-23 09:00"),
    )
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.starts_on, workshop.ends_on = date(2026, 11, 23), date(2026, 11, 24)
    workshop.duration_hours = Decimal("14")
    workshop.save()
    lesson = entry.quiz.lesson
    whole_course = QuizFactory(
        lesson=None, questions=questions_of_each_kind(lesson, StatisticFactory())
    )
    final = assign(workshop, whole_course, stage="final")
    # The first morning took place: both signed, the trainer countersigned.
    held_session(workshop, people["trainer"], [people["learner"], omar], date(2026, 11, 23))
    return {"workshop": workshop, "entry": entry, "final": final, "omar": omar}


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


# Entry and final tests.


def test_entry_and_final_tests_compare_each_learner_the_group_and_each_section(
    client, people, course
):
    learner, omar = people["learner"], course["omar"]
    as_user(client, learner)
    with at(ENTRY_TAKEN):
        take(client, course["entry"], pick=wrong_answer)
    take(client, course["final"])
    as_user(client, omar)
    with at(ENTRY_TAKEN):
        take(client, course["entry"])
    take(client, course["final"])

    page = as_user(client, people["trainer"]).get(
        reverse("workshops:detail", args=[course["workshop"].pk])
    )
    html = page.content.decode()
    positioning = page.context["positioning"]
    rows = {row.learner.name: row for row in positioning.learners}
    assert (rows["Léa Roux"].entry, rows["Léa Roux"].final) == (0, 100)
    assert rows["Léa Roux"].change == "+100\u00a0points"
    assert (rows["Omar Diallo"].entry, rows["Omar Diallo"].final) == (100, 100)
    assert rows["Omar Diallo"].change == "="
    assert positioning.entry_average == 50 and positioning.final_average == 100
    assert "Moyenne du groupe" in html and "+50\u00a0points" in html
    # Sections: named by lesson and heading, right answers before and after.
    assert positioning.sections
    for section in positioning.sections:
        assert section.title and "#" not in section.title
    improved = [s for s in positioning.sections if s.entry_rate is not None and s.final_rate]
    assert improved and all(s.improved for s in improved if s.final_rate > s.entry_rate)

    mine = as_user(client, learner).get(reverse("accounts:space")).content.decode()
    assert "Mes formations" in mine and course["workshop"].name in mine
    assert "0\u00a0%" in mine and "100\u00a0%" in mine


def test_one_entry_and_one_final_test_per_workshop(client, people, course):
    other = assign(course["workshop"])
    response = as_user(client, people["trainer"]).post(
        reverse("workshops:edit_assignment", args=[other.pk]),
        {
            "opens_at": other.opens_at.strftime("%Y-%m-%dT%H:%M"),
            "due_at": other.due_at.strftime("%Y-%m-%dT%H:%M"),
            "scoring_rule": "best",
            "reveal": "submission",
            "stage": "final",
            "confirm_public": "on",
        },
    )
    assert response.status_code == 200
    assert "est déjà test final" in response.content.decode()
    other.refresh_from_db()
    assert other.stage == Stage.NONE


# Attestations.


def issue_all(client, trainer, workshop):
    response = as_user(client, trainer).post(reverse("attestations:issue", args=[workshop.pk]))
    assert response.status_code == 302
    return {a.user_id: a for a in Attestation.objects.current().filter(workshop=workshop)}


def test_an_attestation_states_the_law_s_content_with_the_learner_s_results(client, people, course):
    learner = people["learner"]
    as_user(client, learner)
    with at(ENTRY_TAKEN):
        take(client, course["entry"], pick=wrong_answer)
    take(client, course["final"])
    # The afternoon: Omar alone (3 h 30 min).
    held_session(
        course["workshop"],
        people["trainer"],
        [course["omar"]],
        date(2026, 11, 23),
        "13:30",
        "17:00",
    )
    attestation = issue_all(client, people["trainer"], course["workshop"])[learner.pk]

    response = as_user(client, learner).get(attestation.get_download_url())
    assert response["Content-Type"] == "application/pdf"
    raw, reader = pdf_text(response.content)
    text = flat(raw)
    for expected in [
        "Attestation de fin de formation",
        "L6353-1",
        "CCI Formation Loire",
        "84420000042",
        "Léa Roux",
        "Réseaux sociaux pour artisans",
        "du 23 novembre 2026 au 24 novembre 2026",
        "14 heures",
        "Action de formation",
        "Présence : 1 séance sur 2",
        "Positionnement à l’entrée : 0 %",
        "Évaluation des acquis en fin de formation (test final) : 100 %.",
        attestation.get_verify_url(),
    ]:
        assert expected in text, expected
    for quiz in (course["entry"].quiz, course["final"].quiz):
        assert quiz.title in text
    assert "Objectifs de la formation" in text
    # French typography, as on the site: no line may start with a colon or a percent sign.
    assert "Présence\u00a0: 1" in raw and "0\u00a0%" in raw
    assert not re.search(r"[ \n][:;?!»%]", raw)
    assert reader.metadata.title.startswith("Attestation de fin de formation · Léa Roux")
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged: headings, tables

    certificate = client.get(attestation.get_download_url("certificat"))
    text = flat(pdf_text(certificate.content)[0])
    assert "Certificat de réalisation" in text and "Léa Roux" in text
    # The hours of the sessions she signed, not a share of the planned 14.
    assert "Durée réalisée 3,5 heures" in text
    assert "(présence à 1 séance sur 2, selon les feuilles d’émargement contresignées)" in text
    # Its signature, stamp, QR code and digest: tests/test_documents.py.


def test_the_learner_s_employer_is_on_the_certificate_the_attestation_and_its_verification(
    client, people, course
):
    course["workshop"].memberships.filter(user=people["learner"]).update(
        company="Fleurs de Saison SARL"
    )
    issued = issue_all(client, people["trainer"], course["workshop"])
    lea, omar = issued[people["learner"].pk], issued[course["omar"].pk]
    as_user(client, people["learner"])
    text = flat(pdf_text(client.get(lea.get_download_url("certificat")).content)[0])
    assert "Stagiaire Léa Roux Salarié(e) de l’entreprise Fleurs de Saison SARL" in text
    text = flat(pdf_text(client.get(lea.get_download_url()).content)[0])
    assert "Léa Roux, salarié(e) de l’entreprise Fleurs de Saison SARL, a suivi" in text
    html = client.get(lea.get_verify_url()).content.decode()
    assert "Fleurs de Saison SARL" in html
    # Omar gave no employer: no empty line stands for one.
    as_user(client, course["omar"])
    text = flat(pdf_text(client.get(omar.get_download_url("certificat")).content)[0])
    assert "Salarié(e)" not in text and "Omar Diallo" in text


def test_the_certificate_s_signatory_undertakes_to_keep_its_proofs_as_the_ministry_s_model_says(
    client, people, course
):
    """The retention sentence is the signatory's own undertaking (« je m'engage »), above the
    signature, with the period the purge keeps the proofs for (3 years, CERTIFICATE_RETENTION)."""
    lea = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    as_user(client, people["learner"])
    text = flat(pdf_text(client.get(lea.get_download_url("certificat")).content)[0])
    assert (
        "je m’engage à conserver l’ensemble des pièces justificatives qui ont permis d’établir "
        "le présent certificat pendant une durée de 3 ans à compter de la fin de l’année du "
        "dernier paiement"
    ) in text
    assert "bénéficiaire s’engage" not in text


def test_no_final_test_gives_an_attestation_of_attendance_marked_as_such(client, people, course):
    attestation = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    text = flat(pdf_text(client.get(attestation.get_download_url()).content)[0])
    assert "Attestation d’assiduité, sans résultats d’évaluation" in text
    assert "n’a pas passé le test final" in text


def follow_job(client, response):
    """The job page a "Préparer" button leads to, and the file it offers once done."""
    assert response.status_code == 302 and response.url.startswith("/travaux/"), response
    page = client.get(response.url).content.decode()
    assert "C’est prêt." in page, page
    download = re.search(r'href="(/travaux/[^"]+/fichier/)"', page).group(1)
    return page, b"".join(client.get(download).streaming_content)


def test_the_trainer_prepares_a_zip_of_every_attestation_and_certificate_and_the_group_report(
    client, people, course
):
    as_user(client, course["omar"])
    take(client, course["final"])
    issue_all(client, people["trainer"], course["workshop"])
    workshop = course["workshop"].pk
    page, content = follow_job(
        client, client.post(reverse("attestations:prepare_documents", args=[workshop]))
    )
    assert "Télécharger attestations-" in page and ".zip" in page
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.namelist() == [  # surname first, in alphabetical order
        "Diallo Omar - attestation.pdf",
        "Diallo Omar - certificat.pdf",
        "Roux Léa - attestation.pdf",
        "Roux Léa - certificat.pdf",
    ]
    assert "Omar Diallo" in flat(pdf_text(archive.read("Diallo Omar - attestation.pdf"))[0])
    assert "Omar Diallo" in flat(pdf_text(archive.read("Diallo Omar - certificat.pdf"))[0])
    # The workshop's page says it is ready, and where.
    html = client.get(reverse("attestations:workshop", args=[workshop])).content.decode()
    assert "Attestations et certificats" in html and "prêt le" in html

    _page, content = follow_job(
        client, client.post(reverse("attestations:prepare_report", args=[workshop]))
    )
    text = flat(pdf_text(content)[0])
    for expected in ["Rapport de l’atelier", "Léa Roux", "Omar Diallo", "Réussite par question"]:
        assert expected in text, expected
    assert course["final"].quiz.title in text and "100 %" in text


def test_attestations_wait_for_the_workshop_s_dates_duration_and_training_body(
    client, people, course
):
    workshop = course["workshop"]
    workshop.duration_hours = None
    workshop.save()
    response = as_user(client, people["trainer"]).post(
        reverse("attestations:issue", args=[workshop.pk]), follow=True
    )
    assert "la durée de l’atelier en heures" in response.content.decode()
    assert not Attestation.objects.exists()


def test_who_may_download_an_attestation(client, people, course):
    learner = people["learner"]
    attestations = issue_all(client, people["trainer"], course["workshop"])
    mine, omars = attestations[learner.pk], attestations[course["omar"].pk]
    as_user(client, learner)
    assert client.get(mine.get_download_url()).status_code == 200
    assert client.get(omars.get_download_url()).status_code == 404
    as_user(client, people["other_trainer"])
    assert client.get(mine.get_download_url()).status_code == 404
    response = client.post(reverse("attestations:issue", args=[course["workshop"].pk]))
    assert response.status_code == 404
    # Revoked: no longer downloadable, and the verification page says so.
    as_user(client, people["trainer"]).post(
        reverse("attestations:revoke", args=[mine.token]), {"reason": "Erreur de nom"}
    )
    as_user(client, learner)
    assert client.get(mine.get_download_url()).status_code == 404


def test_the_verification_page_says_issued_revoked_or_unknown(client, people, course):
    as_user(client, people["learner"])
    take(client, course["final"])
    attestation = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    client.logout()
    page = client.get(attestation.get_verify_url()).content.decode()
    assert "authentique" in page and "Léa Roux" in page and "CCI Formation Loire" in page
    # What it certifies (tests/test_documents.py), never the learner's e-mail.
    assert "lea@test.fr" not in page

    as_user(client, people["trainer"]).post(
        reverse("attestations:revoke", args=[attestation.token]), {"reason": "Erreur de date"}
    )
    client.logout()
    assert "a été révoquée" in client.get(attestation.get_verify_url()).content.decode()
    unknown = client.get(
        reverse("attestations:verify", args=["00000000-0000-4000-8000-000000000000"])
    )
    assert unknown.status_code == 404
    assert "Aucune attestation ne correspond" in unknown.content.decode()


def test_issuing_again_to_those_without_one_revokes_nothing(client, people, course):
    first = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    again = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    assert again == first and Attestation.objects.count() == 2
    first.refresh_from_db()
    assert first.revoked_at is None


def test_reissuing_all_is_confirmed_lists_what_it_revokes_and_names_the_replacements(
    client, people, course
):
    workshop, trainer = course["workshop"], people["trainer"]
    first = issue_all(client, trainer, workshop)
    url = reverse("attestations:reissue_all", args=[workshop.pk])
    page = client.get(url).content.decode()
    assert "Les 2 attestations révoquées" in page
    assert "Léa Roux, délivrée le" in page and "Omar Diallo, délivrée le" in page
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Indiquez le motif" in response.content.decode()
    assert Attestation.objects.current().count() == 2 and Attestation.objects.count() == 2
    client.post(url, {"reason": "Test final corrigé"})
    old = Attestation.objects.get(pk=first[people["learner"].pk].pk)
    new = Attestation.objects.current().get(user=people["learner"])
    assert old.revoked_by == trainer and old.revocation_reason == "Test final corrigé"
    assert old.replaced_by == new
    client.logout()
    verdict = client.get(old.get_verify_url()).content.decode()
    assert "a été révoquée" in verdict and "Test final corrigé" in verdict
    assert new.get_verify_url() in verdict


def test_a_no_show_gets_nothing_unless_the_trainer_gives_a_reason(
    client, people, course, django_user_model
):
    workshop, trainer = course["workshop"], people["trainer"]
    zoe = django_user_model.objects.create_user(
        email="zoe@test.fr", first_name="Zoé", last_name="Petit"
    )
    workshop.memberships.create(user=zoe)
    response = as_user(client, trainer).post(
        reverse("attestations:issue", args=[workshop.pk]), follow=True
    )
    page = response.content.decode().replace("\u00a0", " ")
    assert "2 attestations délivrées ; leurs documents s’impriment." in page or (
        "2 attestations délivrées ; leurs documents s&#x27;impriment." in page
    )
    assert "pas d’attestation pour : Zoé Petit" in page
    assert not Attestation.objects.filter(user=zoe).exists()
    # Named alone: still nothing.
    client.post(reverse("attestations:issue", args=[workshop.pk]), {"user": zoe.pk})
    assert not Attestation.objects.filter(user=zoe).exists()
    # The trainer's own choice, with a reason: 0 hour realised, and the reason kept.
    url = reverse("attestations:issue_without_attendance", args=[workshop.pk, zoe.pk])
    client.post(url, {"reason": ""})
    assert not Attestation.objects.filter(user=zoe).exists()
    client.post(url, {"reason": "Présente, mais la feuille de l'après-midi est perdue"})
    attestation = Attestation.objects.get(user=zoe)
    assert attestation.issued_reason.startswith("Présente, mais")
    assert attestation.content["attendance"]["hours_completed"] == "0.00"
    # Reissued (hers alone, then everyone's), her replacement keeps the trainer's reason.
    client.post(
        reverse("attestations:reissue", args=[attestation.token]), {"reason": "Nom corrigé"}
    )
    client.post(
        reverse("attestations:reissue_all", args=[workshop.pk]), {"reason": "Test final corrigé"}
    )
    first, second, third = Attestation.objects.filter(user=zoe).order_by("pk")
    assert third == Attestation.objects.current().get(user=zoe) != second
    assert (first.revocation_reason, second.revocation_reason) == (
        "Nom corrigé",
        "Test final corrigé",
    )
    for issued in (second, third):
        assert issued.issued_reason == "Présente, mais la feuille de l'après-midi est perdue"


def test_revoking_one_attestation_needs_a_reason_and_a_confirmation(client, people, course):
    attestation = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    url = reverse("attestations:revoke", args=[attestation.token])
    page = client.get(url).content.decode()
    assert "Révoquer l’attestation de Léa Roux" in page
    attestation.refresh_from_db()
    assert attestation.revoked_at is None  # opening the page changes nothing
    client.post(url, {"reason": ""})
    attestation.refresh_from_db()
    assert attestation.revoked_at is None
    client.post(url, {"reason": "Inscrite par erreur"})
    attestation.refresh_from_db()
    assert attestation.revoked_at and attestation.revocation_reason == "Inscrite par erreur"
    assert attestation.replaced_by is None


def test_an_attestation_revoked_then_issued_again_names_its_replacement(client, people, course):
    workshop, learner = course["workshop"], people["learner"]
    first = issue_all(client, people["trainer"], workshop)[learner.pk]
    client.post(reverse("attestations:revoke", args=[first.token]), {"reason": "Nom mal écrit"})
    first.refresh_from_db()
    assert first.revoked_at and first.replaced_by is None  # nothing replaces it yet
    # Issued again from the learner's line ("Délivrer"), later.
    client.post(reverse("attestations:issue", args=[workshop.pk]), {"user": learner.pk})
    new = Attestation.objects.current().get(user=learner)
    first.refresh_from_db()
    assert first.replaced_by == new and new.replaced_by is None
    other = Attestation.objects.get(user=people["other_learner"])
    assert other.replaced_by is None and other.revoked_at is None
    client.logout()
    verdict = client.get(first.get_verify_url()).content.decode()
    assert "a été révoquée" in verdict and "Nom mal écrit" in verdict
    assert new.get_verify_url() in verdict


def test_every_letter_of_a_name_is_kept_in_the_files(client, people, course, django_user_model):
    workshop = course["workshop"]
    names = [("Chloé", "Lœuvre"), ("Anne", "Ørsted")]
    for first, last in names:
        person = django_user_model.objects.create_user(
            email=f"{first}@test.fr", first_name=first, last_name=last
        )
        workshop.memberships.create(user=person)
    learners = django_user_model.objects.filter(last_name__in=["Lœuvre", "Ørsted"])
    held_session(workshop, people["trainer"], learners, date(2026, 11, 24))  # they came
    issue_all(client, people["trainer"], workshop)
    _page, content = follow_job(
        client, client.post(reverse("attestations:prepare_documents", args=[workshop.pk]))
    )
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert names[::2] == [
        "Diallo Omar - attestation.pdf",
        "Lœuvre Chloé - attestation.pdf",
        "Ørsted Anne - attestation.pdf",
        "Roux Léa - attestation.pdf",
    ]
    chloe = Attestation.objects.current().get(user__last_name="Lœuvre")
    response = client.get(chloe.get_download_url())
    assert 'filename="loeuvre-chloe-attestation.pdf"' in response["Content-Disposition"]


def test_learners_see_their_attestation_only_once_issued(client, people, course):
    as_user(client, people["learner"])
    assert (
        "attestation de fin de formation (PDF)"
        not in client.get(reverse("accounts:space")).content.decode()
    )
    issue_all(client, people["trainer"], course["workshop"])
    page = as_user(client, people["learner"]).get(reverse("accounts:space")).content.decode()
    assert "attestation de fin de formation (PDF)" in page


# Retention.


def test_deleting_an_account_keeps_the_evidence_for_its_legal_period(client, people, course):
    learner = people["learner"]
    issue_all(client, people["trainer"], course["workshop"])
    as_user(client, learner)
    take(client, course["final"])
    page = client.get(reverse("accounts:delete")).content.decode()
    assert "feuilles d’émargement, sous votre nom (6 ans)" in page
    learner.delete()

    assert Attestation.objects.filter(learner_name="Léa Roux", user=None).exists()
    assert Presence.objects.filter(name="Léa Roux", user=None).exists()
    # Past their period, the daily purge removes them.
    later = timezone.now() + timedelta(days=7 * 366)
    from privacy.registry import purge

    deleted = purge(now=later)
    assert deleted["attestations"] == 2 and deleted["attendance sheets"] == 1
    assert not Attestation.objects.exists() and not Presence.objects.exists()


def test_the_purge_command_runs_the_evidence_purge(people, course, capsys):
    call_command("purge_expired_data")
    assert "attestations" in capsys.readouterr().out


@pytest.mark.parametrize("learners", [1, 2, 30, 100])
def test_the_group_report_keeps_rows_whole_and_its_average_once(
    client, people, course, django_user_model, learners, tmp_path
):
    """Its pages are also written as PNG (pdftoppm) in the test's folder, to look at."""
    workshop = course["workshop"]
    workshop.memberships.exclude(user=people["learner"]).delete()
    crowd = [
        django_user_model.objects.create_user(
            email=f"p{i}@test.fr", first_name="Participante", last_name=f"Numéro {i:03d}"
        )
        for i in range(learners - 1)
    ]
    workshop.memberships.bulk_create(
        [workshop.memberships.model(workshop=workshop, user=person) for person in crowd]
    )
    as_user(client, people["learner"])
    with at(ENTRY_TAKEN):
        take(client, course["entry"], pick=wrong_answer)
    take(client, course["final"])
    _page, content = follow_job(
        client,
        as_user(client, people["trainer"]).post(
            reverse("attestations:prepare_report", args=[workshop.pk])
        ),
    )
    text, reader = pdf_text(content)
    assert flat(text).count("Moyenne du groupe") == 1
    # Each participant's row is whole on one page: name and count on the same page.
    pages = [flat(page.extract_text()) for page in reader.pages]
    for number in range(learners - 1):
        name = f"Participante Numéro {number:03d}"
        (page,) = [page for page in pages if name in page]
        assert f"{name} 0 / 1" in page or f"{name} 0 / 2" in page
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(reader.pages)


def test_group_figures_compare_the_same_learners_and_a_section_known_before_and_after_is_acquis(
    client, people, course
):
    """Léa answers everything right before and after; Omar takes only the entry test, wrong.
    The group's figures count Léa alone, and say so; every section she knew at both is
    "acquis" (with Omar's entry counted, it would read 50 % → 100 %, "en progrès")."""
    as_user(client, people["learner"])
    with at(ENTRY_TAKEN):
        take(client, course["entry"])
    take(client, course["final"])
    as_user(client, course["omar"])
    with at(ENTRY_TAKEN):
        take(client, course["entry"], pick=wrong_answer)

    workshop = course["workshop"].pk
    page = as_user(client, people["trainer"]).get(reverse("workshops:detail", args=[workshop]))
    positioning = page.context["positioning"]
    assert positioning.compared_count == 1
    assert (positioning.entry_average, positioning.final_average) == (100, 100)
    both = [s for s in positioning.sections if s.entry_rate is not None and s.final_rate]
    assert both and all(s.verdict == "acquis" for s in both), [(s.title, s.verdict) for s in both]
    html = " ".join(page.content.decode().replace("\u00a0", " ").split())
    assert "sur 1 participant ayant passé les deux tests" in html
    assert "acquis" in html and "à retravailler" not in html

    _page, content = follow_job(
        client, client.post(reverse("attestations:prepare_report", args=[workshop]))
    )
    text = flat(pdf_text(content)[0])
    assert "Moyenne du groupe (sur 1 participant ayant passé les deux tests) 100 % 100 %" in text
    assert "acquis" in text and "à retravailler" not in text


def test_the_attestation_reports_the_entry_test_as_a_starting_point(client, people, course):
    as_user(client, people["learner"])
    with at(ENTRY_TAKEN):
        take(client, course["entry"], pick=wrong_answer)
    take(client, course["final"])
    attestation = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    text = flat(
        pdf_text(as_user(client, people["learner"]).get(attestation.get_download_url()).content)[0]
    )
    assert "Positionnement à l’entrée : 0 %" in text
    entry_row = text[text.index(course["entry"].quiz.title) :]
    entry_row = entry_row[: entry_row.index(course["final"].quiz.title)]
    assert "point de départ" in entry_row and "réussi" not in entry_row


def test_the_attestation_states_the_workshop_s_own_objectives(client, people, course):
    workshop = course["workshop"]
    workshop.objectives = (
        "Publier chaque semaine sur la page de l'entreprise\n\n"
        "Répondre aux avis des clients en 48 heures\n"
    )
    workshop.save()
    attestation = issue_all(client, people["trainer"], workshop)[people["learner"].pk]
    text = flat(pdf_text(client.get(attestation.get_download_url()).content)[0])
    objectives = text[text.index("Objectifs de la formation") :]
    assert objectives.startswith(
        "Objectifs de la formation Publier chaque semaine sur la page de l’entreprise "
        "Répondre aux avis des clients en 48 heures"
    )
    assert course["entry"].quiz.lesson.title not in objectives.split("Assiduité")[0]


def test_the_workshop_s_form_prefills_its_objectives_from_its_lessons(client, people, course):
    lesson = course["entry"].quiz.lesson
    goals = [str(block.value) for block in lesson.objectives]
    assert goals  # the factory's lesson states what it teaches
    page = as_user(client, people["trainer"]).get(
        reverse("workshops:edit", args=[course["workshop"].pk])
    )
    field = page.context["form"]["objectives"]
    # The final test covers the whole course: each lesson's line, this one's among them.
    assert f"{lesson.title} : {' ; '.join(goals)}" in field.value().splitlines()
    # Until the trainer writes them, the attestation states those same lines.
    attestation = issue_all(client, people["trainer"], course["workshop"])[people["learner"].pk]
    assert attestation.content["objectives_text"] == field.value().splitlines()


def test_no_objectives_no_attestation(client, people, course):
    workshop = course["workshop"]
    workshop.assignments.all().delete()  # no quiz, so no lesson's objectives; none written
    response = as_user(client, people["trainer"]).post(
        reverse("attestations:issue", args=[workshop.pk]), follow=True
    )
    assert "les objectifs de la formation (Modifier l’atelier)" in response.content.decode()
    assert not Attestation.objects.exists()


def test_the_signature_block_is_never_alone_at_the_top_of_a_page(people, course):
    """However long the objectives run, the place, date and signature block share their page
    with what precedes them."""
    from attestations import services

    (attestation,) = services.issue(course["workshop"], [people["learner"]], people["trainer"])
    for count in range(14, 44, 2):  # the block on the first page, then pushed to the second
        attestation.content["objectives_text"] = [
            f"Objectif {number} : publier, répondre et mesurer sur les réseaux sociaux"
            for number in range(count)
        ]
        reader = PdfReader(io.BytesIO(services.Printing().render(attestation, "attestation")))
        pages = [flat(page.extract_text()) for page in reader.pages]
        (page,) = [page for page in pages if "Fait à" in page]
        assert page.index("Fait à") > len("CCI Formation Loire"), (count, page[:200])
    # The certificate: an action's title long enough to push the block to the second page.
    pushed = False
    for count in range(20, 90, 5):
        attestation.content["workshop"]["title"] = " ".join(
            f"Réseaux sociaux pour artisans, module {number}" for number in range(count)
        )
        reader = PdfReader(io.BytesIO(services.Printing().render(attestation, "certificat")))
        pages = [flat(page.extract_text()) for page in reader.pages]
        (page,) = [page for page in pages if "Fait à" in page]
        assert page.index("Fait à") > len("CCI Formation Loire"), (count, page[:200])
        pushed = pushed or len(pages) > 1
    assert pushed
