"""The site behind nginx, configured with the README's file (deploy/nginx.conf), with PROXY_COUNT=1:
each client keeps its own limits, whatever it writes in X-Forwarded-For. Clients are told apart
by the loopback address their connections come from (127.0.0.2, 127.0.0.3…: all of 127/8 is
this machine), as nginx sees them."""

import json
import ssl
import time
from contextlib import ExitStack

import pytest
import requests
from requests.adapters import HTTPAdapter
from websockets.sync.client import connect

from .conftest import REDIS_URL, postgres_copy
from .servers import (
    AppServer,
    AsgiServer,
    Proxy,
    form_fields,
    free_port,
    manage,
    production_env,
    sign_in,
)
from .test_live_servers import has, until

pytestmark = pytest.mark.production

TRAINER = ("formatrice@atelier-reseaux.test", "Formatrice-demo-2026")
LEARNER = ("apprenant@atelier-reseaux.test", "Apprenant-demo-2026")
JOINS_PER_MINUTE = 3
ADDRESS_FAILURE_LIMIT = 4


@pytest.fixture(scope="module")
def proxy(postgres_template):
    port = free_port()
    with postgres_copy(postgres_template, "atelier_nginx") as url:
        env = production_env(
            url,
            REDIS_URL=REDIS_URL,
            CACHE_KEY_PREFIX=url.rsplit("/", 1)[1],
            PROXY_COUNT="1",
            LIVE_JOINS_PER_MINUTE=str(JOINS_PER_MINUTE),
            LOGIN_ADDRESS_FAILURE_LIMIT=str(ADDRESS_FAILURE_LIMIT),
            # HTTPS as in production: nginx terminates it.
            SECURE_SSL_REDIRECT="true",
            SECURE_COOKIES="true",
            # The origin browsers send on this test's port (on 443 it is the host alone).
            CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port}",
        )
        servers = []
        try:
            servers.append(AppServer(env))
            servers.append(AsgiServer(env))
            servers.append(Proxy(*servers, port))
            yield servers[-1], env
        finally:
            for server in reversed(servers):
                server.stop()


class FromAddress(HTTPAdapter):
    """Connections that leave from one loopback address."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


def browser(nginx, address):
    """A browser at `address`, on the site through nginx (HTTPS), sending its origin as
    browsers do."""
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment between it and nginx
    session.mount("https://", FromAddress(address))
    session.verify = str(nginx.certificate)
    session.headers["Origin"] = nginx.url
    session.address = address
    return session


def open_socket(sockets, nginx, path, browser):
    """A WebSocket through nginx's /ws/, from the browser's address with its cookies."""
    cookies = "; ".join(f"{key}={value}" for key, value in browser.cookies.items())
    return sockets.enter_context(
        connect(
            nginx.url.replace("https://", "wss://") + path,
            ssl=ssl.create_default_context(cafile=str(nginx.certificate)),
            origin=nginx.url,
            additional_headers={"Cookie": cookies},
            proxy=None,
            source_address=(browser.address, 0),
        )
    )


def join(nginx, phone, code, nickname):
    fields = form_fields(phone.get(f"{nginx.url}/direct/").text)
    fields.update(code=code, nickname=nickname)
    return phone.post(f"{nginx.url}/direct/", data=fields, allow_redirects=False).status_code


def early_in_a_minute():
    """The join limit counts per minute of the clock: a burst starts well before its end."""
    if time.time() % 60 > 45:
        time.sleep(60 - time.time() % 60)


def sign_in_records(env):
    """The addresses of the failed sign-ins, as django-axes recorded them."""
    script = (
        "from axes.models import AccessAttempt; "
        "print(*sorted(set(AccessAttempt.objects.values_list('ip_address', flat=True))))"
    )
    return manage(env, "shell", "--no-imports", "-c", script).split()


def test_plain_http_is_sent_to_https(proxy):
    nginx, _ = proxy
    response = requests.get(
        f"http://127.0.0.1:{nginx.http_port}/cours/", allow_redirects=False, timeout=10
    )
    assert response.status_code == 301
    assert response.headers["Location"] == "https://127.0.0.1/cours/"


def test_each_room_has_its_own_join_limit_and_sockets_go_through_nginx(proxy):
    nginx, _ = proxy
    trainer = browser(nginx, "127.0.0.2")
    assert sign_in(trainer, nginx.url, *TRAINER).status_code == 302
    fields = form_fields(trainer.get(f"{nginx.url}/direct/animer/nouvelle/").text)
    fields.update(question_count="3")
    response = trainer.post(
        f"{nginx.url}/direct/animer/nouvelle/", data=fields, allow_redirects=False
    )
    code = response.headers["Location"].split("/")[2]

    early_in_a_minute()
    # A room behind 127.0.0.3: its phones join up to the limit, then are refused.
    room = [browser(nginx, "127.0.0.3") for _ in range(JOINS_PER_MINUTE + 1)]
    statuses = [join(nginx, phone, code, f"Salle A {n}") for n, phone in enumerate(room)]
    assert statuses == [302] * JOINS_PER_MINUTE + [429]
    # A phone of that room that writes an address of its own choosing is refused all the same.
    forger = browser(nginx, "127.0.0.3")
    forger.headers["X-Forwarded-For"] = "198.51.100.1"
    assert join(nginx, forger, code, "Faussaire") == 429
    # Another room, behind 127.0.0.4, joins.
    phone = browser(nginx, "127.0.0.4")
    assert join(nginx, phone, code, "Salle B") == 302

    # The projector and that phone follow the session over WebSockets through nginx.
    with ExitStack() as sockets:
        projector = open_socket(sockets, nginx, f"/ws/direct/{code}/projecteur/", trainer)
        assert "4 participants connectés" in json.loads(projector.recv(timeout=15))["html"]
        socket = open_socket(sockets, nginx, f"/ws/direct/{code}/", phone)
        assert "Vous êtes dans la séance." in json.loads(socket.recv(timeout=15))["html"]
        projector.send(json.dumps({"action": "next"}))
        until(socket, has("Question 1 sur 3"))


def test_a_client_locked_out_for_its_failures_locks_out_no_other(proxy):
    nginx, env = proxy
    # Wrong passwords on many accounts from 127.0.0.5 (password spraying): locked out.
    sprayer = browser(nginx, "127.0.0.5")
    statuses = [
        sign_in(sprayer, nginx.url, f"cible{n}@test.fr", "mauvais").status_code
        for n in range(ADDRESS_FAILURE_LIMIT + 1)
    ]
    assert statuses == [200] * (ADDRESS_FAILURE_LIMIT - 1) + [429, 429]
    # Even with the right password, and whatever address it writes itself.
    assert sign_in(sprayer, nginx.url, *LEARNER).status_code == 429
    sprayer.headers["X-Forwarded-For"] = "198.51.100.1"
    assert sign_in(sprayer, nginx.url, *LEARNER).status_code == 429
    # The learner's own phone, at 127.0.0.6, signs in.
    learner = browser(nginx, "127.0.0.6")
    assert sign_in(learner, nginx.url, *LEARNER).status_code == 302
    assert learner.get(f"{nginx.url}/compte/mon-espace/").status_code == 200
    # The failures are the sprayer's, recorded under its address: not nginx's, not its forgery.
    assert sign_in_records(env) == ["127.0.0.5"]
