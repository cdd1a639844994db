"""The embedded default holds a room: `make run` itself (SQLite, runserver, the task worker),
twenty phones writing at once for a minute (assigned quiz submissions, live-session answers,
attendance signatures, the trainer moving the live sessions on). No answer is a server error,
and everything the server said it recorded is in the database."""

import json
import os
import random
import re
import signal
import subprocess
import threading
import time
from collections import Counter

import pytest
import requests

from .servers import ROOT, form_fields, free_port, manage

pytestmark = pytest.mark.production

SECONDS = float(os.environ.get("ROOM_TEST_SECONDS", "60"))
QUIZ_WRITERS, LIVE_WRITERS, SIGNERS = 8, 6, 5  # and the trainer: twenty writers


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    """`make run` on a port of its own, with its database in a temporary folder."""
    folder = tmp_path_factory.mktemp("room")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    for name in ("DJANGO_SETTINGS_MODULE", "REDIS_URL"):
        env.pop(name, None)
    log = open(folder / "make-run.log", "w")  # closed in the finally clause
    process = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # make, runserver and the worker: stopped together
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                if requests.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert process.poll() is None, (folder / "make-run.log").read_text()[-3000:]
            time.sleep(1)
        else:
            raise RuntimeError("make run did not serve /healthz")
        yield url, env, folder / "make-run.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def shell(env, code):
    """Runs `code` in `manage.py shell` with make run's settings; returns the JSON it printed."""
    printed = manage({**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}, "shell", "-c", code)
    return json.loads(printed.strip().splitlines()[-1])


class Phone:
    """One browser, signed in with a session the preparation made (or none)."""

    def __init__(self, url, session_key=None):
        self.url = url
        self.http = requests.Session()
        if session_key:
            self.http.cookies.set("sessionid", session_key)
        self.statuses = Counter()

    def get(self, path, **kwargs):
        response = self.http.get(self.url + path, timeout=60, **kwargs)
        self.statuses[response.status_code] += 1
        return response

    def post(self, path, data, **kwargs):
        headers = {
            "X-CSRFToken": self.http.cookies.get("csrftoken", ""),
            **kwargs.pop("headers", {}),
        }
        response = self.http.post(
            self.url + path, data=data, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        self.statuses[response.status_code] += 1
        return response


TALLY = threading.Lock()


def count(done, what, number=1):
    with TALLY:
        done[what] += number


def pause():
    """A person's pace: a tap every fraction of a second."""
    time.sleep(random.uniform(0.05, 0.4))


def submit_quizzes(phone, assignment, until, done):
    while time.time() < until:
        page = phone.get(f"/ateliers/quiz-assignes/{assignment}/")
        if page.status_code != 200:
            continue
        fields = form_fields(page.text)
        for name, value in list(fields.items()):
            if name.startswith("q-") and not value:
                fields[name] = "50"
        pause()
        response = phone.post(f"/ateliers/quiz-assignes/{assignment}/envoyer/", fields)
        if response.status_code == 302 and "/resultat/" in response.headers["Location"]:
            count(done, "attempts")


CHOICE_BUTTON = re.compile(r'<button[^>]*\bname="value"[^>]*\bvalue="([^"]*)"')


def answer_live(phone, number, codes, until, done):
    for code in codes:
        form = form_fields(phone.get(f"/direct/{code}/").text)
        phone.post(f"/direct/{code}/", {**form, "code": code, "nickname": f"Tél {number}"})
    answered = set()
    while time.time() < until:
        for code in codes:
            state = phone.get(f"/direct/{code}/etat/")
            if state.status_code != 200:
                continue
            html = state.json()["html"]
            fields = form_fields(html)
            if "question" not in fields or (code, fields["question"]) in answered:
                continue
            # A box ticked, else the first choice's button tapped, else a number typed.
            value = fields.get("value") or next(iter(CHOICE_BUTTON.findall(html)), "50")
            response = phone.post(
                f"/direct/{code}/",
                {"question": fields["question"], "value": value},
                headers={"Accept": "application/json"},
            )
            if response.status_code == 200:
                count(done, "answers")
                answered.add((code, fields["question"]))
            pause()


def sign_sheets(url, sessions, until, done, phones, projector):
    """Each signer takes the next learner who has not signed yet, and signs every open sheet
    with the code the room's projector shows."""
    while time.time() < until and sessions:
        phone = Phone(url, sessions.pop())
        phones.append(phone)
        page = phone.get("/emargement/")
        for action in sorted(set(re.findall(r'action="(/emargement/feuille/\d+/)"', page.text))):
            if time.time() >= until:
                break
            token = form_fields(page.text)["csrfmiddlewaretoken"]
            code = projector.get(action + "code/").json()["code"]
            data = {"csrfmiddlewaretoken": token, "signature": "", "confirmed": "on", "code": code}
            if phone.post(action, data).status_code == 302:
                count(
                    done,
                    "signatures",
                    phone.get("/emargement/").text.count("Signature enregistrée"),
                )
            pause()


def run_sessions(phone, codes, until):
    """The trainer moves each live session on: reveal, next question, and so on."""
    while time.time() < until:
        for code in codes:
            projector = phone.get(f"/direct/{code}/projecteur/")
            fields = form_fields(projector.text)
            phone.post(f"/direct/{code}/projecteur/action/", {**fields, "action": "next"})
        time.sleep(1.5)


def test_twenty_phones_writing_for_a_minute_get_no_server_error_and_lose_nothing(make_run):
    url, env, log = make_run
    room = shell(env, "from tests.production.room import prepare; prepare()")
    until = time.time() + SECONDS
    done = Counter()
    phones = []
    threads = []
    learners = list(room["learners"])
    for _number in range(QUIZ_WRITERS):
        phone = Phone(url, learners.pop())
        phones.append(phone)
        threads.append(
            threading.Thread(target=submit_quizzes, args=(phone, room["assignment"], until, done))
        )
    for number in range(LIVE_WRITERS):
        phone = Phone(url)
        phones.append(phone)
        threads.append(
            threading.Thread(target=answer_live, args=(phone, number, room["live"], until, done))
        )
    signers = list(learners)
    trainer = Phone(url, room["trainer"])
    for _number in range(SIGNERS):
        threads.append(
            threading.Thread(target=sign_sheets, args=(url, signers, until, done, phones, trainer))
        )
    phones.append(trainer)
    threads.append(threading.Thread(target=run_sessions, args=(trainer, room["live"], until)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sum((phone.statuses for phone in phones), Counter())
    server_errors = {status: n for status, n in statuses.items() if status >= 500}
    assert not server_errors, (server_errors, log.read_text()[-3000:])
    assert "database is locked" not in log.read_text()
    # Each writer really wrote, many times over.
    assert done["attempts"] > 50 and done["answers"] > 20 and done["signatures"] > 50, (
        done,
        statuses,
    )
    stored = shell(
        env,
        f"from tests.production.room import count; count({room['assignment']}, {room['live']!r})",
    )
    assert stored == {
        "attempts": done["attempts"],
        "counted": done["attempts"],
        "answers": done["answers"],
        "signatures": done["signatures"],
    }
