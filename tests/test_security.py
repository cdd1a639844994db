"""Security headers, cookies, login throttling and document uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/cours/", "/cours/fideliser-ses-clients/", "/chiffres-cles/", "/ressources/"]


@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/quiz/quiz-final/", "/compte/connexion/"])
def test_public_pages_send_a_strict_policy_and_the_other_headers(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script_or_style(client):
    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        assert "<script>" not in html and "<style" not in html and " style=" not in html


def test_admin_gets_the_looser_policy_it_needs(client, editor):
    client.force_login(editor)
    csp = client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in csp


def test_a_fresh_visit_sets_no_cookie_but_csrftoken(client):
    for url in [*PUBLIC_PAGES, "/quiz/quiz-final/", "/compte/connexion/", "/recherche/?q=crm"]:
        client.cookies.clear()
        response = client.get(url)
        assert set(response.cookies) <= {"csrftoken"}, (url, set(response.cookies))


def test_signing_in_adds_only_the_session_cookie(client, django_user_model):
    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    client.get("/compte/connexion/")
    response = client.post(
        "/compte/connexion/", {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
    )
    assert response.status_code == 302
    assert set(response.cookies) <= {"sessionid", "csrftoken"}
    assert "sessionid" in response.cookies
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


def test_personal_pages_are_never_stored(client, django_user_model):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    for url in ["/compte/mon-espace/", "/", "/cours/fideliser-ses-clients/"]:
        assert "no-store" in client.get(url)["Cache-Control"]


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/compte/connexion/", {"username": "lea@test.fr"}),
        ("/admin/login/", {"username": "lea@test.fr"}),
    ],
)
def test_login_is_throttled_on_the_site_and_the_admin(client, django_user_model, url, fields):
    django_user_model.objects.create_user(
        email="lea@test.fr", password="Mot-de-passe-42", is_staff=True
    )
    for _ in range(2):
        response = client.post(url, {**fields, "password": "mauvais"})
        assert response.status_code == 200
    assert client.post(url, {**fields, "password": "mauvais"}).status_code == 429
    # Locked out: even the right password is refused until the cool-off ends.
    response = client.post(url, {**fields, "password": "Mot-de-passe-42"})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_documents_are_served_through_the_serve_view_with_an_allow_list(client, editor, settings):
    from wagtail.documents import get_document_model

    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert "exe" not in settings.WAGTAILDOCS_EXTENSIONS and "pdf" in settings.WAGTAILDOCS_EXTENSIONS
    client.force_login(editor)
    url = reverse("wagtaildocs:add")
    bad = SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream")
    client.post(url, {"title": "Virus", "file": bad, "collection": 1})
    assert not get_document_model().objects.filter(title="Virus").exists()
    good = SimpleUploadedFile("guide.pdf", b"%PDF-1.4 guide", content_type="application/pdf")
    client.post(url, {"title": "Guide", "file": good, "collection": 1})
    document = get_document_model().objects.get(title="Guide")
    assert document.url.startswith("/documents/")
    assert client.get(document.url).status_code == 200


def test_document_upload_size_is_limited(client, editor, settings):
    from wagtail.documents import get_document_model

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(editor)
    big = SimpleUploadedFile("gros.pdf", b"%PDF" + b"0" * 2048, content_type="application/pdf")
    response = client.post(
        reverse("wagtaildocs:add"), {"title": "Gros", "file": big, "collection": 1}
    )
    assert not get_document_model().objects.filter(title="Gros").exists()
    assert "Ce fichier est trop gros" in response.content.decode()


@override_settings(SESSION_ENGINE="accounts.sessions")
def test_sessions_of_several_servers_live_in_the_database_and_are_read_from_the_cache(
    client, django_user_model, committed_db
):
    from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.sessions import SessionStore

    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    response = client.post(
        reverse("accounts:login"), {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
    )
    assert response.status_code == 302
    key = client.cookies["sessionid"].value
    assert len(key) == 32 and set(key) <= set(VALID_KEY_CHARS)  # as hard to guess as Django's
    assert Session.objects.filter(session_key=key).exists()  # survives a cache flush
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("accounts:space")).status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"]]
    store = SessionStore(key)
    store["seen"] = True
    store.save()  # one UPDATE, with no transaction of its own
    assert Session.objects.get(session_key=key).get_decoded()["seen"] is True
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("accounts:space")).status_code == 302
    with pytest.raises(UpdateError):  # a session ended meanwhile is not brought back
        store.save()
    assert not Session.objects.filter(session_key=key).exists()
