"""A live session in real browsers: a projector and three phones, one of them on a network that
blocks WebSockets, through a whole three-question session served as `make run` serves it."""

import re

import pytest

from tests.browser.conftest import LIVE_TRAINER
from tests.browser.helpers import sign_in
from tests.factories import QuizFactory

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
WAIT = 10_000  # ms: a state reaches every screen well within this


def shown(page, text):
    """`text` on the page's stage (not the screen reader's announcement of it)."""
    return page.locator("#live-stage").get_by_text(text).first


def join(browser, site, code, nickname, websockets=True):
    context = browser.new_context(locale="fr-FR", **PHONE)
    if not websockets:  # as behind a proxy that blocks them: the page must poll instead
        context.add_init_script("delete window.WebSocket; window.WebSocket = undefined;")
    page = context.new_page()
    page.goto(site + "/direct/")
    page.get_by_label("Code de la séance").fill(code.lower())
    page.get_by_label("Votre pseudonyme").fill(nickname)
    page.get_by_role("button", name="Rejoindre").click()
    shown(page, "Vous êtes dans la séance.").wait_for(timeout=WAIT)
    return page


def answer(page, pick):
    """Answer the question on screen with the first or last choice (or a number): the letter
    of what was chosen, as the projector names the choices (None for a number)."""
    stage = page.locator("#live-stage")
    numeric = stage.locator("input[name=value][type=text]")
    checkboxes = stage.locator("input[type=checkbox]")
    choices = checkboxes if checkboxes.count() else stage.locator("button.live-choice")
    letter = None
    if numeric.count():
        numeric.fill("50")
        stage.get_by_role("button", name="Envoyer").click()
    else:
        index = 0 if pick == "first" else choices.count() - 1
        letter = "ABCDEFGH"[index]
        if checkboxes.count():
            checkboxes.nth(index).check()
            stage.get_by_role("button", name="Envoyer").click()
        else:
            choices.nth(index).click()
    shown(page, "Réponse enregistrée").wait_for(timeout=WAIT)
    return letter


def spread_counts(projector):
    """The projector's answer spread: {letter (or range): number of participants}."""
    counts = {}
    for row in projector.locator(".spread__row").all():
        letter = row.locator(".spread__letter")
        key = letter.inner_text().strip(" .") if letter.count() else row.inner_text()
        counts[key] = int(row.locator(".spread__count").inner_text().split()[0])
    return counts


@pytest.fixture
def served_content(committed_db):
    return {"quiz": QuizFactory(title="Quiz sur le Social CRM")}  # a question of each kind


def test_a_whole_session_with_a_projector_and_three_phones(asgi_site, served_content, browser):
    site, quiz = asgi_site, served_content["quiz"]
    projector = browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 720}
    ).new_page()
    sign_in(projector, site, *LIVE_TRAINER)
    projector.goto(site + "/direct/animer/nouvelle/")
    projector.get_by_label("Quiz à projeter").select_option(label=quiz.title)
    projector.get_by_label("Nombre de questions").fill("3")
    projector.get_by_role("button", name="Ouvrir la projection").click()
    code = projector.locator(".projector__big-code").inner_text().split()[-1]
    assert re.fullmatch(r"[A-Z2-9]{6}", code)
    assert projector.locator(".projector__qr svg").count() == 1
    stage = projector.locator("#live-stage")

    phones = {
        "Léa": join(browser, site, code, "Léa"),
        "Omar": join(browser, site, code, "Omar"),
        "Zoé": join(browser, site, code, "Zoé", websockets=False),
    }
    shown(projector, "3 participants connectés").wait_for(timeout=WAIT)
    assert all(name in stage.inner_text() for name in phones)

    picks = {"Léa": "first", "Omar": "last", "Zoé": "first"}
    for number in (1, 2, 3):
        projector.locator("body").press("ArrowRight")  # → : the next question
        for page in phones.values():
            shown(page, f"Question {number} sur 3").wait_for(timeout=WAIT)
        # On question 2 Zoé does not answer: the trainer reveals without waiting for her.
        answering = [name for name in phones if not (number == 2 and name == "Zoé")]
        chosen = {}
        for name in answering:
            chosen[name] = answer(phones[name], picks[name])
            if number == 1 and name == "Léa":  # her phone reloads: same participant, answer kept
                phones[name].reload()
                shown(phones[name], "Réponse enregistrée").wait_for(timeout=WAIT)
        shown(projector, f"{len(answering)} réponses sur 3").wait_for(timeout=WAIT)

        projector.locator("body").press("r")  # R: the correction
        shown(projector, "La bonne réponse").wait_for(timeout=WAIT)
        counts = spread_counts(projector)
        expected = dict.fromkeys(counts, 0)
        for letter in chosen.values():
            if letter is not None:
                expected[letter] += 1
        if all(letter is not None for letter in chosen.values()):
            assert counts == expected, (number, counts, expected)
        else:  # an estimate: below, within or above the right range
            assert sum(counts.values()) == len(answering)
        bars = projector.locator(".spread__bar rect")
        assert bars.count() == len(counts)
        widths = [float(bar.get_attribute("width")) for bar in bars.all()]
        shares = [round(100 * count / len(answering)) for count in counts.values()]
        assert widths == shares, (widths, shares)  # each bar, its share of the answers
        assert f"{len(answering)} réponse" in stage.inner_text()
        for name, page in phones.items():
            verdict = page.locator(".live-verdict")
            verdict.wait_for(timeout=WAIT)
            if name in answering:
                assert re.search(r"Bonne réponse|Réponse incorrecte", verdict.inner_text())
            else:
                assert "Vous n'avez pas répondu" in verdict.inner_text()
            assert shown(page, "La bonne réponse").is_visible()

    projector.locator("body").press("ArrowRight")  # after the last correction: the end
    shown(projector, "Séance terminée").wait_for(timeout=WAIT)
    summary = projector.locator("table.projector__summary tbody tr")
    assert summary.count() == 3
    for page in phones.values():
        shown(page, "La séance est terminée. Merci !").wait_for(timeout=WAIT)

    projector.get_by_role("link", name="Résultats").click()
    rows = projector.locator(".results-table tbody tr")
    assert sorted(row.locator("th").inner_text().strip() for row in rows.all()) == [
        "Léa",
        "Omar",
        "Zoé",
    ]
