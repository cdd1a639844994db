"""A training's evidence in a real browser: signatures on phones, the trainer's countersignature,
entry and final tests, attestations issued, downloaded and verified."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from attendance import codes
from attendance.models import Presence
from attestations.models import Attestation
from caching.addresses import public_url
from tests.browser.helpers import answer_every_question, draw, sign_in
from tests.document_helpers import sign_and_stamp
from tests.factories import QuizFactory, TrainerFactory, UserFactory, WorkshopFactory
from tests.workshop_helpers import assign
from workshops.models import TrainingBody, WorkshopSession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "locale": "fr-FR"}


def phone(browser, site, email):
    page = browser.new_context(**PHONE).new_page()
    sign_in(page, site, email, "Apprenant-42")
    return page


def code_now(projector):
    """The code the projector shows now (it changes every 30 seconds)."""
    projector.reload()
    return projector.locator("[data-room-code-digits]").inner_text().strip()


def take(page, site, workshop, title):
    page.goto(f"{site}/ateliers/mes-ateliers/{workshop.pk}/")
    page.get_by_role("link", name=title).click()
    answer_every_question(page)
    page.get_by_role("button", name="Valider mes réponses").click()
    page.wait_for_url("**/resultat/**")


def mark_as(trainer_page, site, workshop, title, stage):
    trainer_page.goto(f"{site}/ateliers/{workshop.pk}/")
    trainer_page.get_by_role("link", name=f"Modifier {title}").click()
    trainer_page.get_by_label(stage).check()
    trainer_page.get_by_role("button", name="Enregistrer").click()
    assert "Quiz assigné modifié." in trainer_page.locator("main").inner_text()


def test_signatures_tests_and_an_attestation_from_issue_to_verification(site, browser):
    trainer = TrainerFactory(
        email="tina@test.fr", password="Formatrice-42", first_name="Tina", last_name="Morel"
    )
    names = {"lea": ("Léa", "Roux"), "omar": ("Omar", "Diallo"), "zoe": ("Zoé", "Petit")}
    learners = {
        key: UserFactory(
            email=f"{key}@test.fr", password="Apprenant-42", first_name=first, last_name=last
        )
        for key, (first, last) in names.items()
    }
    today = timezone.localdate()
    workshop = WorkshopFactory(
        name="Réseaux sociaux pour artisans",
        starts_on=today,
        ends_on=today,
        duration_hours=Decimal("7"),
        trainers=[trainer],
        members=[learners["lea"], learners["zoe"]],
    )
    entry = assign(workshop).quiz
    final = assign(workshop, QuizFactory(lesson=entry.lesson)).quiz  # the same lesson's sections
    body = TrainingBody.load()
    body.name, body.address, body.city = "CCI Formation Loire", "42000 Saint-Étienne", "Lyon"
    body.signatory = "Claire Martin, directrice"
    sign_and_stamp(body)

    # Before the training: the trainer marks the entry and final tests; Léa and Omar take the
    # entry test (it closes when the first session starts).
    trainer_page = browser.new_context(locale="fr-FR").new_page()
    sign_in(trainer_page, site, "tina@test.fr", "Formatrice-42")
    mark_as(trainer_page, site, workshop, entry.title, "test d’entrée")
    mark_as(trainer_page, site, workshop, final.title, "test final")
    lea, omar = phone(browser, site, "lea@test.fr"), phone(browser, site, "omar@test.fr")
    # Omar joins with the workshop's code and his employer: a request the trainer accepts.
    omar.goto(site + "/ateliers/rejoindre/")
    omar.get_by_label("Code de l’atelier").fill(workshop.join_code)
    omar.get_by_label("Entreprise (employeur)").fill("Diallo Cycles")
    omar.get_by_role("button", name="Rejoindre").click()
    assert "Demande envoyée" in omar.locator("main").inner_text()
    trainer_page.goto(f"{site}/ateliers/{workshop.pk}/")
    requests = trainer_page.locator("#join-requests")
    assert "Omar Diallo" in requests.inner_text() and "Diallo Cycles" in requests.inner_text()
    trainer_page.get_by_role("button", name="Accepter omar@test.fr").click()
    assert "1 participant inscrit." in trainer_page.locator("main").inner_text()
    for page in (lea, omar):
        take(page, site, workshop, entry.title)

    # A session of the programme is under way: begun two hours ago, ending in ten minutes
    # (within today), so that learners sign and the trainer countersigns now.
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=today,
        starts_at=max(now - timedelta(hours=2), midnight).time(),
        ends_at=min(now + timedelta(minutes=10), midnight + timedelta(hours=23, minutes=59)).time(),
        topic="Module 1 : le CRM",
        room="Salle 2",
    )

    # The trainer projects the room's code.
    trainer_page.goto(f"{site}/ateliers/{workshop.pk}/")
    trainer_page.get_by_role("link", name="Émargement").click()
    trainer_page.get_by_role("link", name="Projeter le code de la salle").click()
    code = trainer_page.locator("[data-room-code-digits]").inner_text().strip()
    assert len(code) == 6 and code.isdigit()
    sheet = session.sheet

    # Léa types the code and draws her signature; Omar lands from the QR code and taps.
    lea.goto(site + "/emargement/")
    lea.get_by_label("Code affiché dans la salle").fill(code_now(trainer_page))
    draw(lea)
    lea.get_by_role("button", name="Signer").click()
    assert "Signature enregistrée" in lea.locator("main").inner_text()
    assert "Vous avez signé à" in lea.locator("main").inner_text()

    omar.goto(f"{site}/emargement/feuille/{sheet.pk}/?code={code_now(trainer_page)}")
    omar.get_by_label("Je confirme être présent ou présente à cette séance.").check()
    omar.get_by_role("button", name="Signer").click()
    assert "Signature enregistrée" in omar.locator("main").inner_text()

    # Karim asked to join this morning; the trainer has not accepted him: he signs nothing.
    UserFactory(
        email="karim@test.fr", password="Apprenant-42", first_name="Karim", last_name="Haddad"
    )
    karim = phone(browser, site, "karim@test.fr")
    karim.goto(site + workshop.get_join_url())
    karim.get_by_role("button", name="Demander à rejoindre l’atelier").click()
    karim.goto(f"{site}/emargement/feuille/{sheet.pk}/?code={code_now(trainer_page)}")
    assert "Vous ne pouvez pas encore signer" in karim.locator("main").inner_text()

    # Zoé, at home, types a code a friend sent her a minute ago: refused.
    zoe = phone(browser, site, "zoe@test.fr")
    zoe.goto(site + "/emargement/")
    zoe.get_by_label("Code affiché dans la salle").fill(
        codes.code_at(sheet, timezone.now() - timedelta(seconds=61))
    )
    zoe.get_by_label("Je confirme être présent ou présente à cette séance.").check()
    zoe.get_by_role("button", name="Signer").click()
    assert "Code de la salle incorrect ou expiré" in zoe.locator("main").inner_text()

    trainer_page.goto(f"{site}/emargement/atelier/{workshop.pk}/")
    assert "2 participants ont signé, sur 3." in trainer_page.locator("main").inner_text()
    trainer_page.get_by_label("Je certifie la présence des participants qui ont signé.").check()
    trainer_page.get_by_role("button", name="Contresigner et sceller la feuille").click()
    assert "Feuille contresignée et scellée." in trainer_page.locator("main").inner_text()
    signed = Presence.objects.filter(status="signed")
    assert sorted(signed.values_list("name", flat=True)) == ["Léa Roux", "Omar Diallo"]
    assert signed.get(name="Léa Roux").signature.startswith("M")
    assert signed.get(name="Omar Diallo").user_agent  # the proof: the phone's browser

    # The final test, taken by Léa and Omar, who signed the session.
    for page in (lea, omar):
        take(page, site, workshop, final.title)
    trainer_page.goto(f"{site}/ateliers/{workshop.pk}/")
    positioning = trainer_page.get_by_role(
        "region", name="Scores d’entrée et de fin par participant"
    )
    assert (
        "Léa Roux" in positioning.inner_text() and "Moyenne du groupe" in positioning.inner_text()
    )

    # The trainer issues the attestations; Léa downloads hers from "Mon espace".
    trainer_page.get_by_role("link", name="Attestations et rapport").click()
    trainer_page.get_by_role(
        "button", name="Délivrer les attestations aux 2 participants présents qui n’en ont pas"
    ).click()
    issued = trainer_page.locator("main").inner_text().replace("\u00a0", " ").replace("\u202f", " ")
    assert "2 attestations délivrées ; leurs documents s’impriment." in issued
    assert "pas d’attestation pour : Zoé Petit" in issued

    lea.goto(site + "/compte/mon-espace/")
    with lea.expect_download() as download:
        lea.get_by_role("link", name="attestation de fin de formation (PDF)").click()
    text = " ".join(
        page.extract_text() for page in PdfReader(Path(download.value.path())).pages
    ).replace("\u00a0", " ")
    text = " ".join(text.split())
    assert "Léa Roux" in text and "Réseaux sociaux pour artisans" in text and "7 heures" in text
    assert "Présence : 1 séance sur 1" in text
    attestation = Attestation.objects.get(user=learners["lea"])
    # Printed with the site's configured address, whatever address the trainer used.
    assert public_url(attestation.get_verify_url()) in text.replace(" ", "")
    verify_url = site + attestation.get_verify_url()

    # Whoever holds the address sees that it was issued, to whom and when; nothing more.
    anyone = browser.new_context(locale="fr-FR").new_page()
    anyone.goto(verify_url)
    verdict = anyone.locator("main").inner_text()
    assert "Cette attestation est authentique" in verdict and "Léa Roux" in verdict
    assert date.today().strftime("%Y") in verdict  # what it certifies, results included
