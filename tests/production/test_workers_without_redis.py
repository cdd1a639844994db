"""Several gunicorn workers, SQLite and no Redis (a setup the README supports): a publication,
an unpublication or a new view restriction reaches every worker at once, with nothing stale; so
does a new score in a trainer's results table, which each worker keeps in its own memory."""

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from .conftest import sqlite_copy
from .servers import AppServer, form_fields, manage, production_env

pytestmark = pytest.mark.production

WORKERS = 4
LESSON = "/cours/le-social-crm/"
QUIZ = "/quiz/quiz-le-social-crm/"


@pytest.fixture(scope="module")
def site(tmp_path_factory, sqlite_template):
    folder = tmp_path_factory.mktemp("workers")
    env = production_env(
        sqlite_copy(sqlite_template, folder),
        GUNICORN_ACCESS_LOG=str(folder / "access.log"),
        # The worker's process id on each line, to see that several answered.
        GUNICORN_CMD_ARGS="--access-logformat '%(p)s %(U)s'",
    )
    env.pop("REDIS_URL", None)
    server = AppServer(env, workers=WORKERS)
    try:
        yield env, server, folder / "access.log"
    finally:
        server.stop()


def statuses(url, count=80):
    """`count` requests, eight at a time, so that every worker takes some."""

    def get(_):
        return requests.get(url, allow_redirects=False, timeout=10).status_code

    with ThreadPoolExecutor(8) as pool:
        return Counter(pool.map(get, range(count)))


def run(env, code):
    manage(env, "shell", "-c", code)


def workers_that_served(log, path):
    return {line.split()[0] for line in log.read_text().splitlines() if line.endswith(path)}


def test_a_new_view_restriction_reaches_every_worker_at_once(site):
    env, server, log = site
    assert statuses(server.url + LESSON) == {200: 80}  # each worker has it cached and routed
    assert len(workers_that_served(log, LESSON)) > 1
    run(
        env,
        "from wagtail.models import PageViewRestriction as R; "
        "from lessons.models import LessonPage; "
        "R.objects.create(page=LessonPage.objects.get(slug='le-social-crm'), "
        "restriction_type=R.LOGIN)",
    )
    assert statuses(server.url + LESSON) == {302: 80}  # to the sign-in page, on every worker


def test_an_unpublished_quiz_is_answered_by_no_worker(site):
    env, server, _log = site
    session = requests.Session()
    form = form_fields(session.get(server.url + QUIZ).text)
    assert statuses(server.url + QUIZ) == {200: 80}
    run(
        env,
        "from quizzes.models import Quiz; Quiz.objects.get(slug='quiz-le-social-crm').unpublish()",
    )
    assert statuses(server.url + QUIZ) == {404: 80}
    response = session.post(server.url + QUIZ + "envoyer/", data=form, allow_redirects=False)
    assert response.status_code == 404
    run(
        env,
        "from quizzes.models import Attempt; "
        "assert not Attempt.objects.filter(quiz__slug='quiz-le-social-crm').exists()",
    )


def revalidations(url, validators, count=80):
    """(status, ETag) of `count` requests carrying a browser's validators, eight at a time."""

    def get(_):
        response = requests.get(url, headers=validators, timeout=10)
        return response.status_code, response.headers.get("ETag")

    with ThreadPoolExecutor(8) as pool:
        return Counter(pool.map(get, range(count)))


def test_a_published_figure_shows_on_every_worker_at_once(site):
    env, server, log = site
    home = [requests.get(server.url + "/", timeout=10) for _ in range(20)]
    assert all("68\u00a0%" in page.text for page in home)
    # Every worker gives the same validators, and answers 304 to them.
    etag, modified = home[0].headers["ETag"], home[0].headers["Last-Modified"]
    assert {(page.headers["ETag"], page.headers["Last-Modified"]) for page in home} == {
        (etag, modified)
    }
    for validators in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        assert revalidations(server.url + "/", validators) == {(304, etag): 80}
    assert len(workers_that_served(log, "/")) > 1
    run(
        env,
        "from figures.models import Statistic; s = Statistic.objects.get(slug='france-inscrits'); "
        "s.value = 71; s.save_revision().publish()",
    )

    def figure(_):
        return re.search(r"(68|71)\u00a0%", requests.get(server.url + "/", timeout=10).text)[1]

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(figure, range(80))) == {"71"}
    # The old validators get the new page from every worker.
    for validators in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        answers = revalidations(server.url + "/", validators)
        assert {status for status, _etag in answers} == {200}
        assert etag not in {new_etag for _status, new_etag in answers}


TRAINER_AND_WORKSHOP = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from tests.workshop_helpers import make_user, make_workshop
users = get_user_model()
trainer = make_user(users, "formatrice@test.fr", "Trainers", first_name="Tina")
learner = make_user(users, "lea@test.fr", first_name="Léa", last_name="Roux")
workshop, assignment = make_workshop(trainer, [learner])
session = SessionStore()
session["_auth_user_id"] = str(trainer.pk)
session["_auth_user_backend"] = "workshops.backends.ModelBackend"
session["_auth_user_hash"] = trainer.get_session_auth_hash()
session.create()
print(settings.SESSION_COOKIE_NAME, session.session_key, workshop.pk, assignment.pk, learner.pk)
"""


def test_a_new_score_shows_in_the_results_table_on_every_worker_at_once(site):
    env, server, log = site
    printed = manage(env, "shell", "-c", TRAINER_AND_WORKSHOP).split()
    cookie, session_key, workshop, assignment, learner = printed[-5:]
    path = f"/ateliers/{workshop}/resultats/"

    def lea_row(_):
        html = requests.get(server.url + path, cookies={cookie: session_key}, timeout=10).text
        start = html.index("Léa Roux</th>")
        return re.sub(r"<[^>]+>", " ", html[start : html.index("</tr>", start)]).split()[2:]

    with ThreadPoolExecutor(8) as pool:  # every worker builds the table and keeps it
        assert {tuple(row) for row in pool.map(lea_row, range(40))} == {("pas", "commencé")}
    assert len(workers_that_served(log, path)) > 1
    # A score counted without any signal: each worker sees that the rows it reads changed.
    run(
        env,
        "from workshops.models import AssignmentProgress as P; "
        f"P.objects.create(assignment_id={assignment}, user_id={learner}); "
        f"P.objects.filter(assignment_id={assignment}, user_id={learner})"
        ".update(attempt_count=1, best_score=87, last_score=87)",
    )
    with ThreadPoolExecutor(8) as pool:
        rows = {tuple(row) for row in pool.map(lea_row, range(40))}
    assert rows == {("87", "%", "réussi", "·", "1", "tentative")}
