"""axe-core in Chromium over every kind of page, at every impact level: no violation at all."""

from datetime import datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone

from attendance.services import send_links, sheet_for
from attestations.services import issue
from quizzes.models import Attempt
from tests.browser.helpers import answer_every_question, session_under_way, sign_in
from workshops.models import Assignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


class Audit:
    def __init__(self, page, site, width):
        self.page, self.site, self.width = page, site, width
        self.problems = []
        self.audited = []

    def visit(self, path, status=200):
        """Open the page and check that it is the page meant (its address and status)."""
        response = self.page.goto(self.site + path)
        assert response.status == status, f"{path}: {response.status}"
        assert self.page.url == self.site + path, f"{path} led to {self.page.url}"
        self.check()

    def check(self, expected_path=None):
        if expected_path:
            assert self.page.url.startswith(self.site + expected_path), self.page.url
        self.audited.append(self.page.url)
        for problem in violations(self.page):
            self.problems.append(f"{self.page.url} @{self.width}px: {problem}")


@pytest.mark.parametrize("width", [1280, 375])
def test_pages_have_no_accessibility_violation(seeded_site, browser, width):
    from django.core.management import call_command

    site = seeded_site
    call_command("build_content", "--demo-accounts", verbosity=0)  # the seed is there already
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    audit = Audit(page, site, width)
    for path in [
        "/",
        "/cours/",
        "/cours/relation-client-sur-les-reseaux-sociaux/",
        "/chiffres-cles/",
        "/ressources/",
        "/recherche/?q=r%C3%A9seaux",
        "/quiz/",
        "/compte/connexion/",
        "/compte/inscription/",
        "/quiz/quiz-fideliser-ses-clients/",
        "/nos-resultats/",
    ]:
        audit.visit(path)
    audit.visit("/page-qui-n-existe-pas/", status=404)

    # A quiz with errors, then its result.
    page.goto(site + "/quiz/quiz-fideliser-ses-clients/")
    page.get_by_role("button", name="Valider mes réponses").click()
    audit.check("/quiz/quiz-fideliser-ses-clients/envoyer/")
    answer_every_question(page)
    page.get_by_role("button", name="Valider mes réponses").click()
    page.wait_for_url("**/quiz/resultat/**")
    audit.check("/quiz/resultat/")

    # The learner's pages.
    assignment = Assignment.objects.select_related("workshop").first()
    workshop = assignment.workshop
    audit.visit(reverse("workshops:join_code", args=[workshop.join_code]))  # not signed in
    sheet = sheet_for(session_under_way(workshop))  # its attendance sheet, open now
    # And one at a distance, whose personal links were e-mailed: their state on each line.
    remote = session_under_way(workshop)
    # Ending a minute earlier tells it apart from the other (a session's name is its hours).
    remote.ends_at = (datetime.combine(remote.date, remote.ends_at) - timedelta(minutes=1)).time()
    remote.remote, remote.remote_tool, remote.room = True, "Zoom", ""
    remote.save()
    send_links(remote, workshop.trainers.first())
    sign_in(page, site, "apprenant@atelier-reseaux.test", "Apprenant-demo-2026")
    page.wait_for_url("**/compte/mon-espace/")
    for path in [
        reverse("accounts:space"),
        reverse("accounts:my_data"),
        reverse("accounts:delete"),
        reverse("workshops:join"),
        reverse("workshops:join_code", args=[workshop.join_code]),
        reverse("workshops:my_workshop", args=[workshop.pk]),
        reverse("attendance:sign_list"),
        reverse("workshops:take", args=[assignment.pk]),  # last: answered below
    ]:
        audit.visit(path)
    answer_every_question(page)
    page.get_by_role("button", name="Valider mes réponses").click()
    page.wait_for_url("**/resultat/**")
    audit.check(f"/ateliers/quiz-assignes/{assignment.pk}/resultat/")
    attempt = Attempt.objects.filter(assignment_link__assignment=assignment).latest("pk")

    # The trainer's pages.
    page.context.clear_cookies()
    sign_in(page, site, "formatrice@atelier-reseaux.test", "Formatrice-demo-2026")
    page.wait_for_url("**/ateliers/")
    for path in [
        reverse("workshops:dashboard"),
        reverse("reporting:yearly_report", args=[timezone.localdate().year]),
        reverse("workshops:detail", args=[workshop.pk]),
        reverse("workshops:edit", args=[workshop.pk]),
        reverse("workshops:results", args=[workshop.pk]),
        reverse("workshops:assignment_detail", args=[assignment.pk]),
        reverse("workshops:learner_attempt", args=[workshop.pk, attempt.pk]),
        reverse("workshops:create"),
        reverse("workshops:create_assignment", args=[workshop.pk]),
        reverse("workshops:edit_assignment", args=[assignment.pk]),
        reverse("workshops:delete_assignment", args=[assignment.pk]),
        reverse("attendance:sheet", args=[workshop.pk]),
        reverse("attendance:projector", args=[sheet.pk]),
        reverse("workshops:schedule", args=[workshop.pk]),
        reverse("attestations:workshop", args=[workshop.pk]),
    ]:
        audit.visit(path)
    (attestation,) = issue(workshop, [attempt.user], workshop.trainers.get())
    audit.visit(attestation.get_verify_url())
    for path in [reverse("live:sessions"), reverse("live:start")]:
        audit.visit(path)  # the start form stays open for the live session below

    # A live session, driven from the projector: a phone (its own browser) at each stage.
    page.get_by_label("Quiz à projeter").select_option(label="Quiz : le Social CRM")
    page.get_by_label("Minuteur par question").select_option(label="1 minute")
    page.get_by_role("button", name="Ouvrir la projection").click()
    audit.check("/direct/")
    projector = page.url.removeprefix(site)
    code = page.locator(".projector__big-code").inner_text().split()[-1]
    phone_page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    phone = Audit(phone_page, site, width)
    phone.visit(reverse("live:join"))
    phone_page.get_by_label("Code de la séance").fill(code)
    phone_page.get_by_label("Votre pseudonyme").fill("Léa")
    phone_page.get_by_role("button", name="Rejoindre").click()
    phone.check(reverse("live:play", args=[code]))
    page.once("dialog", lambda dialog: dialog.accept())  # "Terminer la séance pour tout le monde ?"
    for button, shown in [
        ("Suivant", "Question 1 sur"),
        ("Correction", "La bonne réponse"),
        ("Terminer", "Séance terminée"),
    ]:
        page.locator(".projector__controls").get_by_role("button", name=button).click()
        page.locator("#live-stage").get_by_text(shown).first.wait_for()
        phone.visit(reverse("live:play", args=[code]))
        audit.visit(projector)
    audit.visit(reverse("live:results", args=[code]))
    assert len(audit.audited) == 47 and len(phone.audited) == 5
    problems = audit.problems + phone.problems
    assert not problems, "\n".join(problems)
