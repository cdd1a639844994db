"""A workshop from start to finish in a real browser: trainer, learner, results, CSV."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.browser.helpers import answer_every_question, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_trainer_assigns_a_quiz_learner_takes_it_trainer_exports_the_score(site, browser, tmp_path):
    User = get_user_model()
    trainer = User.objects.create_user(email="tina@test.fr", password="Formatrice-42")
    trainer.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    User.objects.create_user(email="lea@test.fr", password="Apprenante-42", first_name="Léa")

    trainer_page = browser.new_context(accept_downloads=True).new_page()
    sign_in(trainer_page, site, "tina@test.fr", "Formatrice-42")
    trainer_page.goto(site + "/ateliers/")
    trainer_page.get_by_role("link", name="Créer un atelier").click()
    trainer_page.get_by_label("Nom").fill("Commerçants du centre")
    trainer_page.get_by_role("button", name="Créer l'atelier").click()
    code = trainer_page.locator(".join-code").inner_text().strip()
    assert len(code) == 8

    trainer_page.get_by_role("link", name="Assigner un quiz").click()
    trainer_page.get_by_label("Quiz").select_option(label="Quiz : le Social CRM")
    trainer_page.get_by_label("Ouverture").fill("2020-01-01T09:00")
    trainer_page.get_by_label("Date limite", exact=True).fill("2099-12-31T18:00")
    trainer_page.get_by_role("button", name="Assigner").click()
    assert "Quiz : le Social CRM" in trainer_page.locator("main").inner_text()

    learner_page = browser.new_context().new_page()
    sign_in(learner_page, site, "lea@test.fr", "Apprenante-42")
    learner_page.goto(site + "/ateliers/rejoindre/")
    learner_page.get_by_label("Code de l'atelier").fill(code)
    learner_page.get_by_role("button", name="Rejoindre").click()
    learner_page.get_by_role("link", name="Quiz : le Social CRM").click()
    answer_every_question(learner_page)
    learner_page.get_by_role("button", name="Valider mes réponses").click()
    learner_page.wait_for_url("**/quiz/resultat/**")
    score = learner_page.locator(".score__value").inner_text().replace("\u00a0", " ")

    trainer_page.goto(trainer_page.url.split("/ateliers/")[0] + "/ateliers/")
    trainer_page.get_by_role("link", name="Résultats — Commerçants du centre").click()
    row = trainer_page.get_by_role("row", name="Léa")
    assert score.split()[0] + " %" in row.inner_text().replace("\u00a0", " ")
    with trainer_page.expect_download() as download_info:
        trainer_page.get_by_role("link", name="Télécharger en CSV (Excel)").click()
    path = tmp_path / "resultats.csv"
    download_info.value.save_as(path)
    content = path.read_bytes().decode("utf-8-sig")
    lea = next(line for line in content.splitlines() if "lea@test.fr" in line)
    assert lea.split(";")[2] == score.split()[0]
