"""The editors' admin in the browser. An editor changes a key figure, a moderator approves it, and
every place that shows it follows: the lesson's paragraph, its card, the chart, the quiz's answer
key and its explanation. A question's section is picked among its lesson's headings."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from figures.models import Statistic
from lessons.models import LessonPage
from quizzes.models import Quiz
from tests.browser.helpers import answer_every_question, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WHOLE_LESSON = "Toute la leçon (pas de section précise)"


@pytest.fixture
def site(seeded_site):
    """The editors change the seed's real content: a figure cited in a lesson, a chart, a quiz."""
    return seeded_site


def admin_sign_in(page, site, email, password):
    page.goto(site + "/admin/login/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url("**/admin/")


def test_a_figure_changed_through_moderation_is_right_everywhere(site, browser):
    User = get_user_model()
    for email, group in (("redactrice@test.fr", "Editors"), ("moderateur@test.fr", "Moderators")):
        user = User.objects.create_user(email=email, password="Mot-de-passe-42")
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    edit = f"{site}/admin/snippets/figures/statistic/edit/{statistic.pk}/"

    # The editor changes 65 % into 70 %, dated 2024, and submits it.
    editor = browser.new_context(locale="fr-FR").new_page()
    admin_sign_in(editor, site, "redactrice@test.fr", "Mot-de-passe-42")
    editor.goto(edit)
    editor.get_by_label("Valeur").fill("70")
    editor.get_by_label("Année").fill("2024")
    editor.get_by_role("button", name="Plus d'actions").click()
    editor.get_by_role("button", name=re.compile("Soumettre")).click()
    editor.wait_for_load_state()
    statistic.refresh_from_db()
    assert statistic.value == 65  # waiting for a moderator

    lesson_url = site + "/cours/fideliser-ses-clients/"
    reader = browser.new_context(locale="fr-FR").new_page()
    reader.goto(lesson_url)
    assert "65 %" in reader.locator("main").inner_text().replace("\u00a0", " ")

    # The moderator reads it and approves it.
    moderator = browser.new_context(locale="fr-FR").new_page()
    admin_sign_in(moderator, site, "moderateur@test.fr", "Mot-de-passe-42")
    moderator.goto(edit)
    moderator.get_by_role("button", name="Plus d'actions").click()
    moderator.get_by_role("button", name=re.compile("Approuver")).first.click()
    confirm = moderator.get_by_role("button", name=re.compile("Approuver"))
    if confirm.count() and confirm.last.is_visible():  # a comment dialog may come first
        confirm.last.click()
    moderator.wait_for_load_state()
    statistic.refresh_from_db()
    assert statistic.value == 70 and statistic.year == 2024

    # Every place follows: the paragraph and the card of the lesson, the key figures' chart…
    reader.goto(lesson_url)
    lesson = reader.locator("main").inner_text()
    assert "70 %" in lesson.replace("\u00a0", " ") and "étude de 2024" in lesson
    assert "65 %" not in lesson.replace("\u00a0", " ")
    reader.goto(site + "/chiffres-cles/")
    figures = reader.locator("main").inner_text().replace("\u00a0", " ")
    assert "70 %" in figures and "65 %" not in figures
    # …and the quiz: its correction and its explanation.
    reader.goto(site + "/quiz/quiz-fideliser-ses-clients/")
    answer_every_question(reader, number="70")
    reader.get_by_role("button", name="Valider mes réponses").click()
    reader.wait_for_url("**/resultat/**")
    result = reader.locator("main").inner_text().replace("\u00a0", " ")
    assert "70 %" in result and "65 %" not in result


def test_a_question_s_section_is_picked_among_its_lesson_s_headings(site, page):
    get_user_model().objects.create_superuser(email="admin@test.fr", password="Mot-de-passe-42")
    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    question = quiz.questions[0].value
    stored_lesson, stored_anchor = question["lesson"], question["anchor"]
    strategy = LessonPage.objects.get(slug="definir-une-strategie")
    assert stored_anchor and stored_lesson.pk != strategy.pk
    admin_sign_in(page, site, "admin@test.fr", "Mot-de-passe-42")
    page.goto(f"{site}/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")

    # The stored anchor shows as its heading, among the headings of the question's lesson.
    menu = page.locator("#questions-0-value-anchor-menu")
    expect(menu).to_be_enabled()
    assert "section de la leçon" in menu.evaluate("menu => menu.labels[0].textContent")
    assert menu.input_value() == stored_anchor
    headings = [text for _, text in stored_lesson.specific.table_of_contents()]
    expect(menu.locator("option")).to_have_text([WHOLE_LESSON, *headings])
    assert not page.locator("#questions-0-value-anchor").is_visible()  # the typed anchor, hidden

    # Another lesson: its own headings are offered, and the former section is dropped.
    chooser = page.locator("#questions-0-value-lesson-chooser")
    chooser.get_by_role("button", name="Actions").click()
    chooser.get_by_text("Choisir une autre page").click()
    page.locator(".modal").get_by_role("link", name=strategy.title).click()
    expect(chooser.locator("[data-chooser-title]")).to_have_text(strategy.title)
    headings = [text for _, text in strategy.table_of_contents()]
    expect(menu.locator("option")).to_have_text([WHOLE_LESSON, *headings])
    assert menu.input_value() == ""
    menu.select_option(label="Fixer des objectifs")
    menu.scroll_into_view_if_needed()
    screenshot(page, "question-section")

    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages")).to_contain_text("modifications enregistrées")
    quiz.refresh_from_db()
    saved = quiz.latest_revision.as_object().questions[0].value
    assert saved["lesson"].pk == strategy.pk and saved["anchor"] == "fixer-des-objectifs"


def test_the_rich_text_tooltips_are_in_french(site, page):
    """Wagtail writes "Edit" and "Remove" in English on the tooltip of a link or a cited figure
    (home/wagtail_hooks.py translates them)."""
    get_user_model().objects.create_superuser(email="admin@test.fr", password="Mot-de-passe-42")
    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    question = next(
        q for q in quiz.questions if 'embedtype="statistic"' in q.value["explanation"].source
    )
    question.value["explanation"] = RichText(
        question.value["explanation"].source.replace(
            "</p>", ' <a href="https://www.example.org/fidelite">Lire le guide</a></p>', 1
        )
    )
    quiz.save()
    admin_sign_in(page, site, "admin@test.fr", "Mot-de-passe-42")
    page.goto(f"{site}/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")

    figure = page.locator(".TooltipEntity", has=page.locator(".statistic-entity"))
    link = page.locator(".TooltipEntity", has_text="Lire le guide")
    expect(figure.locator("use[href='#icon-order']")).to_have_count(1)  # the figure's icon
    for entity in (figure, link):
        entity.scroll_into_view_if_needed()
        entity.click()
        tooltip = page.locator(".Tooltip")
        expect(tooltip.locator(".Tooltip__button")).to_have_text(["Modifier", "Retirer"])
        screenshot(page, "tooltip-figure" if entity is figure else "tooltip-link")
        page.keyboard.press("Escape")
        page.locator("body").click(position={"x": 5, "y": 5})
        expect(tooltip).to_have_count(0)


def test_removing_a_cited_figure_in_the_editor_leaves_no_number(site, page):
    """The tooltip's remove button on a cited figure takes its text away with it: a figure left
    behind as typed text would no longer follow the statistic."""
    get_user_model().objects.create_superuser(email="admin@test.fr", password="Mot-de-passe-42")
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    admin_sign_in(page, site, "admin@test.fr", "Mot-de-passe-42")
    page.goto(f"{site}/admin/pages/{lesson.pk}/edit/")

    figure = page.locator(".statistic-entity", has_text=re.compile(r"65\s%")).first
    # The paragraph's editor, held as an element: once the figure is gone, no locator that
    # names it would find its editor again.
    editor = page.locator(".Draftail-Editor", has=figure).first
    paragraph = editor.locator(".public-DraftEditor-content").element_handle()
    before = paragraph.inner_text()
    assert re.search(r"65\s%", before)
    figure.click()
    page.locator(".Tooltip__button", has_text=re.compile("^Retirer$")).click()

    page.wait_for_function(
        "(element) => !element.querySelector('.statistic-entity')", arg=paragraph
    )
    after = paragraph.inner_text()
    assert not re.search(r"65\s*%", after), after
    assert "  " not in after.replace("\u00a0", " ")  # one space where the figure was
    assert after.startswith("Selon la fiche, des internautes rejoignaient")  # the rest stays

    # Saved, the paragraph cites nothing and types nothing in its place.
    # Draftail writes its hidden field a moment after each change: the page's only citation
    # is gone from it.
    page.wait_for_function(
        "() => ![...document.querySelectorAll('input[type=hidden]')]"
        ".some((input) => input.value.includes('\"STATISTIC\"'))"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    assert page.locator(".messages .success").count(), page.locator(".messages").inner_text()
    lesson = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    body = str(lesson.body.raw_data)
    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    assert "Selon la fiche, des internautes rejoignaient" in body
    assert f'id="{statistic.pk}"' not in body.split("Selon la fiche")[1].split("</p>")[0]
    assert not re.search(r"65\s*%", body)
