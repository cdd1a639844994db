"""A live session in a real room, in Chromium: a projector driven by its keys after mouse clicks
(as a trainer does, and a presenter's remote), and four phones: one on WebSockets, one that goes
offline for a while, one whose network blocks WebSockets (it polls), one without JavaScript.
Nothing tapped is lost without the phone saying so; axe finds nothing on the phone and the
projector screens."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from live.models import Participant
from tests.browser.conftest import LIVE_TRAINER
from tests.browser.helpers import screenshot, sign_in
from tests.factories import QuizFactory, TrainerFactory
from tests.live_helpers import join as join_with
from tests.live_helpers import start_session

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
WAIT = 10_000  # ms: a state reaches every screen well within this

# A network that refuses WebSockets (a proxy answering the upgrade with an error): every socket
# closes before it opens, as Chromium reports it.
BLOCKED_SOCKETS = """
(() => {
    class Blocked {
        constructor() {
            this.readyState = 0;
            window.setTimeout(() => {
                this.readyState = 3;
                if (this.onerror) this.onerror(new Event("error"));
                if (this.onclose) this.onclose({code: 1006});
            }, 20);
        }
        send() { throw new Error("closed"); }
        close() {}
    }
    Object.assign(Blocked, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
    window.WebSocket = Blocked;
})();
"""
# Every text the connection line ever shows on this page.
STATUS_LOG = """
window.statusesShown = [];
document.addEventListener("DOMContentLoaded", () => {
    const status = document.querySelector("[data-live-connection]");
    if (!status) return;
    const seen = () => {
        if (!status.hidden && status.textContent) window.statusesShown.push(status.textContent);
    };
    new MutationObserver(seen).observe(status, {attributes: true, childList: true, subtree: true});
});
"""


def shown(page, text):
    """`text` on the page's stage (not the screen reader's announcement of it)."""
    return page.locator("#live-stage").get_by_text(text).first


def join(browser, site, code, nickname, javascript=True, sockets=True):
    context = browser.new_context(locale="fr-FR", java_script_enabled=javascript, **PHONE)
    context.add_init_script(STATUS_LOG)
    if not sockets:
        context.add_init_script(BLOCKED_SOCKETS)
    page = context.new_page()
    page.goto(site + "/direct/")
    page.get_by_label("Code de la séance").fill(code.lower())
    page.get_by_label("Votre pseudonyme").fill(nickname)
    page.get_by_role("button", name="Rejoindre").click()
    shown(page, "Vous êtes dans la séance.").wait_for(timeout=WAIT)
    return page


def tap(page):
    """Answer the question on screen with its first choice (ticked and sent, for several)."""
    stage = page.locator("#live-stage")
    boxes = stage.locator("input[type=checkbox]")
    if boxes.count():
        boxes.first.check()
        stage.get_by_role("button", name="Envoyer").click()
    else:
        stage.locator("button.live-choice").first.click()


def status_next_to_the_button(page):
    """The answer's state line, inside its form, right after the buttons, on screen."""
    status = page.locator("form[data-live-answer] [data-answer-status]")
    assert status.get_attribute("role") == "status"
    assert status.is_visible() and in_view(page, status)
    return status


