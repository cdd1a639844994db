"""Resilience: PostgreSQL restarts while requests flow; the app servers and the task worker are
not restarted."""

import glob
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
import requests

from .servers import AppServer, TaskWorker, answer_quiz, free_port, manage, production_env

pytestmark = pytest.mark.production

BIN = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
QUIZ = "quiz-fideliser-ses-clients"


class ThrowawayPostgres:
    """A PostgreSQL instance of the test's own, on its own port, that it may stop at will."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="pg-outage-"))
        shutil.chown(self.dir, "postgres")
        self.port = free_port()
        self.as_postgres(BIN / "initdb", "-D", self.dir / "data", "-A", "trust", "-U", "postgres")
        self.start()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def as_postgres(self, *command):
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *map(str, command)],
            check=True,
            capture_output=True,
        )

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self.as_postgres(
            BIN / "pg_ctl",
            "-D",
            self.dir / "data",
            "-o",
            options,
            "-l",
            self.dir / "log",
            "-w",
            "start",
        )

    def stop(self):
        self.as_postgres(BIN / "pg_ctl", "-D", self.dir / "data", "-m", "fast", "-w", "stop")

    def remove(self):
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(BIN / "pg_ctl"),
                "-D",
                str(self.dir / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def outage_site():
    database = ThrowawayPostgres()
    server = worker = None
    log = tempfile.TemporaryFile("w+")
    try:
        env = production_env(database.url)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "build_content")
        server = AppServer(env, workers=2)
        worker = TaskWorker(env, log)
        yield database, server, env, worker
    finally:
        for process in (server, worker):
            if process:
                process.stop()
        log.close()
        database.remove()


def purge_job_status(env, database):
    """Queue the daily purge (a background job) and wait for the worker to finish it."""
    manage(env, "purge_expired_data")
    deadline = time.time() + 60
    while time.time() < deadline:
        with psycopg.connect(database.url) as connection:
            status = connection.execute(
                "SELECT status FROM jobs_job ORDER BY queued_at DESC LIMIT 1"
            ).fetchone()[0]
        if status in ("done", "failed"):
            return status
        time.sleep(0.5)
    return status


class Traffic(threading.Thread):
    """Visitors reading an uncached lesson and submitting quizzes, until told to stop."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.running = True
        self.statuses = Counter()
        self.recorded = 0
        # Submissions answered 503: the attempt may have been saved before the database went
        # away (the session saved after it failed), and the visitor sending it again is shown it.
        self.unsure = 0
        self.texts_503 = []
        self.errors = []  # anything but a refused or slow connection fails the test

    def run(self):
        while self.running:
            try:
                page = requests.get(self.url + "/cours/le-social-crm/?v=1", timeout=10)
                self.statuses[page.status_code] += 1
                if page.status_code == 503:
                    self.texts_503.append(page.text)
                response = answer_quiz(requests.Session(), self.url, QUIZ)
                self.statuses[response.status_code] += 1
                if (
                    response.status_code == 302
                    and "/quiz/resultat/" in response.headers["Location"]
                ):
                    self.recorded += 1
                elif response.status_code == 503:
                    self.unsure += 1
            except (requests.ConnectionError, requests.Timeout):
                self.statuses["no answer"] += 1
            except Exception as error:  # recorded: a thread's exception would be lost
                self.errors.append(repr(error))
            time.sleep(0.05)


def wait_for(condition, failure, seconds=60):
    """Until `condition()` holds: a slow machine takes longer, a fast one returns at once."""
    deadline = time.time() + seconds
    while not condition():
        assert time.time() < deadline, failure
        time.sleep(0.2)


def test_site_survives_a_database_restart(outage_site):
    database, server, env, worker = outage_site
    traffic = Traffic(server.url)
    traffic.start()
    wait_for(lambda: traffic.recorded > 0, "no quiz submission was recorded before the outage")

    database.stop()
    time.sleep(2)
    health = requests.get(server.url + "/healthz", timeout=10)
    assert health.status_code == 503 and health.json() == {"status": "unavailable"}
    # A page that needs the database (a lesson the process already knows may still be served).
    page = requests.get(server.url + "/recherche/?q=client", timeout=10)
    assert page.status_code == 503
    assert "Service momentanément indisponible" in page.text
    time.sleep(1)

    database.start()
    deadline = time.time() + 30
    while requests.get(server.url + "/healthz", timeout=10).status_code != 200:
        assert time.time() < deadline, "the site did not come back"
        time.sleep(0.5)
    recorded_before = traffic.recorded
    wait_for(lambda: traffic.recorded > recorded_before, "quiz submissions did not resume")
    time.sleep(1)
    traffic.running = False
    traffic.join(timeout=30)

    assert not traffic.errors, traffic.errors
    assert traffic.statuses[503] > 0, traffic.statuses
    assert set(traffic.statuses) <= {200, 302, 400, 503, "no answer"}, traffic.statuses
    assert 500 not in traffic.statuses
    assert all("Service momentanément indisponible" in text for text in traffic.texts_503)
    # Every answered submission is one whole attempt; nothing else was written.
    with psycopg.connect(database.url) as connection:
        count, whole = connection.execute(
            "SELECT count(*), count(*) FILTER (WHERE jsonb_array_length(questions) = question_count"
            " AND question_count > 0) FROM quizzes_attempt"
        ).fetchone()
    assert count == whole
    # Each answered submission was stored; one whose answer was lost on the way (a timeout
    # while the database stopped, or a 503 once it was saved) may have been stored too, and
    # never twice.
    unsure = traffic.statuses["no answer"] + traffic.unsure
    assert traffic.recorded <= count <= traffic.recorded + unsure
    # The task worker waited for the database rather than stopping: it runs what comes next.
    assert worker.process.poll() is None, worker.output()
    assert purge_job_status(env, database) == "done"
