"""On a phone, and with the text made larger: the header's links fold into one menu button (a
disclosure that works by keyboard and without JavaScript), and no public page scrolls sideways
at 320 CSS pixels, nor with the browser's text size at 200 % (Chromium's own font-size setting,
not the zoom), the document exactly as wide as the window."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.browser.helpers import answer_every_question, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAVIGATION = ["Le cours", "Chiffres clés", "Ressources", "Recherche", "Créer un compte"]
# Widths in CSS pixels and text sizes: a small phone, a phone and a desktop with the text at
# 200 %, and both at once.
SIZES = [(320, 1), (375, 2), (1280, 2), (320, 2)]


def new_page(browser, width, text_scale=1, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="fr-FR", java_script_enabled=javascript
    )
    page = context.new_page()
    if text_scale != 1:
        # The browser's text size (Settings → Appearance → Font size), as a reader sets it.
        session = context.new_cdp_session(page)
        session.send("Page.enable")
        session.send(
            "Page.setFontSizes",
            {"fontSizes": {"standard": 16 * text_scale, "fixed": 13 * text_scale}},
        )
    return page


def menu_button(page):
    """The <summary> of the header's disclosure (Chromium exposes it as a disclosure triangle,
    which Playwright's roles do not name)."""
    return page.locator("summary", has_text="Menu")


def link(page, name):
    return page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name=name, exact=True
    )


def test_on_a_phone_the_links_fold_into_one_menu_button_that_works_by_keyboard(
    seeded_site, browser
):
    page = new_page(browser, 375)
    page.goto(seeded_site + "/cours/")
    button = menu_button(page)
    header = page.locator(".site-header")
    assert button.is_visible() and header.bounding_box()["height"] < 80  # one line, not three
    assert not link(page, "Le cours").is_visible()
    assert page.locator("details.site-menu").get_attribute("open") is None

    # Keyboard only: the skip link, the brand, then the menu button.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    for name in NAVIGATION:
        assert link(page, name).is_visible(), name
    assert link(page, "Le cours").get_attribute("aria-current") == "page"
    screenshot(page, "menu-open-375")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Le cours"
    # Escape closes it and gives the focus back to the button.
    page.keyboard.press("Escape")
    assert not link(page, "Le cours").is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press(" ")
    assert link(page, "Ressources").is_visible()
    page.keyboard.press(" ")
    assert not link(page, "Ressources").is_visible()

    # Open, it covers the page below the header and leads where its links say.
    button.click()
    link(page, "Chiffres clés").click()
    page.wait_for_url("**/chiffres-cles/")
    assert not link(page, "Chiffres clés").is_visible()  # closed again on the next page


def test_the_menu_opens_and_leads_somewhere_without_javascript(seeded_site, browser):
    page = new_page(browser, 375, javascript=False)
    page.goto(seeded_site + "/")
    assert not link(page, "Ressources").is_visible()
    menu_button(page).click()
    assert link(page, "Ressources").is_visible()
    link(page, "Ressources").click()
    page.wait_for_url("**/ressources/")
    # By keyboard too: the disclosure is the browser's own.
    menu_button(page).focus()
    page.keyboard.press("Enter")
    assert link(page, "Recherche").is_visible()


def test_on_a_desktop_the_links_show_in_one_row_without_a_menu_button(seeded_site, browser):
    page = new_page(browser, 1280)
    page.goto(seeded_site + "/")
    assert not menu_button(page).is_visible()
    tops = {round(link(page, name).bounding_box()["y"]) for name in NAVIGATION}
    assert len(tops) == 1, tops
    assert page.locator(".site-header").bounding_box()["height"] < 90
    screenshot(page, "header-1280")


def test_with_the_text_at_200_percent_the_desktop_menu_folds_too(seeded_site, browser):
    """Media queries in em follow the text size: 1280 px of 32 px text are 40 em, a phone's
    width in words."""
    page = new_page(browser, 1280, text_scale=2)
    page.goto(seeded_site + "/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    assert menu_button(page).is_visible()


def public_paths():
    """Every page of the tree a visitor can read, and the pages outside it: the quizzes, the
    search, the sign-in and sign-up forms, a page that does not exist (and, below, a quiz's
    result)."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    return [page.url for page in pages] + [
        reverse("quizzes:index"),
        "/quiz/quiz-fideliser-ses-clients/",
        "/quiz/quiz-final/",
        reverse("search"),
        reverse("search") + "?q=client",
        reverse("search") + "?q=zzzz",
        reverse("accounts:login"),
        reverse("accounts:signup"),
        reverse("accounts:password_reset"),
        "/page-qui-n-existe-pas/",
    ]


def document_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_public_page_scrolls_sideways_at_320_px_or_with_the_text_at_200_percent(
    seeded_site, browser
):
    paths = public_paths()
    assert len(paths) > 25
    too_wide = []
    for width, scale in SIZES:
        page = new_page(browser, width, text_scale=scale)
        for path in paths:
            page.goto(seeded_site + path)
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == (
                f"{16 * scale}px"
            )
            if document_width(page) != width:
                too_wide.append(f"{path} at {width} px, text ×{scale}: {document_width(page)} px")
        # A quiz's result (this visitor's), and the menu open.
        page.goto(seeded_site + "/quiz/quiz-fideliser-ses-clients/")
        answer_every_question(page)
        page.get_by_role("button", name="Valider mes réponses").click()
        page.wait_for_url("**/quiz/resultat/**")
        if document_width(page) != width:
            too_wide.append(f"a result at {width} px, text ×{scale}: {document_width(page)} px")
        page.goto(seeded_site + "/cours/")
        if menu_button(page).is_visible():
            menu_button(page).click()
            if document_width(page) != width:
                too_wide.append(f"the menu at {width} px, text ×{scale}: {document_width(page)} px")
            screenshot(page, f"menu-open-{width}-text-{scale}")
        page.context.close()
    assert not too_wide, "\n".join(too_wide)


def test_a_line_never_breaks_after_the_euphonic_t(seeded_site, browser):
    """ "Comment la plateforme gagne-t-elle sa vie ?" in the first lesson: at every width of its
    paragraph, "t-" and "elle" share a line (a break after "gagne-" is allowed)."""
    page = new_page(browser, 375)
    page.goto(seeded_site + "/cours/comprendre-les-reseaux-sociaux/")
    paragraph = page.locator(".lesson__body p", has_text="gagne-t-").first
    lines = paragraph.evaluate(
        """(p) => {
            const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes("-t-"));
            const start = node.data.indexOf("-t-") + 1;  // the t
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, node.data.indexOf("elle", start) + 4);
            const widths = [];
            for (let width = 60; width <= 360; width += 1) {
                p.style.width = width + "px";
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (tops.size > 1) widths.push(width);
            }
            return widths;
        }"""
    )
    assert lines == []
