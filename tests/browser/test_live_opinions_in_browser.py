"""Questions without a right answer in real browsers: a projector (1920×1080, and 1280×720) and
three phones (375 px) through a poll, a scale, a word cloud and an open question, the trainer
moderating from a page of their own and adding a question on the fly. Each drawing is checked
where it is drawn, with the browser's own fonts: inside the screen and its frame, words apart;
axe finds nothing on the new screens. BROWSER_SCREENSHOTS=folder keeps what the test saw."""

import re
from pathlib import Path

import pytest

from figures.distributions import word_cloud
from tests.browser.conftest import LIVE_TRAINER
from tests.browser.helpers import screenshot, sign_in
from tests.browser.test_accessibility import violations
from tests.browser.test_live_in_browser import WAIT, join, shown
from tests.factories import QuizFactory, opinion_questions

pytestmark = pytest.mark.browser

SIZES = [(1920, 1080), (1280, 720)]

# In the page: whether the stage fits the screen's width, and each word of a cloud inside the
# drawing and apart from the others (their boxes, as the browser draws them).
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"
CLOUD_OVERLAPS = """(svg) => {
    const frame = svg.viewBox.baseVal;
    const boxes = [...svg.querySelectorAll("text")].map((t) => [t.textContent, t.getBBox()]);
    const problems = [];
    for (const [word, b] of boxes) {
        const right = b.x + b.width, bottom = b.y + b.height;
        if (b.x < -1 || b.y < -1 || right > frame.width + 1 || bottom > frame.height + 1)
            problems.push(word + " outside");
    }
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const [a, p] = [boxes[i][1], boxes[j][1]];
            // Glyph boxes include the line's leading: a sixth above and below may touch.
            const apart = a.x + a.width <= p.x + 1 || p.x + p.width <= a.x + 1
                || a.y + a.height * 0.85 <= p.y + p.height * 0.15
                || p.y + p.height * 0.85 <= a.y + a.height * 0.15;
            if (!apart) problems.push(boxes[i][0] + " / " + boxes[j][0]);
        }
    }
    return problems;
}"""


@pytest.fixture
def served_content(committed_db):
    return {"quiz": QuizFactory(title="Pour commencer l'atelier", questions=opinion_questions())}


def look(page, name, stage_only=False):
    """The projector at both sizes: it fits the screen's width, nothing needs scrolling across,
    and axe finds no violation; screenshots kept if asked."""
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(150)
        assert page.evaluate(FITS), f"{name}: wider than {width} px"
        screenshot(page, f"{name}-{width}x{height}")
    assert violations(page) == [], name
    page.set_viewport_size({"width": 1920, "height": 1080})


def reveal(projector, text):
    projector.locator("body").press("r")
    shown(projector, text).wait_for(timeout=WAIT)


