"""A workshop from start to finish in a real browser: trainer, learner, results, CSV."""

import re

import pytest

from tests.browser.helpers import answer_every_question, sign_in
from tests.factories import QuizFactory, TrainerFactory, UserFactory
from workshops.models import AssignmentProgress

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# After a failure "Réessayer le quiz", after a pass "Refaire le quiz": at the top and at the end.
RETRY = re.compile(r"^(Réessayer|Refaire) le quiz$")


def test_a_workshop_from_assignment_to_the_answer_spread(site, browser, tmp_path):
    TrainerFactory(email="tina@test.fr", password="Formatrice-42")
    UserFactory(email="lea@test.fr", password="Apprenante-42", first_name="Léa", last_name="")
    crm = QuizFactory(title="Quiz sur le Social CRM")
    loyalty = QuizFactory(title="Quiz sur la fidélisation")

    # The trainer creates a workshop and assigns two quizzes at once.
    trainer_page = browser.new_context(accept_downloads=True).new_page()
    sign_in(trainer_page, site, "tina@test.fr", "Formatrice-42")
    trainer_page.wait_for_url("**/ateliers/")  # trainers land on their workshops
    trainer_page.get_by_role("link", name="Créer un atelier").click()
    trainer_page.get_by_label("Nom").fill("Commerçants du centre")
    trainer_page.get_by_role("button", name="Créer l’atelier").click()
    code = trainer_page.locator(".join-code").inner_text().strip()
    assert len(code) == 8

    trainer_page.get_by_role("link", name="Assigner des quiz").click()
    trainer_page.get_by_label(crm.title).check()
    trainer_page.get_by_label(loyalty.title).check()
    trainer_page.get_by_label("Tentatives autorisées").fill("2")
    trainer_page.get_by_role("button", name="Assigner").click()
    listed = trainer_page.locator("main").inner_text()
    assert "2 quiz assignés." in listed
    assert crm.title in listed and loyalty.title in listed

    # The learner joins, giving the last name the trainer will see, and takes a quiz.
    learner_page = browser.new_context().new_page()
    sign_in(learner_page, site, "lea@test.fr", "Apprenante-42")
    learner_page.goto(site + "/ateliers/rejoindre/")
    learner_page.get_by_label("Code de l’atelier").fill(code)
    learner_page.get_by_label("Nom", exact=True).fill("Roux")
    learner_page.get_by_role("button", name="Rejoindre").click()
    assert "Demande envoyée" in learner_page.locator("main").inner_text()
    # The trainer accepts her request; she reloads her page.
    trainer_page.goto(site + "/ateliers/")
    trainer_page.get_by_role("link", name="Commerçants du centre", exact=True).click()
    trainer_page.get_by_role("button", name="Accepter lea@test.fr").click()
    learner_page.reload()
    learner_page.get_by_role("link", name=crm.title).click()
    answer_every_question(learner_page)
    learner_page.get_by_role("button", name="Valider mes réponses").click()
    learner_page.wait_for_url("**/resultat/**")
    first_score = int(learner_page.locator(".score__value").inner_text().split()[0])

    # The retry stays in the assignment, and counts.
    learner_page.get_by_role("link", name=RETRY).first.click()
    # The result's address is in the assignment too: wait for the quiz's own page, or the
    # loop below would answer the result page it is leaving.
    learner_page.wait_for_url(re.compile(r"/ateliers/quiz-assignes/\d+/$"))
    for fieldset in learner_page.locator("fieldset").all():  # the other answers, this time
        options = fieldset.locator("input[type=radio], input[type=checkbox]")
        if options.count():
            options.nth(options.count() - 1).check()
        else:
            fieldset.locator("input[type=text]").fill("10")
    learner_page.get_by_role("button", name="Valider mes réponses").click()
    learner_page.wait_for_url("**/resultat/**")
    retry_score = int(learner_page.locator(".score__value").inner_text().split()[0])
    assert "2 tentatives sur 2" in learner_page.locator("main").inner_text()
    assert learner_page.get_by_role("link", name=RETRY).count() == 0
    progress = AssignmentProgress.objects.get(assignment__quiz=crm)
    assert progress.attempt_count == 2
    best = max(first_score, retry_score)

    # The trainer reads the table, opens the learner's attempt, then the answer spread.
    trainer_page.goto(site + "/ateliers/")
    trainer_page.get_by_role("link", name="Résultats — Commerçants du centre").click()
    row = trainer_page.get_by_role("row", name="Léa Roux")
    assert f"{best} %" in row.inner_text().replace("\u00a0", " ")
    assert "2 tentatives sur 2" in row.inner_text()
    row.get_by_role("link", name=re.compile(rf"^{best}\s%$")).click()
    trainer_page.get_by_text("Tentative de Léa Roux").wait_for()  # is_visible() would not wait
    assert trainer_page.locator(".correction").count() > 0
    assert trainer_page.get_by_text("La bonne réponse").count() > 0

    trainer_page.get_by_role("link", name="Résultats de l’atelier").click()
    trainer_page.get_by_role("link", name=crm.title).click()
    first_question = trainer_page.locator(".question-report").first
    assert "Bonne réponse" in first_question.inner_text()
    assert first_question.locator("svg.chart__svg").count() == 1
    spread = first_question.locator("table.chart__table tbody tr")
    counts = [int(cell) for cell in spread.locator("td").all_inner_texts()]
    assert sum(counts) >= 1  # the kept attempt's answer

    trainer_page.get_by_role("link", name="Résultats de l’atelier").click()
    with trainer_page.expect_download() as download_info:
        trainer_page.get_by_role("link", name="Télécharger en CSV (Excel)").click()
    path = tmp_path / "resultats.csv"
    download_info.value.save_as(path)
    content = path.read_bytes().decode("utf-8-sig")
    lea = next(line for line in content.splitlines() if "lea@test.fr" in line)
    assert lea.split(";")[0] == "Léa Roux" and str(best) in lea.split(";")
