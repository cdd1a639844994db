"""App servers as in production: gunicorn with the production settings, on loopback."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
DAPHNE = str(Path(PYTHON).parent / "daphne")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env, *args):
    """Runs a management command with the servers' environment; returns what it printed."""
    command = [PYTHON, "manage.py", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True)


class AppServer:
    def __init__(self, env, workers=1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, "config.wsgi:application", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_up("gunicorn")

    def wait_until_up(self, name):
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):  # not up yet, or still booting
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{name} did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class AsgiServer(AppServer):
    """daphne, as in production beside gunicorn: it carries the live sessions' WebSockets."""

    def __init__(self, env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [DAPHNE, "-b", "127.0.0.1", "-p", str(self.port), "config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_up("daphne")


class FormParser(HTMLParser):
    """The named fields of the page's forms and their current values (first option for choices)."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox"):
                self.fields.setdefault(name, attrs.get("value"))
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value")
            elif kind not in ("submit", "button", "file"):
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and getattr(self, "_select", None):
            if "selected" in attrs or not self.fields.get(self._select):
                self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(html):
    parser = FormParser()
    parser.feed(html)
    return parser.fields


def sign_in(session, url, email, password, path="/compte/connexion/"):
    fields = form_fields(session.get(url + path).text)
    fields.update(username=email, password=password)
    return session.post(url + path, data=fields, allow_redirects=False)


def answer_quiz(session, url, slug):
    """GET the quiz, then POST the first choice of every question, as a browser would.
    Returns the page's response instead when the form could not be shown."""
    page = session.get(f"{url}/quiz/{slug}/", timeout=10)
    if page.status_code != 200:
        return page
    fields = form_fields(page.text)
    for name, value in list(fields.items()):
        if name.startswith("q-") and not value:
            fields[name] = "50"
    return session.post(
        f"{url}/quiz/{slug}/envoyer/", data=fields, allow_redirects=False, timeout=10
    )


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
