"""The editor's preview panel and checks in Chromium: an editor changes a lesson, opens the
preview side panel and reads the changed lesson inside its frame (the form is sent first);
Wagtail's checks (word count, reading time, accessibility) run in it. The figure typed in the
change is pointed out at the save. Any page of the site framed elsewhere stays blank."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from lessons.models import LessonPage
from tests.browser.helpers import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Fidéliser ses clients, relu pour l’aperçu"
SENTENCE = " Près de 65 % des internautes y entraient pour des bons plans."


@pytest.fixture
def site(seeded_site):
    return seeded_site


def sign_in_as_editor(page, site):
    user = get_user_model().objects.create_user(
        email="redactrice@test.fr", password="Mot-de-passe-42"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(site + "/admin/login/")
    page.get_by_label("Adresse e-mail").fill("redactrice@test.fr")
    page.get_by_label("Mot de passe").fill("Mot-de-passe-42")
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url("**/admin/")


def test_an_editor_previews_a_changed_lesson_where_wagtail_s_checks_run(site, page):
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    sign_in_as_editor(page, site)
    page.goto(f"{site}/admin/pages/{lesson.pk}/edit/")
    page.locator("#id_title").fill(TITLE)
    paragraph = page.locator('[data-contentpath="body"] .public-DraftEditor-content').first
    paragraph.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(SENTENCE)
    # Draftail writes the paragraph into the form a moment after the typing.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')]"
        ".some((input) => input.value.includes('y entraient pour des bons plans'))"
    )

    # The panel sends the form, then shows the lesson as changed, inside the admin's frame.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe[data-w-preview-target='iframe']").last
    expect(preview.locator("h1")).to_have_text(TITLE, timeout=15000)
    expect(preview.locator("main")).to_contain_text("y entraient pour des bons plans")
    screenshot(page, "preview-panel-1280")

    # Wagtail's checks read the same frame: words, reading time, accessibility issues.
    page.locator('[data-side-panel-toggle="checks"]').click()
    checks = page.locator('[data-side-panel="checks"]')
    expect(checks).to_contain_text("Métriques de contenu")
    expect(checks).to_contain_text(re.compile(r"Mots\s+\d[\d\s]*\s+Durée de lecture\s+\d"))
    expect(checks).to_contain_text("Problèmes trouvés")
    screenshot(page, "checks-panel-1280")

    # Saved: the figure typed in the change is named, with how to cite it.
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    warning = page.locator(".messages .warning")
    expect(warning).to_contain_text("Chiffre clé tapé à la main")
    expect(warning).to_contain_text(re.compile(r"« 65\s%\s»"))
    expect(warning.get_by_role("link", name="Comment citer")).to_be_visible()
    screenshot(page, "typed-figure-warning-1280")
    page.locator("[data-typed-figures]").scroll_into_view_if_needed()
    screenshot(page, "typed-figure-panel-1280")


def test_a_page_of_the_site_framed_by_another_page_stays_blank(site, page):
    """Framing by anyone but the admin's preview: the browser refuses to show the page."""
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    page.goto(site + "/")
    page.evaluate(
        """(url) => new Promise((resolve) => {
            const frame = document.createElement("iframe");
            frame.src = url;
            frame.onload = resolve;
            document.body.append(frame);
        })""",
        site + lesson.url,
    )
    framed = next(frame for frame in page.frames if frame != page.main_frame)
    assert framed.url.startswith("chrome-error://"), framed.url  # the page is not shown
