"""The key-figures page as a reader sees it at desktop and phone widths: charts whose titles fit
(the real charts, of the seed), and data tables that say when they scroll sideways."""

from decimal import Decimal

import pytest

from tests.factories import KeyFiguresPageFactory, SeriesFactory, StatisticFactory, key_figures_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NETWORKS = {"Facebook": (68, 45), "Google+": (32, 8), "Twitter": (21, 9), "LinkedIn": (15, 4)}


@pytest.fixture
def key_figures(site):
    """A page with a chart of two bars, and one of four networks × two measures: its table is
    wider than a phone."""
    networks = SeriesFactory(
        value_axis_label="Part des Français (%)",
        items=[
            (StatisticFactory(value=Decimal(value)), network, group)
            for network, values in NETWORKS.items()
            for value, group in zip(values, ["Inscrits", "Actifs"], strict=True)
        ],
    )
    usage = SeriesFactory(value_axis_label="Part des Français (%)")
    sections = [("Les réseaux", "reseaux", [networks]), ("Les usages", "usages", [usage])]
    page = KeyFiguresPageFactory(body=key_figures_body(sections))
    return {"url": site + page.url, "wide": networks, "narrow": usage}


@pytest.mark.parametrize("width", [1280, 375])
def test_every_axis_title_fits_inside_its_chart(seeded_site, browser, width):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(seeded_site + "/chiffres-cles/")
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll(".chart__svg")].flatMap((svg) => {
            const box = svg.viewBox.baseVal;
            return [...svg.querySelectorAll(".chart__axis-label")]
                .map((label) => ({text: label.textContent, b: label.getBBox()}))
                .filter(({b}) => b.x < 0 || b.x + b.width > box.width
                    || b.y + b.height > box.height)
                .map(({text}) => text);
        })"""
    )
    assert page.locator(".chart__axis-label").count() >= 7
    assert overflowing == []


def test_a_table_wider_than_a_phone_says_it_scrolls(key_figures, browser):
    page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
    page.goto(key_figures["url"])
    wrap = page.locator(f"#graphique-{key_figures['wide'].slug} .table-wrap")
    assert wrap.evaluate("(el) => el.scrollWidth > el.clientWidth")
    hint = wrap.locator(".table-wrap__hint")
    assert hint.is_visible()
    assert "défiler" in hint.inner_text()
    # A labelled region the keyboard reaches and scrolls, described by the hint.
    assert wrap.get_attribute("role") == "region" and wrap.get_attribute("aria-label")
    assert wrap.get_attribute("aria-describedby") == hint.get_attribute("id")
    wrap.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # (it may scroll smoothly: wait for it)
    page.wait_for_function("(el) => el.scrollLeft > 0", arg=wrap.element_handle(), timeout=10_000)
    assert hint.is_visible()  # it stays in view while the table moves


def test_a_table_that_fits_has_no_hint(key_figures, browser):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(key_figures["url"])
    wrap = page.locator(f"#graphique-{key_figures['narrow'].slug} .table-wrap")
    assert wrap.evaluate("(el) => el.scrollWidth <= el.clientWidth")
    assert not wrap.locator(".table-wrap__hint").is_visible()
    assert wrap.get_attribute("aria-describedby") is None
