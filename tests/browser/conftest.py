"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

import os
import threading

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


# One browser per module: Playwright's sync API keeps an event loop running in this thread while
# it is open, and the tests after the browser tests call async_to_sync from this thread.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, committed_db):
    """The live server on an empty site (tests/conftest.py): each test builds what it needs
    with the factories."""
    yield from serve(live_server)


@pytest.fixture
def seeded_site(live_server, seeded_db):
    """The live server with the seed content (restored: tests/conftest.py), for the tests about
    the real pages."""
    yield from serve(live_server)


def serve(live_server):
    cache.clear()  # Wagtail caches site root paths; the restored database has new ones
    requests = RequestsInProgress()
    request_started.connect(requests.started)
    request_finished.connect(requests.finished)
    yield live_server.url
    # The test's browser is closed by now (`page` is set up after `site`), but the live server
    # may still be serving a request it sent last: the database's flush after the test would
    # find a table locked, and the next test would start on a dirty database.
    assert requests.wait_until_none(), "a request of the live server did not end"
    request_started.disconnect(requests.started)
    request_finished.disconnect(requests.finished)


class RequestsInProgress:
    """Counts the requests the server has started and not yet finished (Django's signals)."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def started(self, **kwargs):
        with self.changed:
            self.count += 1

    def finished(self, **kwargs):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_none(self, timeout=10):
        with self.changed:
            return self.changed.wait_for(lambda: self.count <= 0, timeout)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


LIVE_TRAINER = ("tina@test.fr", "Formatrice-42")


@pytest.fixture
def served_content(committed_db):
    """What a test builds before `asgi_site` starts, by overriding this fixture in its module:
    on SQLite, the server serves a copy of the database made as it starts."""


@pytest.fixture
def asgi_site(served_content, tmp_path):
    """The site as `make run` serves it (runserver on daphne: pages and WebSockets in one
    process), on an empty site (tests/conftest.py) with `served_content` and a trainer,
    LIVE_TRAINER: pytest-django's live server speaks WSGI only, and live sessions need their
    sockets."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from tests.browser.asgi_server import AsgiDevServer
    from tests.factories import TrainerFactory

    cache.clear()
    email, password = LIVE_TRAINER
    hasher = PBKDF2PasswordHasher()  # the server's own hasher (these tests hash with MD5)
    trainer = TrainerFactory(email=email, first_name="Tina", last_name="")
    trainer.password = hasher.encode(password, hasher.salt(), iterations=1000)
    trainer.save(update_fields=["password"])
    server = AsgiDevServer(tmp_path)
    yield server.url
    server.stop()