def test_the_projector_draws_each_kind_and_the_trainer_moderates(
    asgi_site, served_content, browser
):
    site, quiz = asgi_site, served_content["quiz"]
    context = browser.new_context(locale="fr-FR", viewport={"width": 1920, "height": 1080})
    projector = context.new_page()
    sign_in(projector, site, *LIVE_TRAINER)
    projector.goto(site + "/direct/animer/nouvelle/")
    projector.get_by_label("Quiz à projeter").select_option(
        label=quiz.title.replace("'", "’")
    )  # typeset
    projector.get_by_role("button", name="Ouvrir la projection").click()
    code = projector.locator(".projector__big-code").inner_text().split()[-1]
    phones = {name: join(browser, site, code, name) for name in ("Léa", "Omar", "Zoé")}
    shown(projector, "3 participants connectés").wait_for(timeout=WAIT)
    stage = projector.locator("#live-stage")

    def ask(number):
        projector.locator("body").press("ArrowRight")
        for page in phones.values():
            shown(page, f"Question {number} sur").wait_for(timeout=WAIT)

    def counted(total):
        shown(projector, f"{total} réponses sur 3").wait_for(timeout=WAIT)

    # A poll: each phone taps a button; the projector's bars count them.
    ask(1)
    screenshot(phones["Léa"], "phone-poll-375")
    assert violations(phones["Léa"]) == []
    for name, choice in (("Léa", "Oui, sur plusieurs"), ("Omar", "Oui, sur plusieurs")):
        phones[name].get_by_role("button", name=choice).click()
    phones["Zoé"].get_by_role("button", name="Pas encore").click()
    for page in phones.values():
        shown(page, "Réponse enregistrée").wait_for(timeout=WAIT)
    counted(3)
    reveal(projector, "3 réponses reçues")
    counts = [int(c.split()[0]) for c in stage.locator(".spread__count").all_inner_texts()]
    assert counts == [2, 0, 1]
    shown(phones["Léa"], "Merci pour votre réponse").wait_for(timeout=WAIT)
    screenshot(phones["Léa"], "phone-poll-thanks-375")
    look(projector, "projector-poll")

    # A scale: a button per number, the columns and their mean.
    ask(2)
    screenshot(phones["Omar"], "phone-scale-375")
    assert violations(phones["Omar"]) == []
    for name, value in (("Léa", "4"), ("Omar", "5"), ("Zoé", "2")):
        phones[name].locator("#live-stage").get_by_role("button", name=value, exact=True).click()
        shown(phones[name], "Réponse enregistrée").wait_for(timeout=WAIT)
    counted(3)
    reveal(projector, "Moyenne : 3,7")
    svg = stage.locator("svg.scale__svg")
    assert svg.count() == 1 and svg.is_visible()
    box = svg.bounding_box()
    assert box["y"] + box["height"] <= 1080 and box["width"] > 400
    look(projector, "projector-scale")

    # A word cloud: words typed, the same word counted once whatever its accents; drawn apart.
    ask(3)
    typed = {"Léa": "Réactivité", "Omar": "reactivite", "Zoé": "Écoute des clients"}
    for name, word in typed.items():
        phones[name].get_by_label(re.compile("Un mot ou quelques mots")).fill(word)
        phones[name].locator("#live-stage").get_by_role("button", name="Envoyer").click()
        shown(phones[name], "Réponse enregistrée").wait_for(timeout=WAIT)
    screenshot(phones["Zoé"], "phone-words-375")
    counted(3)
    reveal(projector, "3 réponses reçues")
    cloud = stage.locator("svg.cloud__svg")
    words = cloud.locator("text").all_text_contents()
    assert sorted(words) == ["Réactivité", "Écoute des clients"]
    assert cloud.evaluate(CLOUD_OVERLAPS) == []
    rows = stage.locator(".cloud__table tbody tr").all_inner_texts()
    assert [re.sub(r"\s+", " ", row).strip() for row in rows] == [
        "Réactivité 2",
        "Écoute des clients 1",
    ]
    look(projector, "projector-words")

    # The trainer hides a word from a page of their own (their phone): the projector follows.
    moderation = context.new_page()
    moderation.set_viewport_size({"width": 375, "height": 740})
    moderation.goto(site + f"/direct/{code}/moderation/")
    moderation.get_by_role("button", name="Masquer : Écoute des clients").click()
    moderation.get_by_role("button", name="Réafficher : Écoute des clients").wait_for(timeout=WAIT)
    shown(projector, "1 mot masqué").wait_for(timeout=WAIT)
    assert cloud.locator("text").all_text_contents() == ["Réactivité"]
    screenshot(moderation, "moderation-words-375")
    assert violations(moderation) == []

    # An open question: nothing on the projector until the trainer projects it.
    ask(4)
    answers = {"Léa": "Comment répondre à un avis injuste ?", "Omar": "Un mot grossier"}
    for name, text in answers.items():
        phones[name].get_by_label(re.compile("Votre réponse")).fill(text)
        phones[name].locator("#live-stage").get_by_role("button", name="Envoyer").click()
        shown(phones[name], "Réponse enregistrée").wait_for(timeout=WAIT)
    reveal(projector, "aucune projetée")
    project = moderation.get_by_role("button", name=f"Projeter : {answers['Léa']}")
    project.wait_for(timeout=WAIT)  # the moderation page follows the answers by itself
    screenshot(moderation, "moderation-open-375")
    project.click()
    shown(projector, "1 projetée").wait_for(timeout=WAIT)
    assert answers["Léa"] in stage.inner_text() and "grossier" not in stage.inner_text()
    look(projector, "projector-open")

    # A question added on the fly, from the projector: it comes next, on every phone.
    projector.get_by_text("Ajouter une question").click()
    projector.get_by_label("Type").select_option(label="Échelle de 0 à 10")
    projector.get_by_label("Question", exact=True).fill("Recommanderiez-vous cet atelier ?")
    screenshot(projector, "projector-add-1920x1080")
    projector.get_by_role("button", name="Ajouter comme question suivante").click()
    shown(projector, "Question 4 sur 5").wait_for(timeout=WAIT)
    assert not projector.locator("details.projector__add").evaluate("d => d.open")
    ask(5)
    buttons = phones["Léa"].locator("#live-stage .live-scale__value")
    assert buttons.count() == 11
    for button in buttons.all():  # big enough to tap
        assert button.bounding_box()["width"] >= 44 and button.bounding_box()["height"] >= 44
    assert phones["Léa"].evaluate(FITS)
    screenshot(phones["Léa"], "phone-scale-0-10-375")
    buttons.nth(7).click()
    shown(phones["Léa"], "Réponse enregistrée").wait_for(timeout=WAIT)
    reveal(projector, "Moyenne : 7,0")
    look(projector, "projector-scale-0-10")

    projector.locator("body").press("ArrowRight")
    shown(projector, "Séance terminée").wait_for(timeout=WAIT)
    for page in phones.values():
        shown(page, "La séance est terminée. Merci !").wait_for(timeout=WAIT)
        assert "bonne réponse" not in page.locator("#live-stage").inner_text()

    # The trainer's results: each answer as given, "répondu" (never right or wrong), and each
    # question drawn as on the projector; the page fits a laptop and a phone, axe finds nothing.
    results = context.new_page()
    results.goto(site + f"/direct/{code}/resultats/")
    lea_row = results.locator(".live-results tbody tr", has_text="Léa").inner_text()
    lea_row = lea_row.replace("\u00a0", " ")  # the site's typography: "injuste ?"
    for given in ("Oui, sur plusieurs", "4 sur une échelle de 1 à 5", "Réactivité", answers["Léa"]):
        assert given in lea_row
    assert "✓" not in lea_row and "✗" not in lea_row and lea_row.count("répondu ·") == 5
    assert results.locator(".question-report svg.cloud__svg").count() == 1
    assert results.locator(".question-report svg.scale__svg").count() == 2
    for width, height in ((1280, 800), (375, 740)):
        results.set_viewport_size({"width": width, "height": height})
        results.wait_for_timeout(150)
        assert results.evaluate(FITS), f"results: wider than {width} px"
        screenshot(results.locator("body"), f"results-opinions-{width}")
    assert violations(results) == []
    context.close()
    for page in phones.values():
        page.context.close()


WORDS = (
    "réactivité écoute confiance visibilité fidélité proximité conseils humour authenticité "
    "transparence patience régularité bouche-à-oreille photos vidéos avis clients promotions "
    "nouveautés événements coulisses savoir-faire qualité service écoute-client partage "
    "communauté influenceurs LinkedIn Instagram Facebook stratégie calendrier indicateurs "
    "engagement anticonstitutionnellement recommandation newsletter concours sondages"
).split()


def test_a_cloud_of_forty_words_keeps_them_apart_with_the_browser_s_fonts(browser):
    """The server guesses each word's width; Chromium draws it with its own fonts: every word
    still inside the drawing and apart from the others, from the largest to the smallest."""
    words = [(word, max(1, 24 - index)) for index, word in enumerate(WORDS)]
    svg = word_cloud("essai", "Nuage de quarante mots", words)
    css = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text()
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.set_content(f"<style>{css}</style><div style='width: 1100px'>{svg}</div>")
    cloud = page.locator("svg.cloud__svg")
    assert len(cloud.locator("text").all_text_contents()) == 40
    assert cloud.evaluate(CLOUD_OVERLAPS) == []
    screenshot(page, "cloud-40-words")
    page.close()
