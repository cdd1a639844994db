"""A whole training day's evidence in a real browser, learners on phones (375 px): a one-day
workshop of two sessions and four learners on the roster. Ana signs both sessions; Bruno leaves
at noon; Chloé signs the morning late, with the trainer's leave and its reason; David never came.
The trainer countersigns each sheet (its seal's digest shown), contests a signature after the
seal (an amendment printed on the sheet's PDF, the digest unchanged), issues the attestations to
all who attended (David gets nothing and is named), revokes and reissues one (the revoked one's
verification page names its replacement) and opens "Délivrer de nouveau à tous…", whose
confirmation lists what it would revoke.

The server's clock cannot be moved in a live browser: the morning ended half an hour ago (its
sheet still open to the trainer's countersignature) and the afternoon is under way. What the
learners did in the morning, at the morning's times, is set up through the services; everything
done now is done in the browser."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from pypdf import PdfReader

from attendance import codes, services
from attendance.models import Presence, Sheet
from attestations.content import to_the_quarter
from attestations.models import Attestation
from tests.browser.helpers import draw, screenshot, sign_in
from tests.document_helpers import sign_and_stamp
from tests.factories import TrainerFactory, UserFactory, WorkshopFactory
from workshops.models import TrainingBody, WorkshopSession
from workshops.templatetags.workshop_tags import hours as hours_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "locale": "fr-FR"}
PASSWORD = "Apprenant-42"
LEARNERS = {
    "ana": ("Ana", "Blanc"),
    "bruno": ("Bruno", "Caron"),
    "chloe": ("Chloé", "Dupuis"),
    "david": ("David", "Martin"),
}
LATE_REASON = "Arrivée à 10 h 15, train supprimé"
CONTEST_REASON = "Partie à 14 h 30, après avoir signé"
REVOKE_REASON = "Employeur mal orthographié"


def flat(text):
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def pdf_text(content):
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def no_violation(page):
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]


def phone(browser, site, email):
    page = browser.new_context(**PHONE).new_page()
    sign_in(page, site, email, PASSWORD)
    return page


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 375


def code_now(projector):
    """The code the projector shows now (it changes every 30 seconds)."""
    projector.reload()
    return projector.locator("[data-room-code-digits]").inner_text().strip()


def place_the_day(now):
    """(morning, afternoon) as (date, start, end) around `now`: the morning ended 30 minutes
    ago (signing closed, countersigning still open), the afternoon started 20 minutes ago and
    ends in 25 (signing and countersigning open). Each within one day."""
    now = now.replace(second=0, microsecond=0)
    end = now - timedelta(minutes=30)
    start = max(end - timedelta(hours=3), end.replace(hour=0, minute=0))
    morning = (end.date(), start.time(), end.time())
    start = max(now - timedelta(minutes=20), now.replace(hour=0, minute=0))
    end = min(now + timedelta(minutes=25), now.replace(hour=23, minute=59))
    return morning, (now.date(), start.time(), end.time())


def section(page, session):
    return page.locator("section", has=page.locator(f"#session-{session.pk}"))


def test_a_training_day_from_the_first_signature_to_the_reissue(site, browser):
    trainer = TrainerFactory(
        email="tina@test.fr", password="Formatrice-42", first_name="Tina", last_name="Morel"
    )
    people = {
        key: UserFactory(
            email=f"{key}@test.fr", password=PASSWORD, first_name=first, last_name=last
        )
        for key, (first, last) in LEARNERS.items()
    }
    (morning_day, *morning_hours), (afternoon_day, *afternoon_hours) = place_the_day(
        timezone.localtime()
    )
    workshop = WorkshopFactory(
        name="Vendre en ligne pour artisans",
        starts_on=morning_day,
        ends_on=afternoon_day,
        duration_hours=Decimal("7"),
        objectives="Ouvrir une boutique en ligne\nPublier ses produits",
        trainers=[trainer],
        members=list(people.values()),
    )
    body = TrainingBody.load()
    body.name, body.address, body.city = "CCI Formation Loire", "42000 Saint-Étienne", "Lyon"
    body.signatory = "Claire Martin, directrice"
    sign_and_stamp(body)
    morning = WorkshopSession.objects.create(
        workshop=workshop,
        date=morning_day,
        starts_at=morning_hours[0],
        ends_at=morning_hours[1],
        topic="Module 1 : la boutique",
        room="Salle 2",
    )
    afternoon = WorkshopSession.objects.create(
        workshop=workshop,
        date=afternoon_day,
        starts_at=afternoon_hours[0],
        ends_at=afternoon_hours[1],
        topic="Module 2 : les produits",
        room="Salle 2",
    )

    # This morning, in the room: Ana and Bruno signed on their phones with the projected code.
    morning_sheet = services.sheet_for(morning)
    signed_at = morning.start() + timedelta(minutes=5)
    for key in ("ana", "bruno"):
        services.sign(
            morning_sheet,
            people[key],
            "",
            True,
            services.Proof("203.0.113.7", "Mozilla/5.0 (iPhone)"),
            code=codes.code_at(morning_sheet, signed_at),
            now=signed_at,
        )

    # The trainer's Émargement page: the morning's signing is closed; Chloé, who arrived late,
    # is allowed to sign it late, with the reason.
    trainer_page = browser.new_context(locale="fr-FR").new_page()
    sign_in(trainer_page, site, "tina@test.fr", "Formatrice-42")
    trainer_page.goto(f"{site}/ateliers/{workshop.pk}/")
    trainer_page.get_by_role("link", name="Émargement").click()
    morning_part = section(trainer_page, morning)
    lines = morning_part.locator("tbody").inner_text()
    assert "Ana Blanc" in lines and "Bruno Caron" in lines and "a signé à" in lines
    morning_part.get_by_role("button", name="Autoriser une signature tardive Chloé Dupuis").click()
    assert "Indiquez" not in trainer_page.locator("main").inner_text()
    morning_part = section(trainer_page, morning)
    # The browser refuses the form without its reason (required): nothing is allowed.
    assert not Sheet.objects.get(pk=morning_sheet.pk).late_signatures.exists()
    morning_part.locator(f"#late-{morning_sheet.pk}-{people['chloe'].pk}").fill(LATE_REASON)
    morning_part.get_by_role("button", name="Autoriser une signature tardive Chloé Dupuis").click()
    assert "Signature tardive autorisée" in trainer_page.locator("main").inner_text()
    assert no_violation(trainer_page) == []

    # Chloé signs the morning late from her phone's Émargement page: no room code asked.
    chloe = phone(browser, site, "chloe@test.fr")
    chloe.goto(site + "/emargement/")
    late_panel = chloe.locator("section", has=chloe.locator(f"#sheet-{morning_sheet.pk}"))
    assert LATE_REASON in late_panel.inner_text()
    assert late_panel.get_by_label("Code affiché dans la salle").count() == 0
    late_panel.get_by_label("Je confirme être présent ou présente à cette séance.").check()
    late_panel.get_by_role("button", name="Signer").click()
    assert "Signature enregistrée" in chloe.locator("main").inner_text()
    assert fits(chloe)
    assert no_violation(chloe) == []
    screenshot(chloe, "day-late-signature")

    # The afternoon: the trainer projects the room's code; Ana draws her signature, Chloé taps.
    trainer_page.goto(f"{site}/emargement/atelier/{workshop.pk}/")
    trainer_page.get_by_role("link", name="Projeter le code de la salle").click()
    afternoon_sheet = afternoon.sheet
    ana = phone(browser, site, "ana@test.fr")
    ana.goto(site + "/emargement/")
    panel = ana.locator("section", has=ana.locator(f"#sheet-{afternoon_sheet.pk}"))
    panel.get_by_label("Code affiché dans la salle").fill(code_now(trainer_page))
    draw(ana)
    panel.get_by_role("button", name="Signer").click()
    assert "Signature enregistrée" in ana.locator("main").inner_text()
    assert fits(ana)
    chloe.goto(f"{site}/emargement/feuille/{afternoon_sheet.pk}/?code={code_now(trainer_page)}")
    chloe.get_by_label("Je confirme être présent ou présente à cette séance.").check()
    chloe.get_by_role("button", name="Signer").click()
    assert "Signature enregistrée" in chloe.locator("main").inner_text()
    # Bruno left at noon and David never came: they sign nothing.

    # The trainer countersigns both sheets: each is sealed, its digest shown.
    trainer_page.goto(f"{site}/emargement/atelier/{workshop.pk}/")
    morning_part = section(trainer_page, morning)
    chloe_line = morning_part.get_by_role("row", name="Chloé Dupuis").inner_text()
    assert "signature tardive" in chloe_line and LATE_REASON in chloe_line
    for session in (morning, afternoon):
        part = section(trainer_page, session)
        part.get_by_label("Je certifie la présence des participants qui ont signé.").check()
        part.get_by_role("button", name="Contresigner et sceller la feuille").click()
        assert "Feuille contresignée et scellée." in trainer_page.locator("main").inner_text()
    digests = {}
    for session in (morning, afternoon):
        sheet = Sheet.objects.get(session=session)
        assert (
            sheet.seal_digest and sheet.seal_digest in section(trainer_page, session).inner_text()
        )
        digests[sheet.pk] = sheet.seal_digest
    afternoon_part = section(trainer_page, afternoon)
    not_signed = afternoon_part.inner_text()
    assert "Bruno Caron" in not_signed and "David Martin" in not_signed

    # After the seal, the trainer contests Chloé's afternoon signature, with the reason: the
    # line says so, and the amendment is listed below the sealed content.
    chloe_row = afternoon_part.get_by_role("row", name="Chloé Dupuis")
    chloe_row.get_by_placeholder("Motif").fill(CONTEST_REASON)
    chloe_row.get_by_role("button", name="Contester Chloé Dupuis").click()
    assert "Signature contestée" in trainer_page.locator("main").inner_text()
    afternoon_part = section(trainer_page, afternoon)
    chloe_line = afternoon_part.get_by_role("row", name="Chloé Dupuis").inner_text()
    assert "contestée" in chloe_line and CONTEST_REASON in chloe_line
    assert "Modifications après le scellement" in afternoon_part.inner_text()
    assert no_violation(trainer_page) == []

    # The sheets' PDF: the late signature and its reason, the contest, the amendment, and
    # each seal's digest as it was sealed.
    with trainer_page.expect_download() as download:
        trainer_page.get_by_role("link", name="Télécharger les feuilles d’émargement (PDF)").click()
    sheets_pdf = pdf_text(open(download.value.path(), "rb").read())
    assert f"Signature tardive : {LATE_REASON}" in sheets_pdf
    assert f"Contestée : {CONTEST_REASON}" in sheets_pdf
    assert "Modifications après le scellement" in sheets_pdf
    for pk, digest in digests.items():
        assert Sheet.objects.get(pk=pk).seal_digest == digest
        assert digest in sheets_pdf.replace(" ", "")

    # Attestations to all who attended: three; David, who never came, gets nothing, named.
    trainer_page.goto(f"{site}/ateliers/{workshop.pk}/")
    trainer_page.get_by_role("link", name="Attestations et rapport").click()
    trainer_page.get_by_role(
        "button", name="Délivrer les attestations aux 3 participants présents qui n’en ont pas"
    ).click()
    issued = flat(trainer_page.locator("main").inner_text())
    assert "3 attestations délivrées ; leurs documents s’impriment." in issued
    assert "pas d’attestation pour : David Martin" in issued
    assert not Attestation.objects.filter(user=people["david"]).exists()
    assert no_violation(trainer_page) == []

    # The certificates count only the hours of signed sessions on countersigned sheets: Ana
    # both, Bruno and Chloé the morning (Chloé's afternoon is contested).
    both = to_the_quarter(morning.hours() + afternoon.hours())
    one = to_the_quarter(morning.hours())
    expected = {"ana": (both, 2), "bruno": (one, 1), "chloe": (one, 1)}
    for key, (realised, signed) in expected.items():
        first, last = LEARNERS[key]
        with trainer_page.expect_download() as download:
            trainer_page.get_by_role("link", name=f"certificat {first} {last}").click()
        text = pdf_text(open(download.value.path(), "rb").read())
        assert f"{first} {last}" in text
        assert f"Durée réalisée {hours_text(realised)}" in text, (key, text)
        sessions = "séance" if signed == 1 else "séances"
        assert f"présence à {signed} {sessions} sur 2" in text

    # Bruno's attestation is revoked, with a reason, then issued again.
    first_bruno = Attestation.objects.get(user=people["bruno"])
    trainer_page.get_by_role("link", name="révoquer… Bruno Caron").click()
    assert "Bruno Caron, délivrée le" in trainer_page.locator("main").inner_text()
    trainer_page.get_by_label("Motif (obligatoire, gardé avec l’attestation)").fill(REVOKE_REASON)
    trainer_page.get_by_role("button", name="Révoquer").click()
    assert "Attestation de Bruno Caron révoquée" in trainer_page.locator("main").inner_text()
    trainer_page.get_by_role("button", name="Délivrer Bruno Caron").click()
    assert "1 attestation délivrée" in flat(trainer_page.locator("main").inner_text())
    new_bruno = Attestation.objects.current().get(user=people["bruno"])

    # Whoever holds the first one's address reads that it was revoked, why, and what replaces it.
    anyone = browser.new_context(**PHONE).new_page()
    anyone.goto(site + first_bruno.get_verify_url())
    verdict = flat(anyone.locator("main").inner_text())
    assert "a été révoquée" in verdict and REVOKE_REASON in verdict
    anyone.get_by_role("link", name="vérifier l’attestation en vigueur").click()
    assert anyone.url.endswith(new_bruno.get_verify_url())
    assert "Cette attestation est authentique" in anyone.locator("main").inner_text()
    assert fits(anyone)
    assert no_violation(anyone) == []

    # "Délivrer de nouveau à tous…" first lists what it would revoke; cancelled, nothing is.
    trainer_page.goto(f"{site}/attestations/atelier/{workshop.pk}/")
    trainer_page.get_by_role("link", name="Délivrer de nouveau à tous…").click()
    confirmation = flat(trainer_page.locator("main").inner_text())
    assert "Les 3 attestations révoquées" in confirmation
    for first, last in (LEARNERS["ana"], LEARNERS["bruno"], LEARNERS["chloe"]):
        assert f"{first} {last}, délivrée le" in confirmation
    assert "David Martin" not in confirmation
    assert no_violation(trainer_page) == []
    trainer_page.get_by_role("link", name="Annuler").click()
    assert Attestation.objects.current().count() == 3
    assert Presence.objects.filter(user=people["david"]).count() == 0
