"""Long work in the background, as its page shows it: progress, the file once ready, a failure in
French that can be tried again, a second click that does not start it twice, and a job whose
worker stopped queued again. Tasks run at once here (test settings); the worker process itself is
tested in tests/production/test_worker.py."""

import socket
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs.background import JobFailed, abandoned, job_task, recover, start, start_once
from jobs.models import Job, Replaced

pytestmark = pytest.mark.django_db


@job_task
def count_to(job, upto):
    job.advance(0, total=upto)
    for number in range(1, upto + 1):
        job.advance(number)
    return "compte.txt", f"{upto}\n".encode()


@job_task
def fails_the_first_time(job):
    if job.runs == 1:
        raise JobFailed("Le rapport n'a pas pu être préparé : réessayez.")
    return "rapport.txt", b"ok"


@job_task
def breaks(job):
    raise RuntimeError("a bug")


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user(email="tina@test.fr", password="x")


def test_a_finished_job_offers_its_file_to_whoever_started_it(client, owner):
    job = start(count_to, title="Compter", owner=owner, upto=3)
    assert (job.status, job.done, job.total, job.runs) == ("done", 3, 3, 1)
    client.force_login(owner)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "C’est prêt." in page and "Télécharger compte.txt" in page
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="compte.txt"'
    assert b"".join(download.streaming_content) == b"3\n"
    state = client.get(reverse("jobs:state", args=[job.pk])).json()
    assert state["status"] == "done" and state["finished"] and "Télécharger" in state["html"]


def test_a_failed_job_says_why_in_french_and_can_be_tried_again(client, owner):
    job = start(fails_the_first_time, title="Rapport", owner=owner)
    assert job.status == "failed" and not job.file
    client.force_login(owner)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Ce travail a échoué." in page
    assert "Le rapport n’a pas pu être préparé\u00a0: réessayez." in page
    assert "Réessayer" in page
    response = client.post(reverse("jobs:retry", args=[job.pk]))
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.status, job.runs, job.error) == ("done", 2, "")


def test_an_unexpected_error_fails_the_job_with_a_general_message(client, owner):
    job = start(breaks, title="Bogue", owner=owner)
    assert job.status == "failed"
    assert job.error == "Une erreur inattendue a interrompu ce travail. Réessayez."
    assert "a bug" not in job.error  # the traceback is for the administrator, not the trainer


def test_only_a_failed_job_is_tried_again(client, owner):
    job = start(count_to, title="Compter", owner=owner, upto=1)
    client.force_login(owner)
    client.post(reverse("jobs:retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.runs == 1


def test_a_second_click_finds_the_job_under_way(owner):
    pending = Job.objects.create(
        task=count_to.module_path, title="Compter", owner=owner, about="compte:1", run="r1"
    )
    again = start_once(count_to, about="compte:1", owner=owner, title="Compter", upto=2)
    assert again.pk == pending.pk and Job.objects.count() == 1
    other = start_once(count_to, about="compte:2", owner=owner, title="Compter", upto=2)
    assert other.pk != pending.pk and other.status == "done"


def test_nobody_else_learns_that_a_job_exists(client, owner, django_user_model):
    job = start(count_to, title="Compter", owner=owner, upto=1)
    client.force_login(django_user_model.objects.create_user(email="omar@test.fr"))
    for name in ("jobs:detail", "jobs:state", "jobs:download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert client.post(reverse("jobs:retry", args=[job.pk])).status_code == 404


def running(owner, heartbeat, worker="w1"):
    return Job.objects.create(
        task=count_to.module_path,
        title="Compter",
        owner=owner,
        status=Job.Status.RUNNING,
        heartbeat_at=heartbeat,
        worker=worker,
        run="old-run",
        arguments={"upto": 2},
    )


def test_a_job_whose_worker_stopped_is_queued_again_and_done(client, owner):
    now = timezone.now()
    alive = running(owner, now - timedelta(seconds=30))
    stale = running(owner, now - timedelta(minutes=3))
    assert list(abandoned(now=now)) == [stale]
    # A worker starting again under its own name takes back what it was running at once.
    assert set(abandoned(worker="w1", now=now)) == {alive, stale}
    assert recover(abandoned(now=now)) == 1
    stale.refresh_from_db()
    assert stale.status == "done" and stale.run != "old-run" and stale.done == 2
    # The page someone is watching queues a stale job too.
    alive.heartbeat_at = now - timedelta(minutes=3)
    alive.save()
    client.force_login(owner)
    assert "C’est prêt." in client.get(alive.get_absolute_url()).content.decode()


def test_a_replaced_run_writes_nothing_more(owner):
    job = running(owner, timezone.now())
    Job.objects.filter(pk=job.pk).update(run="new-run")
    with pytest.raises(Replaced):
        job.advance(1)
    job.refresh_from_db()
    assert job.done == 0


def test_a_job_queued_for_long_says_the_worker_may_not_run(client, owner):
    job = Job.objects.create(
        task=count_to.module_path,
        title="Compter",
        owner=owner,
        run="r1",
        queued_at=timezone.now() - timedelta(minutes=2),
    )
    client.force_login(owner)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "le service qui fait ce travail ne semble pas tourner" in page


def test_a_job_s_file_goes_with_it(owner, django_capture_on_commit_callbacks):
    job = start(count_to, title="Compter", owner=owner, upto=1)
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        owner.delete()
    assert not Job.objects.exists() and not storage.exists(name)


def test_a_sign_up_answers_at_once_when_the_mail_server_is_down(client, settings):
    """E-mail is the worker's: an SMTP server that refuses connections fails no page. The job
    tries three times, then says it failed."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    response = client.post(
        reverse("accounts:signup"),
        {
            "email": "lea@test.fr",
            "first_name": "Léa",
            "password1": "Un-mot-2-passe",
            "password2": "Un-mot-2-passe",
        },
    )
    assert response.status_code == 302 and response.url == reverse("accounts:signup_done")
    job = Job.objects.get(owner__email="lea@test.fr")
    assert (job.status, job.runs) == ("failed", 3)
    assert job.arguments["to"] == "lea@test.fr"
    assert f"{settings.SITE_URL}/compte/activer/" in job.arguments["body"]  # not the Host header
