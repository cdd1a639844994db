"""A learner takes a quiz in a real browser: keyboard only, and anonymously before signing up."""

import pytest

from quizzes.models import Attempt
from tests.account_helpers import link_in_last_email
from tests.browser.helpers import answer_every_question
from tests.factories import QuizFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quiz(site):
    """A quiz with a question of each kind (its estimate typed in a text field)."""
    return QuizFactory(title="Quiz : définir une stratégie")


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const text = el.textContent.trim();
            return {tag: el.tagName, type: el.type || "", name: el.name || "", text};
        }"""
    )


def answer_with_keyboard(page):
    """Tab through the whole page; answer each question as it gets the focus; submit with Enter."""
    answered = set()
    for _ in range(300):
        page.keyboard.press("Tab")
        element = focused(page)
        name = element["name"]
        if name.startswith("q-") and name not in answered:
            if element["type"] in ("radio", "checkbox"):
                page.keyboard.press("Space")
            else:
                page.keyboard.type("50")
            answered.add(name)
        elif (
            element["tag"] == "BUTTON"
            and element["type"] == "submit"
            and "Valider" in element["text"]
        ):
            page.keyboard.press("Enter")
            return answered
    raise AssertionError("the submit button was never reached with Tab")


def test_take_a_quiz_with_the_keyboard_only(site, quiz, page):
    page.goto(site + quiz.get_absolute_url())
    question_count = page.locator("fieldset").count()
    assert question_count == len(quiz.questions)
    answered = answer_with_keyboard(page)
    assert len(answered) == question_count
    page.wait_for_url("**/quiz/resultat/**")
    assert page.locator("h1").inner_text() == "Quiz\u00a0: définir une stratégie"
    assert page.locator(".correction").count() == question_count
    assert Attempt.objects.count() == 1


def test_missing_answers_are_announced_and_focused(site, quiz, page):
    page.goto(site + quiz.get_absolute_url())
    page.get_by_role("button", name="Valider mes réponses").click()
    alert = page.get_by_role("alert")
    assert "points à corriger" in alert.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert Attempt.objects.count() == 0


def test_anonymous_attempt_appears_in_my_space_after_sign_up(site, quiz, page):
    page.goto(site + quiz.get_absolute_url())
    answer_every_question(page, number="90")
    page.get_by_role("button", name="Valider mes réponses").click()
    page.wait_for_url("**/quiz/resultat/**")
    result = page.url
    score = page.locator(".score__value").inner_text()

    page.get_by_role("link", name="Créer un compte pour garder ce résultat").click()
    page.get_by_label("Adresse e-mail").fill("camille@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill("Un-mot-de-passe-solide-42")
    page.get_by_label("Confirmation de mot de passe").fill("Un-mot-de-passe-solide-42")
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url("**/compte/inscription/envoyee/**")
    assert page.get_by_role("heading", name="Vérifiez votre boîte de réception").is_visible()
    page.goto(site + link_in_last_email("camille@exemple.fr"))  # the link of the e-mail
    # Back where the learner was: the result, now theirs.
    page.wait_for_url(result)
    assert page.get_by_role("link", name="Mon espace").first.is_visible()
    page.goto(site + "/compte/mon-espace/")
    history = page.locator(
        "section", has=page.get_by_role("heading", name="Historique de mes quiz")
    )
    assert "Quiz\u00a0: définir une stratégie" in history.inner_text()
    assert score.replace("\u00a0", " ") in history.inner_text().replace("\u00a0", " ")
    assert Attempt.objects.get().user.email == "camille@exemple.fr"
