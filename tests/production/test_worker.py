"""The task worker as production runs it: gunicorn with the production settings, and
`manage.py run_worker` beside it. A trainer asks for the ZIP of a workshop's attestations and
certificates: the request answers at once, the job page's progress advances, the file is there
once done; a failure says why and can be tried again; a worker killed mid-task leaves nothing
lost, and the worker started again takes the job back."""

import io
import json
import re
import time
import zipfile

import pytest
import requests

from .conftest import sqlite_copy
from .servers import AppServer, TaskWorker, form_fields, manage, production_env

pytestmark = pytest.mark.production


@pytest.fixture(scope="module")
def site(tmp_path_factory, sqlite_template):
    folder = tmp_path_factory.mktemp("worker")
    env = production_env(sqlite_copy(sqlite_template, folder), MEDIA_ROOT=str(folder / "media"))
    env.pop("REDIS_URL", None)
    server = AppServer(env)
    log = open(folder / "worker.log", "w")  # closed below
    workers = [TaskWorker(env, log)]
    try:
        yield env, server, workers, log
    finally:
        for worker in workers:
            worker.stop()
        server.stop()
        log.close()


def shell(env, code):
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def trainer(server, session_key):
    browser = requests.Session()
    browser.cookies.set("sessionid", session_key)
    browser.base = server.url
    return browser


def ask_for_documents(browser, workshop):
    page = browser.get(f"{browser.base}/attestations/atelier/{workshop}/")
    token = form_fields(page.text)["csrfmiddlewaretoken"]
    started = time.perf_counter()
    response = browser.post(
        f"{browser.base}/attestations/atelier/{workshop}/documents/",
        data={"csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    assert response.status_code == 302 and "/travaux/" in response.headers["Location"]
    return browser.base + response.headers["Location"], time.perf_counter() - started


def states(browser, job_url, until=lambda state: state["finished"], timeout=180):
    """The job's states as its page reads them, every 0.2 s, until `until` says so."""
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = browser.get(job_url + "etat/").json()
        progress = re.search(r'value="(\d+)"', state["html"])
        state["done"] = int(progress.group(1)) if progress else None
        seen.append(state)
        if until(state):
            return seen
        time.sleep(0.2)
    raise AssertionError(f"the job did not get there: {seen[-1]}")


def children(pid):
    return [int(child) for child in open(f"/proc/{pid}/task/{pid}/children").read().split()]


def alive(pid):
    try:
        return open(f"/proc/{pid}/stat").read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def download(browser, job_url):
    page = browser.get(job_url).text
    link = re.search(r'href="(/travaux/[^"]+/fichier/)"', page).group(1)
    return zipfile.ZipFile(io.BytesIO(browser.get(browser.base + link).content))


def test_the_zip_is_made_by_the_worker_with_a_progress_bar_that_advances(site):
    env, server, _workers, _log = site
    made = shell(env, "from tests.production.documents import prepare; prepare(30)")
    browser = trainer(server, made["trainer"])
    job_url, took = ask_for_documents(browser, made["workshop"])
    assert took < 2  # the request only queues the work
    seen = states(browser, job_url)
    counts = [state["done"] for state in seen if state["status"] == "running" and state["done"]]
    assert len(set(counts)) >= 3 and counts == sorted(counts), counts  # it moved, forwards
    assert seen[-1]["status"] == "done"
    archive = download(browser, job_url)
    assert len(archive.namelist()) == 60  # an attestation and a certificate for each learner
    assert archive.testzip() is None


def test_a_failed_job_says_why_and_is_tried_again(site):
    env, server, _workers, _log = site
    made = shell(env, "from tests.production.documents import prepare; prepare(3, issued=False)")
    browser = trainer(server, made["trainer"])
    job_url, _took = ask_for_documents(browser, made["workshop"])
    failed = states(browser, job_url)[-1]
    assert failed["status"] == "failed"
    assert "Aucune attestation délivrée dans cet atelier pour l’instant." in failed["html"] or (
        "Aucune attestation délivrée dans cet atelier pour l&#x27;instant." in failed["html"]
    )
    shell(env, f"from tests.production.documents import issue_all; issue_all({made['workshop']})")
    token = form_fields(browser.get(job_url).text)["csrfmiddlewaretoken"]
    browser.post(job_url + "relancer/", data={"csrfmiddlewaretoken": token})
    assert states(browser, job_url)[-1]["status"] == "done"
    assert len(download(browser, job_url).namelist()) == 6


def test_a_worker_killed_mid_task_loses_nothing_and_its_restart_takes_the_job_back(site):
    env, server, workers, log = site
    made = shell(env, "from tests.production.documents import prepare; prepare(30)")
    browser = trainer(server, made["trainer"])
    job_url, _took = ask_for_documents(browser, made["workshop"])
    states(browser, job_url, until=lambda state: (state["done"] or 0) >= 5)
    printing = children(workers[0].process.pid)
    assert printing  # the processes of its pool
    workers[0].kill()
    time.sleep(2)
    assert not [pid for pid in printing if alive(pid)]  # none left printing for nobody
    stuck = states(browser, job_url, until=lambda state: True)[-1]
    assert stuck["status"] == "running" and not stuck["finished"]
    workers[0] = TaskWorker(env, log)  # the same --worker-id, as a restarted service has
    try:
        assert states(browser, job_url)[-1]["status"] == "done"
    except AssertionError as error:
        log.flush()
        lines = [line for line in open(log.name) if "HarfBuzz" not in line]
        queue = manage(
            env,
            "shell",
            "-c",
            "from django_tasks_db.models import DBTaskResult as R; "
            "print(*R.objects.order_by('enqueued_at').values_list("
            "'status', 'task_path', 'worker_ids', 'run_after', 'enqueued_at'), sep='\\n')",
        )
        raise AssertionError(
            f"{error}\nThe queue:\n{queue}\nThe worker's log:\n{''.join(lines[-150:])}"
        ) from None
    archive = download(browser, job_url)
    assert len(archive.namelist()) == 60 and archive.testzip() is None
    runs = shell(
        env,
        "import json; from jobs.models import Job; "
        "print(json.dumps(list(Job.objects.filter(about__startswith='documents')"
        ".order_by('created_at').values_list('runs', flat=True))))",
    )
    assert runs[-1] == 2  # started, killed, taken back once
