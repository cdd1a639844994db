"""Revoir mes erreurs in Chromium, with the clock moved: a quiz failed, nothing due that day,
the missed questions back the next day from "Mon espace", answered in the review, then each on
its own schedule. No accessibility violation on the review and its result, at 1280 and 375 px."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from quizzes.models import Attempt
from recall.models import ReviewAnswer
from tests.browser.helpers import screenshot, sign_in
from tests.factories import QuizFactory, single, true_false

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Mot-de-passe-42"


def violations(page):
    return [v["id"] for v in Axe().run(page).response["violations"]]


@pytest.fixture
def quiz(site):
    return QuizFactory(
        title="Quiz sur les avis en ligne",
        questions=[
            single(
                "Que faire d'un avis négatif publié sur votre page\u00a0?",
                [
                    ("Y répondre vite et poliment", True, ""),
                    ("Le supprimer sans rien dire", False, "Supprimer un avis fâche davantage."),
                    ("Attendre qu'il soit oublié", False, ""),
                ],
                "Une réponse rapide montre que vous écoutez vos clients.",
            ),
            true_false(
                "Un commerce doit publier au moins dix fois par jour.",
                False,
                "Mieux vaut publier moins, mais régulièrement.",
            ),
        ],
    )


def test_missed_questions_come_back_the_next_day_and_then_on_their_own_schedule(
    site, quiz, page, clock, django_user_model
):
    django_user_model.objects.create_user(email="lea@test.fr", password=PASSWORD, first_name="Léa")
    clock.move_to("2026-03-10 10:00")
    sign_in(page, site, "lea@test.fr", PASSWORD)
    page.wait_for_url("**/compte/mon-espace/")
    page.goto(site + quiz.get_absolute_url())
    page.get_by_label("Le supprimer sans rien dire").check()
    page.get_by_label("Vrai").check()
    page.get_by_role("button", name="Valider mes réponses").click()
    expect(page.locator(".review-after")).to_contain_text(
        "Les 2 questions manquées reviendront le lendemain"
    )

    page.goto(site + "/compte/mon-espace/")
    panel = page.locator(".review-panel")
    expect(panel).to_contain_text(re.compile(r"Rien à revoir aujourd.hui"))
    expect(panel).to_contain_text("la prochaine le mercredi 11 mars")

    clock.move_to("2026-03-11 09:00")  # the next day
    page.reload()
    expect(panel).to_contain_text(re.compile(r"2\squestions à revoir aujourd.hui"))
    screenshot(panel, "review-space-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(panel, "review-space-375")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1280, "height": 900})
    panel.get_by_role("link", name="Revoir mes erreurs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revoir mes erreurs")
    expect(page.locator(".quiz-question")).to_have_count(2)
    assert violations(page) == []
    page.get_by_label("Y répondre vite et poliment").check()
    page.get_by_label("Vrai").check()  # wrong again
    screenshot(page, "review-quiz-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, "review-quiz-375")
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_role("button", name="Valider mes réponses").click()

    result = page.locator(".review-result")
    expect(result.locator(".score__value")).to_have_text(re.compile(r"1\ssur\s2"))
    schedule = page.locator(".review-schedule li")
    expect(schedule.filter(has_text="avis négatif")).to_contain_text("le samedi 14 mars")
    expect(schedule.filter(has_text="dix fois")).to_contain_text("le jeudi 12 mars")
    assert violations(page) == []
    screenshot(page, "review-result-375")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "review-result-1280")
    assert ReviewAnswer.objects.count() == 2
    assert Attempt.objects.get().score == 0  # the attempt stays what it was

    clock.move_to("2026-03-12 08:00")  # only the one answered wrong
    page.goto(site + "/compte/mon-espace/")
    expect(panel).to_contain_text(re.compile(r"1\squestion à revoir aujourd.hui"))
    panel.get_by_role("link", name="Revoir mes erreurs").click()
    expect(page.locator(".quiz-question")).to_have_count(1)
    expect(page.locator(".quiz-question")).to_contain_text("dix fois par jour")
    page.get_by_label("Faux").check()
    page.get_by_role("button", name="Valider mes réponses").click()
    expect(page.locator(".review-schedule li")).to_contain_text("le dimanche 15 mars")

    clock.move_to("2026-03-14 07:00")
    page.goto(site + "/compte/mon-espace/")
    expect(panel).to_contain_text(re.compile(r"1\squestion à revoir aujourd.hui"))
