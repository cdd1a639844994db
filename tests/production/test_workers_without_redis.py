"""Several gunicorn workers, SQLite and no Redis (a setup the README supports): a publication,
an unpublication or a new view restriction reaches every worker at once, with nothing stale."""

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from .servers import AppServer, form_fields, manage, production_env

pytestmark = pytest.mark.production

WORKERS = 4
LESSON = "/cours/le-social-crm/"
QUIZ = "/quiz/quiz-le-social-crm/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers")
    env = production_env(
        f"sqlite:///{folder / 'db.sqlite3'}",
        GUNICORN_ACCESS_LOG=str(folder / "access.log"),
        # The worker's process id on each line, to see that several answered.
        GUNICORN_CMD_ARGS="--access-logformat '%(p)s %(U)s'",
    )
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "build_content")
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


def test_a_published_figure_shows_on_every_worker_at_once(site):
    env, server, _log = site
    home = [requests.get(server.url + "/", timeout=10).text for _ in range(20)]
    assert all("68\u00a0%" in page for page in home)
    run(
        env,
        "from figures.models import Statistic; s = Statistic.objects.get(slug='france-inscrits'); "
        "s.value = 71; s.save_revision().publish()",
    )

    def figure(_):
        return re.search(r"(68|71)\u00a0%", requests.get(server.url + "/", timeout=10).text)[1]

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(figure, range(80))) == {"71"}
