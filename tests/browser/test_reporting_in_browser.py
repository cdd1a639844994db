"""The published results on a phone, and the yearly report a trainer opens from "Mes ateliers",
in a real Chromium: readable at 375 px without sideways scrolling, no accessibility violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import HomePage
from reporting.seed import build_results_page
from tests.browser.helpers import screenshot, sign_in
from tests.factories import PASSWORD
from tests.reporting_helpers import two_workshops_of_2025

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_violation(page):
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_results_page_on_a_phone(site, browser):
    two_workshops_of_2025()
    build_results_page(HomePage.objects.get())
    page = browser.new_context(viewport={"width": 375, "height": 740}, locale="fr-FR").new_page()
    page.goto(f"{site}/nos-resultats/?du=2025-01-01&au=2025-12-31")
    main = page.locator("main")
    figures = main.locator(".result-figure")
    assert figures.count() == 5
    people = figures.nth(1).inner_text()
    assert "4" in people and "personnes ont été formées" in people
    assert "67" in figures.nth(3).inner_text()
    assert "pas encore mesurée" in figures.nth(4).inner_text()
    assert page_width(page) <= 375
    for index in range(5):  # each figure within the screen's width
        box = figures.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert no_violation(page) == []
    screenshot(page.locator("body"), "results-375")
    # A wrong period: told, in French, next to its field.
    page.get_by_label("Du", exact=True).fill("2025-12-31")
    page.get_by_label("Au", exact=True).fill("2025-01-01")
    page.get_by_role("button", name="Afficher les résultats").click()
    assert "Le début de la période doit précéder sa fin." in main.inner_text()
    assert page_width(page) <= 375
    wide = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR").new_page()
    wide.goto(f"{site}/nos-resultats/?du=2025-01-01&au=2025-12-31")
    screenshot(wide.locator("body"), "results-1280")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_yearly_report_from_the_trainers_dashboard(site, browser, width):
    two_workshops_of_2025()
    page = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-FR").new_page()
    sign_in(page, site, "tina@test.fr", PASSWORD)
    page.goto(f"{site}/ateliers/")
    page.get_by_role("link", name="Bilan pédagogique et financier").click()
    page.get_by_label("Année").fill("2025")
    page.get_by_role("button", name="Afficher le bilan").click()
    page.wait_for_url("**/ateliers/bilan/2025/")
    text = page.locator("main").inner_text()
    assert "Cadre F-1 · Type de stagiaires de l’organisme" in text
    assert page_width(page) <= width
    assert no_violation(page) == []
    screenshot(page.locator("body"), f"yearly-report-{width}")
