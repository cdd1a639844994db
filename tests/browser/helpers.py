"""What a person does in the browser, shared by the browser tests."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from workshops.models import WorkshopSession


def answer_every_question(page, number="50"):
    """Pick the first choice of each question and type `number` into the estimates."""
    # A click waits only for the next page to start loading: list its questions once loaded.
    page.wait_for_load_state()
    for fieldset in page.locator("fieldset").all():
        choice = fieldset.locator("input[type=radio], input[type=checkbox]")
        if choice.count():
            choice.first.check()
        else:
            fieldset.locator("input[type=text]").fill(number)


def sign_in(page, site, email, password):
    page.goto(site + "/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def screenshot(target, name):
    """A PNG of a page or of one element, saved in the folder BROWSER_SCREENSHOTS names, to look
    at what the test saw (`BROWSER_SCREENSHOTS=/tmp/shots make test`); nothing otherwise."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        target.screenshot(path=str(Path(folder) / f"{name}.png"))


def draw(page):
    """A signature drawn with the mouse, as a finger would, across the page's signature pad."""
    pad = page.locator("canvas").bounding_box()
    page.mouse.move(pad["x"] + 20, pad["y"] + 60)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(pad["x"] + 20 + step * 25, pad["y"] + 60 + (-1) ** step * 25)
    page.mouse.up()


def session_under_way(workshop):
    """A session of the workshop's programme, begun an hour ago, within today."""
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return WorkshopSession.objects.create(
        workshop=workshop,
        date=now.date(),
        starts_at=max(now - timedelta(hours=1), midnight).time(),
        ends_at=min(now + timedelta(hours=2), midnight + timedelta(hours=23, minutes=59)).time(),
        topic="Module 1",
        room="Salle 2",
    )