def in_view(page, locator):
    """Whether the element comes within the screen (the page scrolls smoothly to it)."""
    handle = locator.element_handle()
    page.wait_for_function(
        """(element) => {
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        arg=handle,
        timeout=WAIT,
    )
    return True


def no_violation(page, where):
    found = Axe().run(page).response["violations"]
    problems = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found
    ]
    assert not problems, (where, problems)


@pytest.fixture
def served_content(committed_db):
    return {"quiz": QuizFactory(title="Quiz sur le Social CRM")}  # one choice, several, true/false


def test_a_room_with_a_phone_offline_one_polling_one_without_javascript_and_keys(
    asgi_site, served_content, browser
):
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
    stage = projector.locator("#live-stage")
    black = projector.locator("[data-black-screen]")

    lea = join(browser, site, code, "Léa")
    omar = join(browser, site, code, "Omar")
    zoe = join(browser, site, code, "Zoé", sockets=False)
    noe = join(browser, site, code, "Noé", javascript=False)
    shown(projector, "4 participants connectés").wait_for(timeout=WAIT)
    on_sockets = (lea, omar, zoe)

    # Keys after a click: the black screen by mouse, B to lift it; the focus stays on that
    # button, and space moves on (it does not press the button again).
    projector.get_by_role("button", name="Écran noir").click()
    assert black.is_visible()
    projector.keyboard.press("b")
    assert black.is_hidden()
    projector.keyboard.press(" ")
    for page in on_sockets:
        shown(page, "Question 1 sur 3").wait_for(timeout=WAIT)
    shown(projector, "Question 1 sur 3").wait_for(timeout=WAIT)
    assert black.is_hidden()

    # Question 1. Omar's network goes: his tap is kept, and the phone says so by the button.
    omar.context.set_offline(True)
    tap(omar)
    status = status_next_to_the_button(omar)
    assert "Pas de réseau : votre réponse est gardée sur ce téléphone" in status.inner_text()
    screenshot(omar, "live-phone-offline-kept")
    tap(lea)
    shown(lea, "Réponse enregistrée").wait_for(timeout=WAIT)
    tap(zoe)  # by a plain request: no socket there
    shown(zoe, "Réponse enregistrée").wait_for(timeout=WAIT)
    noe.reload()
    tap(noe)  # the form, posted
    shown(noe, "Réponse enregistrée").wait_for(timeout=WAIT)
    shown(projector, "3 réponses sur 4").wait_for(timeout=WAIT)
    omar.wait_for_timeout(2500)  # a while offline
    omar.context.set_offline(False)
    shown(omar, "Réponse enregistrée").wait_for(timeout=WAIT)  # sent on reconnection
    shown(projector, "4 réponses sur 4").wait_for(timeout=WAIT)

    # Pause and Reprendre by mouse; then space (the focus still on that button): the
    # correction, not a pause again.
    projector.get_by_role("button", name="Pause").click()
    shown(lea, "En pause").wait_for(timeout=WAIT)
    projector.get_by_role("button", name="Reprendre").click()
    shown(projector, "4 réponses sur 4").wait_for(timeout=WAIT)
    projector.locator(".projector__paused").wait_for(state="detached", timeout=WAIT)
    projector.keyboard.press(" ")
    shown(projector, "La bonne réponse").wait_for(timeout=WAIT)
    assert projector.locator(".projector__paused").count() == 0
    for page in on_sockets:
        page.locator(".live-verdict").wait_for(timeout=WAIT)
    no_violation(projector, "projector, correction")
    screenshot(projector, "live-projector-correction")
    no_violation(lea, "phone, correction")
    # A pause during the correction: the phones keep it.
    projector.keyboard.press("p")
    shown(lea, "En pause").wait_for(timeout=WAIT)
    assert shown(lea, "La bonne réponse").is_visible()
    # P toggles what the projector shows: it resumes once the projector knows it is paused.
    projector.locator(".projector__paused").wait_for(timeout=WAIT)
    projector.keyboard.press("p")
    lea.locator(".live-paused").wait_for(state="detached", timeout=WAIT)

    # Question 2 (several answers), from a presenter's remote (Page↓).
    projector.keyboard.press("PageDown")
    for page in on_sockets:
        shown(page, "Question 2 sur 3").wait_for(timeout=WAIT)
    # Léa sends nothing ticked: refused, and said next to the button.
    lea.locator("#live-stage").get_by_role("button", name="Envoyer").click()
    status = status_next_to_the_button(lea)
    status.get_by_text("Réponse non enregistrée : Choisissez une réponse.").wait_for(timeout=WAIT)
    no_violation(lea, "phone, question with a refusal")
    screenshot(lea, "live-phone-refused")
    tap(lea)
    shown(lea, "Réponse enregistrée").wait_for(timeout=WAIT)
    # Zoé too, on the phone that polls every two seconds: the polls bring the same screen again,
    # and leave her refusal and the box she then ticks as they are while she thinks.
    zoe.locator("#live-stage").get_by_role("button", name="Envoyer").click()
    refusal = "Réponse non enregistrée : Choisissez une réponse."
    status_next_to_the_button(zoe).get_by_text(refusal).wait_for(timeout=WAIT)
    box = zoe.locator("#live-stage input[type=checkbox]").first
    box.check()
    zoe.wait_for_timeout(4500)
    assert box.is_checked()
    assert refusal in status_next_to_the_button(zoe).inner_text()
    zoe.locator("#live-stage").get_by_role("button", name="Envoyer").click()
    shown(zoe, "Réponse enregistrée").wait_for(timeout=WAIT)
    noe.reload()
    tap(noe)
    shown(noe, "Réponse enregistrée").wait_for(timeout=WAIT)
    # Omar offline again; the question closes (Page↑: back to its correction) before he is back.
    omar.context.set_offline(True)
    tap(omar)
    assert "Pas de réseau" in status_next_to_the_button(omar).inner_text()
    shown(projector, "3 réponses sur 4").wait_for(timeout=WAIT)
    no_violation(projector, "projector, question")
    screenshot(projector, "live-projector-question")
    projector.keyboard.press("PageUp")
    shown(projector, "La bonne réponse").wait_for(timeout=WAIT)
    assert "3 réponses reçues" in stage.inner_text()
    omar.context.set_offline(False)
    note = omar.locator("[data-live-note]")
    note.get_by_text(
        "Votre réponse à la question 2 n’a pas été envoyée : la question s’est fermée"
    ).wait_for(timeout=WAIT)
    assert shown(omar, "Vous n'avez pas répondu à cette question.").is_visible()
    screenshot(omar, "live-phone-closed-while-offline")
    no_violation(omar, "phone, an answer the network lost")

    # Question 3 (→), the black screen and back (B, then "." as remotes send it), R.
    projector.keyboard.press("ArrowRight")
    for page in on_sockets:
        shown(page, "Question 3 sur 3").wait_for(timeout=WAIT)
    assert omar.locator("[data-live-note]").inner_text() == ""  # the session moved on
    projector.keyboard.press("b")
    assert black.is_visible()
    screenshot(projector, "live-projector-black")
    projector.keyboard.press(".")
    assert black.is_hidden()
    for page in on_sockets:
        tap(page)
        shown(page, "Réponse enregistrée").wait_for(timeout=WAIT)
    shown(projector, "3 réponses sur 4").wait_for(timeout=WAIT)
    projector.keyboard.press("r")
    shown(projector, "La bonne réponse").wait_for(timeout=WAIT)
    projector.keyboard.press("ArrowRight")
    shown(projector, "Séance terminée").wait_for(timeout=WAIT)
    for page in on_sockets:
        shown(page, "La séance est terminée. Merci !").wait_for(timeout=WAIT)
    noe.reload()
    assert shown(noe, "La séance est terminée. Merci !").is_visible()

    # The phone that polls never said the connection was lost; the others only while offline.
    assert zoe.evaluate("window.statusesShown") == []
    assert lea.evaluate("window.statusesShown") == []
    assert re.fullmatch(
        r"(Connexion perdue : reconnexion…)*", "".join(omar.evaluate("window.statusesShown"))
    )
    projector.get_by_role("link", name="Résultats").click()
    rows = projector.locator(".results-table tbody tr")
    assert sorted(row.locator("th").inner_text().split()[0] for row in rows.all()) == [
        "Léa",
        "Noé",
        "Omar",
        "Zoé",
    ]


def test_the_trainer_drives_the_room_and_removes_a_participant_without_javascript(site, browser):
    trainer = TrainerFactory(email="tina@test.fr", password="Formatrice-42")
    session = start_session(trainer)
    # Joining tells the screens through the channel layer (async_to_sync), which cannot run in
    # this thread while Playwright's event loop does.
    with ThreadPoolExecutor(1) as other_thread:
        other_thread.submit(join_with, Client(), session, "Léa").result()
        troll = other_thread.submit(join_with, Client(), session, "Troll").result()
    page = browser.new_context(locale="fr-FR", java_script_enabled=False).new_page()
    sign_in(page, site, "tina@test.fr", "Formatrice-42")
    page.wait_for_url("**/ateliers/")
    page.goto(site + session.get_projector_url())
    page.get_by_role("button", name="Suivant").click()
    shown(page, "Question 1 sur").wait_for(timeout=WAIT)
    page.get_by_text("2 participants : retirer…").click()
    page.get_by_role("button", name="Retirer Troll").click()
    shown(page, "0 réponse sur 1").wait_for(timeout=WAIT)
    assert "Ce formulaire a expiré" not in page.content()
    assert Participant.objects.get(pk=troll.pk).removed
    # The script's buttons are not shown without it (axe cannot run in a page without scripts).
    assert page.locator("[data-black-button]").is_hidden()
    assert page.locator("[data-fullscreen]").is_hidden()
