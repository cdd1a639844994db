"""What a person does in the browser, shared by the browser tests."""

import os
from pathlib import Path


def answer_every_question(page, number="50"):
    """Pick the first choice of each question and type `number` into the estimates."""
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
