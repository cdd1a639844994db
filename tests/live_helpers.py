"""Live sessions in tests: a trainer's session, phones that join it, sockets like a browser's."""

from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse

from live.models import LiveSession
from tests.factories import LiveSessionFactory


def start_session(trainer, workshop=None, quiz=None, **options):
    """A session the trainer starts on `quiz` (a new one if None), as live.services.start does."""
    if quiz is not None:
        options["quiz"] = quiz
    return LiveSessionFactory(trainer=trainer, workshop=workshop, **options)


def phone(session, nickname, user=None):
    """A browser that joined the session: (its test client, its participant)."""
    browser = Client()
    if user is not None:
        browser.force_login(user)
    return browser, join(browser, session, nickname)


def join(browser, session, nickname):
    """The same browser (a phone, a laptop) joins one more session: its participant there,
    found as the browser now finds it."""
    response = browser.post(reverse("live:join"), {"code": session.code, "nickname": nickname})
    assert response.status_code == 302, response.content.decode()[:400]
    assert response.url == session.get_absolute_url(), response.url
    page = browser.get(response.url)
    participant = page.context["participant"] if page.context else None
    assert participant is not None and participant.session_id == session.pk
    return participant


class Socket(WebsocketCommunicator):
    """Channels' communicator, waiting for a message as long as a loaded machine may take to send
    it (Channels waits 1 s, which a test machine three times slower than usual overran on a
    room's first message). A test that expects silence says so with `receive_nothing`."""

    async def receive_from(self, timeout=10):
        return await super().receive_from(timeout)

    async def receive_json_from(self, timeout=10):
        return await super().receive_json_from(timeout)


def cookie_of(browser):
    return browser.cookies["sessionid"].value


async def socket(path, browser=None, origin="http://testserver"):
    """A WebSocket to the project's ASGI application, with the browser's session cookie."""
    from config.asgi import application

    headers = [(b"origin", origin.encode()), (b"host", b"testserver")]
    if browser is not None and "sessionid" in browser.cookies:
        headers.append((b"cookie", f"sessionid={cookie_of(browser)}".encode()))
    communicator = Socket(application, path, headers=headers)
    # Channels' default of 1 s is shorter than a loaded machine may take to accept (the first
    # socket of a test process also builds the application's routes).
    connected, code = await communicator.connect(timeout=10)
    return communicator, connected, code


def phone_path(session):
    return f"/ws/direct/{session.code}/"


def projector_path(session):
    return f"/ws/direct/{session.code}/projecteur/"


def right_value(session, index=None):
    """The right answer to a question of the session, as a phone sends it."""
    question = session.questions[session.current if index is None else index]
    if question["kind"] == "numeric":
        return question["answer"]
    right = [choice["id"] for choice in question["choices"] if choice["correct"]]
    return right if question["kind"] == "multiple" else right[0]


def wrong_value(session, index=None):
    question = session.questions[session.current if index is None else index]
    if question["kind"] == "numeric":
        return "-1000"
    wrong = [choice["id"] for choice in question["choices"] if not choice["correct"]]
    return wrong[:1] if question["kind"] == "multiple" else wrong[0]


def fresh(session):
    return LiveSession.objects.get(pk=session.pk)
