"""Signing in a room with a poor network, on a phone (375 px): nothing signed is lost. A drawn
signature whose code the server refused comes back drawn, and signs with the right code without
drawing again; a phone offline when it taps "Signer" says so, keeps the form, and sends it when
the network returns (its time is the server's, on arrival)."""

from decimal import Decimal

import pytest
from django.utils import timezone

from attendance import codes, services
from attendance.models import Presence
from tests.browser.helpers import draw, screenshot, session_under_way, sign_in
from tests.factories import TrainerFactory, UserFactory, WorkshopFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "locale": "fr-FR"}
PASSWORD = "Apprenant-42"
WAIT = 15_000


def drawn(page):
    return page.locator("input[name=signature]").input_value()


def test_a_signature_is_never_lost_to_a_refused_code_or_a_phone_offline(site, browser):
    now = timezone.localtime().replace(second=0, microsecond=0)
    ana, bruno = (
        UserFactory(email=f"{name}@test.fr", password=PASSWORD, first_name=name.title())
        for name in ("ana", "bruno")
    )
    workshop = WorkshopFactory(
        starts_on=now.date(),
        ends_on=now.date(),
        duration_hours=Decimal("3"),
        trainers=[TrainerFactory()],
        members=[ana, bruno],
    )
    session = session_under_way(workshop)
    sheet = services.sheet_for(session)

    def code(wrong=False):
        shown = codes.code_at(sheet, timezone.now())
        return f"{(int(shown) + 1) % 10**6:06d}" if wrong else shown

    # Ana draws her signature and types a code that is not the room's: refused, and her
    # drawing is back, kept, with a word saying so.
    page = browser.new_context(**PHONE).new_page()
    sign_in(page, site, "ana@test.fr", PASSWORD)
    page.goto(site + "/emargement/")
    draw(page)
    first = drawn(page)
    assert first.startswith("M")
    page.get_by_label("Code affiché dans la salle").fill(code(wrong=True))
    page.get_by_role("button", name="Signer").click()
    page.wait_for_load_state()
    assert not Presence.objects.exists()
    assert drawn(page) == first
    status = page.locator("[data-signature-status]")
    assert "Votre signature tracée a été gardée" in status.inner_text()
    # With the right code, she sends it as it is: the sheet has the signature she drew.
    page.get_by_label("Code affiché dans la salle").fill(code())
    page.get_by_role("button", name="Signer").click()
    page.get_by_text("Signature enregistrée").wait_for(timeout=WAIT)
    assert Presence.objects.get(user=ana).signature == first

    # Bruno's phone loses the network as he taps "Signer": nothing is sent, he is told so next
    # to the button, and the form goes by itself when the network returns.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    sign_in(page, site, "bruno@test.fr", PASSWORD)
    page.goto(site + "/emargement/")
    draw(page)
    page.get_by_label("Code affiché dans la salle").fill(code())
    context.set_offline(True)
    page.get_by_role("button", name="Signer").click()
    page.get_by_role("button", name="Signer").click()  # tapped twice: sent once, below
    status = page.locator("[data-signature-status]")
    assert "Pas de réseau" in status.inner_text() and "partira dès que la connexion revient" in (
        status.inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "signing-offline")
    page.wait_for_timeout(1000)
    assert not Presence.objects.filter(user=bruno).exists()
    context.set_offline(False)
    page.get_by_text("Signature enregistrée").wait_for(timeout=WAIT)
    presence = Presence.objects.get(user=bruno)
    assert presence.signature.startswith("M") and presence.status == "signed"
