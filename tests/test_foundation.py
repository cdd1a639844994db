"""The foundation: settings, health check, French base layout, content command."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from wagtail.models import Page

from figures.models import Statistic
from lessons.models import LessonPage, Resource

pytestmark = pytest.mark.django_db


def run_with_production_settings(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with_production_settings("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_check_deploy():
    result = run_with_production_settings(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="atelier-reseaux.fr",
        SITE_URL="https://atelier-reseaux.fr",
    )
    assert result.returncode == 0, result.stderr


def test_check_deploy_asks_for_the_public_https_address():
    result = run_with_production_settings(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="atelier-reseaux.fr",
        SITE_URL="http://atelier-reseaux.fr",
    )
    assert result.returncode != 0
    assert "caching.W001" in result.stderr


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    broken = {**connections.settings["default"]}
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        broken["PORT"] = "1"
    monkeypatch.setitem(connections.settings, "default", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_home_page_is_french_with_skip_link_and_landmarks(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in html
    assert '<main id="contenu"' in html
    assert '<header class="site-header">' in html and "<footer" in html
    assert 'aria-label="Navigation principale"' in html
    title = "Les réseaux sociaux au service de votre entreprise · Atelier Réseaux"
    assert f"<title>{title}</title>" in html
    # The header leads to the course, key figures, resources, search and sign-in.
    for link in ["/cours/", "/chiffres-cles/", "/ressources/", "/recherche/", "/compte/connexion/"]:
        assert f'href="{link}"' in html
    # The footer leads to the pages editors fill in.
    for link in ["/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]:
        assert f'href="{link}"' in html


def test_home_page_shows_course_entry_key_figures_and_trainers_word(client):
    html = client.get("/").content.decode()
    assert "Commencer le cours" in html
    assert "68\u00a0%" in html and "des Français étaient inscrits" in html
    assert "Vous animez des ateliers\u00a0?" in html


def test_not_found_page_is_french(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_admin_login_page_answers(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_content_command_is_idempotent():
    counts = (Page.objects.count(), Statistic.objects.count(), Resource.objects.count())
    call_command("build_content", verbosity=0)
    assert (Page.objects.count(), Statistic.objects.count(), Resource.objects.count()) == counts


def test_content_command_never_overwrites_an_editors_change():
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    lesson.title = "Garder ses clients"
    lesson.save_revision().publish()
    call_command("build_content", verbosity=0)
    lesson.refresh_from_db()
    assert lesson.title == "Garder ses clients"
    assert LessonPage.objects.filter(slug="fideliser-ses-clients").count() == 1


def test_demo_accounts_are_created_once_in_their_groups(django_user_model):
    call_command("build_content", "--demo-accounts", verbosity=0)
    call_command("build_content", "--demo-accounts", verbosity=0)
    trainer = django_user_model.objects.get(email="formatrice@atelier-reseaux.test")
    assert list(trainer.groups.values_list("name", flat=True)) == ["Trainers"]
    assert django_user_model.objects.filter(email__endswith="@atelier-reseaux.test").count() == 5
    # The demo training body signs and stamps, so that the demo trainer can issue documents.
    from workshops.models import TrainingBody

    body = TrainingBody.load()
    assert body.signature.file.size and body.stamp.file.size


@pytest.mark.parametrize(
    "set_up_at, under_way",
    [
        ("2026-12-07 10:15", "09:00–12:30"),  # the morning session
        ("2026-12-07 18:40", "18:30–21:30"),  # after the afternoon's: one in the evening
        ("2026-12-07 23:45", "23:30–23:59"),  # it ends with the day
    ],
)
def test_the_demo_learner_can_sign_whenever_the_demo_is_set_up(
    django_user_model, set_up_at, under_way
):
    """Whoever tries the demo finds a session of the demo workshop open for signing, whatever
    the hour they set it up, and the next day's programme as usual."""
    from attendance.services import open_sessions
    from tests.clock import at

    with at(set_up_at):
        call_command("build_content", "--demo-accounts", verbosity=0)
        learner = django_user_model.objects.get(email="apprenant@atelier-reseaux.test")
        sessions = open_sessions(learner)
    assert [f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}" for s in sessions] == [under_way]
    workshop = sessions[0].workshop
    tomorrow = workshop.sessions.filter(date="2026-12-08").order_by("starts_at")
    assert [f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}" for s in tomorrow] == [
        "09:00–12:30",
        "13:30–17:00",
    ]


def test_trainers_group_has_no_admin_rights():
    from django.contrib.auth.models import Group

    trainers = Group.objects.get(name="Trainers")
    assert trainers.permissions.count() == 0
    assert not trainers.page_permissions.exists()


@pytest.mark.parametrize(
    "error",
    [
        "OperationalError",  # the database does not answer
        "InterfaceError",  # a kept connection the outage closed
    ],
)
def test_database_outage_gives_a_french_503_page(client, monkeypatch, error):
    from django import db

    def unreachable(*args, **kwargs):
        raise getattr(db, error)("connection refused")

    monkeypatch.setattr("lessons.models.CoursePage.get_context", unreachable)
    client.raise_request_exception = False
    response = client.get("/cours/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Service momentanément indisponible" in response.content.decode()


def test_other_errors_give_the_french_500_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("bug")

    monkeypatch.setattr("lessons.models.CoursePage.get_context", broken)
    client.raise_request_exception = False
    response = client.get("/cours/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_the_admin_speaks_each_editors_chosen_language(client, editor):
    client.force_login(editor)
    assert 'lang="fr"' in client.get("/admin/").content.decode()
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    assert 'lang="en"' in client.get("/admin/").content.decode()


def test_the_tests_clock_reads_paris_wall_time_and_stands_still(clock):
    """tests/clock.py, the one way tests fix the clock: across the autumn change of hour too."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.clock import at

    with at("2026-10-25 01:59:59"):  # summer time, UTC+2
        assert timezone.now().isoformat() == "2026-10-24T23:59:59+00:00"
        assert timezone.now() == timezone.now()  # still
    with at("2026-10-25 03:00"):  # winter time since 03:00 summer time (02:00 again), UTC+1
        assert timezone.localtime().strftime("%H:%M %Z") == "03:00 CET"
    clock.move_to("2027-03-28 02:30")  # a wall time that does not exist: 03:30 summer time
    assert timezone.localtime().strftime("%H:%M") == "03:30"
    clock.shift(timedelta(days=1))
    assert timezone.localdate().isoformat() == "2027-03-29"
