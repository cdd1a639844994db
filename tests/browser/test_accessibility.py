"""axe-core in Chromium over every kind of page: no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from quizzes.models import Attempt
from tests.browser.helpers import answer_every_question, sign_in
from workshops.models import Assignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


def violations(page):
    results = Axe().run(page)
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
    return found


def check(page, url, problems, width):
    if url:
        page.goto(url)
    for problem in violations(page):
        problems.append(f"{page.url} @{width}px: {problem}")


@pytest.mark.parametrize("width", [1280, 375])
def test_pages_have_no_serious_accessibility_violation(site, browser, width):
    from django.core.management import call_command

    call_command("build_content", "--demo-accounts", verbosity=0)
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    problems = []
    for path in [
        "/",
        "/cours/",
        "/cours/relation-client-sur-les-reseaux-sociaux/",
        "/chiffres-cles/",
        "/ressources/",
        "/recherche/?q=réseaux",
        "/compte/connexion/",
        "/compte/inscription/",
        "/quiz/quiz-fideliser-ses-clients/",
        "/page-qui-n-existe-pas/",
    ]:
        check(page, site + path, problems, width)

    # A quiz with errors, then its result.
    page.goto(site + "/quiz/quiz-fideliser-ses-clients/")
    page.get_by_role("button", name="Valider mes réponses").click()
    check(page, None, problems, width)
    answer_every_question(page)
    page.get_by_role("button", name="Valider mes réponses").click()
    page.wait_for_url("**/quiz/resultat/**")
    check(page, None, problems, width)

    # The learner's space, then the trainer's pages.
    sign_in(page, site, "apprenant@atelier-reseaux.test", "Apprenant-demo-2026")
    check(page, site + "/compte/mon-espace/", problems, width)
    assignment = Assignment.objects.first()
    check(page, site + reverse("workshops:take", args=[assignment.pk]), problems, width)
    page.context.clear_cookies()
    sign_in(page, site, "formatrice@atelier-reseaux.test", "Formatrice-demo-2026")
    workshop = assignment.workshop
    for url in [
        reverse("workshops:dashboard"),
        reverse("workshops:detail", args=[workshop.pk]),
        reverse("workshops:results", args=[workshop.pk]),
        reverse("workshops:assignment_detail", args=[assignment.pk]),
        reverse("workshops:create"),
        reverse("workshops:create_assignment", args=[workshop.pk]),
    ]:
        check(page, site + url, problems, width)
    assert Attempt.objects.exists()
    assert not problems, "\n".join(problems)
