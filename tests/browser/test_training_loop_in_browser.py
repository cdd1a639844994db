"""Before and after a workshop, in a real browser: the trainer sends the convocation (read from
the SMTP server, calendar attached), three phones answer the "à chaud" questionnaire during the
last session, a learner opens the "à froid" link from the e-mail she received, and the trainer
reads the figures."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from satisfaction import services
from satisfaction.models import Response
from satisfaction.seed import build_questionnaires
from tests.browser.helpers import sign_in
from tests.factories import TrainerFactory, UserFactory, WorkshopFactory
from tests.mail_server import parts
from workshops.models import WorkshopSession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "locale": "fr-FR"}


def phone(browser, site, email):
    page = browser.new_context(**PHONE).new_page()
    sign_in(page, site, email, "Apprenant-42")
    return page


def test_convocation_hot_and_cold_questionnaires_and_the_figures(site, browser, smtp):
    build_questionnaires()
    TrainerFactory(email="tina@test.fr", password="Formatrice-42", first_name="Tina")
    learners = [
        UserFactory(email=email, password="Apprenant-42", first_name=first)
        for first, email in (
            ("Léa", "lea@test.fr"),
            ("Omar", "omar@test.fr"),
            ("Zoé", "zoe@test.fr"),
        )
    ]
    workshop = WorkshopFactory(
        name="Réseaux sociaux pour artisans",
        trainers=[TrainerFactory._meta.model.objects.get(email="tina@test.fr")],
        members=learners,
    )
    # The last (and only) session is under way: begun an hour ago, ending in an hour.
    now = timezone.localtime()
    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=now.date(),
        starts_at=max(now - timedelta(hours=1), now.replace(hour=0, minute=0)).time(),
        ends_at=min(now + timedelta(hours=1), now.replace(hour=23, minute=59)).time(),
        room="Salle 2",
    )

    # The trainer sends the convocation from the workshop's page.
    trainer = browser.new_context(locale="fr-FR").new_page()
    sign_in(trainer, site, "tina@test.fr", "Formatrice-42")
    trainer.goto(f"{site}/ateliers/{workshop.pk}/")
    trainer.get_by_role("link", name="Convocations").click()
    trainer.get_by_role("button", name="Envoyer la convocation aux 3 participants").click()
    assert "Convocation envoyée à 3 participants." in trainer.locator("main").inner_text()
    assert trainer.locator("main").inner_text().count("remis au serveur de messagerie") == 3
    (convocation,) = smtp.to("lea@test.fr")
    text, _html, files = parts(convocation)
    assert str(session) in text and "programme.ics" in files

    # Three phones answer the "à chaud" questionnaire from their workshop's page.
    for learner, mark in zip(learners, ("5", "4", "2"), strict=True):
        page = phone(browser, site, learner.email)
        page.goto(f"{site}/ateliers/mes-ateliers/{workshop.pk}/")
        page.get_by_role("link", name="Donner mon avis sur la formation").click()
        page.get_by_role("group", name=re.compile("Dans l.ensemble")).get_by_label(mark).check()
        page.get_by_label("Adapté").check()
        page.get_by_label("En un mot, ce que vous retenez").fill("Réactivité")
        page.get_by_role("button", name="Envoyer mes réponses").click()
        assert "Merci pour vos réponses" in page.locator("main").inner_text()
    assert Response.objects.count() == 3

    # Six weeks after: the "à froid" e-mail; Léa opens the link she received.
    services.send_cold_surveys(timezone.now() + timedelta(weeks=6))
    received = smtp.to("lea@test.fr")[-1]
    text, _html, _files = parts(received)
    link = re.search(r"https?://\S+/satisfaction/avis/\S+/", text).group(0)
    lea = browser.new_context(**PHONE).new_page()  # from her mail app: not signed in
    lea.goto(site + link[link.index("/satisfaction/") :])
    lea.get_by_role("group", name=re.compile("Avec le recul")).get_by_label("4").check()
    lea.get_by_label("Des réponses aux avis clients").check()
    lea.get_by_role("button", name="Envoyer mes réponses").click()
    assert "Merci pour vos réponses" in lea.locator("main").inner_text()
    lea.reload()  # the link serves once
    assert "Vous avez déjà répondu" in lea.locator("main").inner_text()

    # The trainer reads the figures.
    trainer.goto(f"{site}/ateliers/{workshop.pk}/")
    trainer.get_by_role("link", name="Satisfaction").click()
    figures = trainer.locator("main").inner_text().replace("\u00a0", " ")
    assert "3 réponses sur 3 participants interrogés (100 %)." in figures
    assert "Moyenne : 3,7" in figures  # (5 + 4 + 2) / 3
    assert "1 réponse sur 3 participants interrogés (33 %)." in figures
