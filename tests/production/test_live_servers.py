"""Live sessions as deployed: pages on gunicorn, WebSockets on two daphne servers sharing one
Redis channel layer. The projector's socket is on one server, the phones' on the other."""

import json
import time
from contextlib import ExitStack

import pytest
import requests
from websockets.sync.client import connect

from .conftest import REDIS_URL, postgres_copy
from .servers import AppServer, AsgiServer, form_fields, production_env, sign_in

pytestmark = pytest.mark.production

TRAINER = ("formatrice@atelier-reseaux.test", "Formatrice-demo-2026")
IDLE_SECONDS = 12


@pytest.fixture(scope="module")
def live_site(postgres_template):
    with postgres_copy(postgres_template, "atelier_live") as url:
        env = production_env(url, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=url.rsplit("/", 1)[1])
        servers = []
        try:
            servers = [AppServer(env), AsgiServer(env), AsgiServer(env)]
            yield servers
        finally:
            for server in servers:
                server.stop()


def open_socket(sockets, server, path, browser):
    """A WebSocket to `server`, as the browser holding `browser`'s cookies would open it;
    closed with the `sockets` stack."""
    cookies = "; ".join(f"{key}={value}" for key, value in browser.cookies.items())
    return sockets.enter_context(
        connect(
            server.url.replace("http://", "ws://") + path,
            origin=server.url,
            additional_headers={"Cookie": cookies},
            proxy=None,
        )
    )


def until(socket, check, timeout=15):
    """The first state that passes `check` (earlier ones are skipped)."""
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        try:
            message = json.loads(socket.recv(timeout=max(0.01, end - time.monotonic())))
        except TimeoutError:
            break
        if check(message):
            return message
        seen.append(message.get("announce") or message.get("message"))
    raise AssertionError(f"no matching message; got {seen}")


def has(text):
    return lambda message: message.get("type") == "state" and text in message["html"]


def counted(text):
    """The projector's count of answers, which it receives alone while a question is open."""
    return lambda message: (
        text in (message.get("text") if message.get("type") == "count" else message.get("html", ""))
    )


def first_choice(html):
    """An answer to the question on a phone's screen, as its page would send it."""
    if 'inputmode="decimal"' in html:
        return "50"
    value = html.split('name="value" value="')[1].split('"')[0]
    return [value] if 'type="checkbox"' in html else value


def join(pages, code, nickname):
    phone = requests.Session()
    fields = form_fields(phone.get(f"{pages.url}/direct/").text)
    fields.update(code=code, nickname=nickname)
    response = phone.post(f"{pages.url}/direct/", data=fields, allow_redirects=False)
    assert response.headers["Location"] == f"/direct/{code}/"
    return phone


def test_a_session_spread_over_two_asgi_servers(live_site):
    pages, first, second = live_site
    trainer = requests.Session()
    assert sign_in(trainer, pages.url, *TRAINER).status_code == 302
    fields = form_fields(trainer.get(f"{pages.url}/direct/animer/nouvelle/").text)
    fields.update(question_count="3")
    response = trainer.post(
        f"{pages.url}/direct/animer/nouvelle/", data=fields, allow_redirects=False
    )
    code = response.headers["Location"].split("/")[2]
    phones = [join(pages, code, name) for name in ("Léa", "Omar", "Zoé")]

    with ExitStack() as stack:
        projector = open_socket(stack, first, f"/ws/direct/{code}/projecteur/", trainer)
        assert "3 participants connectés" in json.loads(projector.recv(timeout=15))["html"]
        sockets = [open_socket(stack, second, f"/ws/direct/{code}/", phone) for phone in phones]
        for socket in sockets:
            assert "Vous êtes dans la séance." in json.loads(socket.recv(timeout=15))["html"]

        # A room waits: sockets stay open while nothing happens (redis-py 8's default read
        # timeout ended every idle socket after 5 s).
        time.sleep(IDLE_SECONDS)

        # The trainer's → on the first server reaches the phones on the second.
        projector.send(json.dumps({"action": "next"}))
        states = [until(socket, has("Question 1 sur 3")) for socket in sockets]
        choice = first_choice(states[0]["html"])
        for socket in sockets[:2]:
            socket.send(json.dumps({"action": "answer", "question": 0, "value": choice}))
            until(socket, has("Réponse enregistrée"))
        # The answers given on the second server are counted on the first.
        until(projector, counted("2 réponses sur 3"))

        # Zoé's phone loses the network and comes back through the other server: the same
        # participant, who can still answer.
        sockets[2].close()
        sockets[2] = open_socket(stack, first, f"/ws/direct/{code}/", phones[2])
        assert "Question 1 sur 3" in json.loads(sockets[2].recv(timeout=15))["html"]
        sockets[2].send(json.dumps({"action": "answer", "question": 0, "value": choice}))
        until(sockets[2], has("Réponse enregistrée"))
        until(projector, counted("3 réponses sur 3"))

        projector.send(json.dumps({"action": "reveal"}))
        # The correction, or for a question without a right answer the answer acknowledged.
        for socket in sockets:
            until(socket, has("live-verdict"))
        until(projector, has("3 réponses reçues"))

        projector.send(json.dumps({"action": "end"}))
        for socket in sockets:
            until(socket, has("La séance est terminée."))

    csv = trainer.get(f"{pages.url}/direct/{code}/resultats.csv").content.decode("utf-8-sig")
    lines = [line.split(";") for line in csv.splitlines()]
    start = next(i for i, line in enumerate(lines) if line[0] == "Pseudonyme") + 1
    participants = lines[start:]
    assert [line[0] for line in participants] == ["Léa", "Omar", "Zoé"]
    # Each one's answer to the first question, as given, and its verdict.
    assert all(line[2] and line[3] in ("juste", "faux", "répondu") for line in participants)
