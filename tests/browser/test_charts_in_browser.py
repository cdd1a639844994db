"""The key-figures page as a reader sees it at desktop and phone widths: charts whose titles fit,
and data tables that say when they scroll sideways."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 375])
def test_every_axis_title_fits_inside_its_chart(site, browser, width):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(site + "/chiffres-cles/")
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


def test_a_table_wider_than_a_phone_says_it_scrolls(site, browser):
    page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
    page.goto(site + "/chiffres-cles/")
    wrap = page.locator("#graphique-reseaux-inscrits-actifs .table-wrap")
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
    page.wait_for_function("(el) => el.scrollLeft > 0", arg=wrap.element_handle(), timeout=3000)
    assert hint.is_visible()  # it stays in view while the table moves


def test_a_table_that_fits_has_no_hint(site, browser):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(site + "/chiffres-cles/")
    wrap = page.locator("#graphique-france-usage .table-wrap")
    assert wrap.evaluate("(el) => el.scrollWidth <= el.clientWidth")
    assert not wrap.locator(".table-wrap__hint").is_visible()
    assert wrap.get_attribute("aria-describedby") is None
