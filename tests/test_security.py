"""Security headers, cookies, login throttling and document uploads."""

import html

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


@override_settings(SESSION_ENGINE="caching.sessions")
def test_sessions_of_several_servers_live_in_the_database_and_are_read_from_the_cache(
    client, django_user_model, committed_db
):
    from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from caching.sessions import SessionStore

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


# Password spraying, sign-up and sign-in addresses.


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, LOGIN_ADDRESS_FAILURE_LIMIT=12)
def test_an_address_trying_many_accounts_is_locked_out(client, django_user_model):
    """A few wrong passwords on each of many accounts from one address (password spraying)."""
    emails = [f"cible{i}@test.fr" for i in range(5)]
    for email in emails:
        django_user_model.objects.create_user(email=email, password="Mot-de-passe-42")
    statuses = [
        client.post("/compte/connexion/", {"username": email, "password": f"essai{n}"}).status_code
        for email in emails
        for n in range(3)
    ]
    # Each account stays under its own limit of 5; the twelfth failure locks the address out.
    assert statuses[:11] == [200] * 11
    assert set(statuses[11:]) == {429}
    # Locked out from this address, even for an account it never tried, with its right password.
    django_user_model.objects.create_user(email="autre@test.fr", password="Mot-de-passe-42")
    response = client.post(
        "/compte/connexion/", {"username": "autre@test.fr", "password": "Mot-de-passe-42"}
    )
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    # Another address is not.
    response = client.post(
        "/compte/connexion/",
        {"username": "autre@test.fr", "password": "Mot-de-passe-42"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_an_account_is_one_count_whatever_the_case_of_its_address(client, django_user_model):
    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    for typed in ["Lea@test.fr", "LEA@TEST.FR"]:
        assert (
            client.post(
                "/compte/connexion/", {"username": typed, "password": "mauvais"}
            ).status_code
            == 200
        )
    response = client.post("/compte/connexion/", {"username": "lea@Test.fr", "password": "x"})
    assert response.status_code == 429


def test_signing_in_ignores_the_case_of_the_address(client, django_user_model):
    django_user_model.objects.create_user(email="Lea@Test.FR", password="Mot-de-passe-42")
    assert django_user_model.objects.get().email == "lea@test.fr"
    response = client.post(
        "/compte/connexion/", {"username": " LEA@test.fr ", "password": "Mot-de-passe-42"}
    )
    assert response.status_code == 302


def test_sign_up_says_the_same_for_a_new_and_a_known_address(client, django_user_model):
    from django.core import mail

    from tests.account_helpers import sign_up

    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    known = sign_up(client, "Lea@test.fr")
    new = sign_up(client, "nina@test.fr")
    assert known.status_code == new.status_code == 302
    assert known.url == new.url == reverse("accounts:signup_done")
    page = client.get(known.url).content.decode()
    assert "Vérifiez votre boîte de réception" in page and "lea@test.fr" not in page
    # Only each mailbox learns which: the owner of the account gets a reminder, not an account.
    assert [m.to for m in mail.outbox] == [["lea@test.fr"], ["nina@test.fr"]]
    assert "Vous en avez déjà un" in mail.outbox[0].body
    assert "/compte/activer/" not in mail.outbox[0].body
    assert "/compte/activer/" in mail.outbox[1].body
    assert django_user_model.objects.filter(email="lea@test.fr").count() == 1
    lea = django_user_model.objects.get(email="lea@test.fr")
    assert lea.check_password("Mot-de-passe-42") and lea.is_active
    nina = django_user_model.objects.get(email="nina@test.fr")
    assert not nina.is_active


def test_an_account_is_activated_once_by_its_link(client, django_user_model):
    from tests.account_helpers import link_in_last_email, sign_up

    sign_up(client, "nina@test.fr", next_url="/cours/")
    # Not active yet: signing in fails like a wrong password.
    response = client.post(
        "/compte/connexion/", {"username": "nina@test.fr", "password": "Un-mot-de-passe-solide-42"}
    )
    assert response.status_code == 200
    link = link_in_last_email("nina@test.fr")
    response = client.get(link)
    assert response.status_code == 302 and response.url == "/cours/"
    assert client.get(reverse("accounts:space")).status_code == 200  # signed in
    client.logout()
    response = client.get(link)
    assert response.status_code == 400
    assert "Ce lien n’est plus valable" in response.content.decode().replace("&#x27;", "’").replace(
        "'", "’"
    )
    assert client.get(reverse("accounts:space")).status_code == 302


@override_settings(SIGNUP_LIMITS={"per_ip": 2, "per_email": 3})
def test_sign_up_is_throttled_per_address(client):
    from django.core import mail

    from tests.account_helpers import sign_up

    assert sign_up(client, "a@test.fr").status_code == 302
    assert sign_up(client, "b@test.fr").status_code == 302
    response = sign_up(client, "c@test.fr")
    assert response.status_code == 429
    assert "Trop d’inscriptions" in html.unescape(response.content.decode())
    assert len(mail.outbox) == 2
    assert sign_up(client, "c@test.fr", extra={"REMOTE_ADDR": "10.0.0.7"}).status_code == 302


@override_settings(SIGNUP_LIMITS={"per_ip": 30, "per_email": 2})
def test_sign_up_sends_one_mailbox_few_messages(client):
    from django.core import mail

    from tests.account_helpers import sign_up

    statuses = [sign_up(client, "victime@test.fr").status_code for _ in range(4)]
    assert statuses == [302, 302, 429, 429]
    assert len(mail.outbox) == 2


# Retention.


def test_a_deleted_account_leaves_no_sign_in_record(client, django_user_model):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    user = django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    other = django_user_model.objects.create_user(email="omar@test.fr", password="x")
    with override_settings(AXES_ENABLED=True, AXES_ENABLE_ACCESS_FAILURE_LOG=True):
        client.post(
            "/compte/connexion/", {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
        )
        client.logout()
        for email in ("lea@test.fr", "omar@test.fr"):
            client.post("/compte/connexion/", {"username": email, "password": "mauvais"})
    for model in (AccessAttempt, AccessFailureLog):
        usernames = set(model.objects.values_list("username", flat=True))
        assert usernames == {"lea@test.fr", "omar@test.fr"}, model
    assert AccessLog.objects.filter(username="lea@test.fr").exists()
    client.force_login(user)
    client.post(reverse("accounts:delete"), {"password": "Mot-de-passe-42"})
    assert not django_user_model.objects.filter(pk=user.pk).exists()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.filter(username="lea@test.fr").exists(), model
    assert AccessAttempt.objects.filter(username=other.email).exists()
    assert AccessFailureLog.objects.filter(username=other.email).exists()


def test_expired_personal_data_is_purged_daily(django_user_model, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    settings.LOGIN_RECORDS_RETENTION_DAYS = 30
    now = timezone.now()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        for days, email in ((31, "ancien@test.fr"), (2, "recent@test.fr")):
            extra = {"failures_since_start": 1} if model is AccessAttempt else {}
            record = model.objects.create(
                username=email, ip_address="10.0.0.1", user_agent="test", path_info="/", **extra
            )
            model.objects.filter(pk=record.pk).update(attempt_time=now - timedelta(days=days))
    old_session, live_session = SessionStore(), SessionStore()
    old_session.create()
    live_session.create()
    Session.objects.filter(session_key=old_session.session_key).update(
        expire_date=now - timedelta(seconds=1)
    )
    forgotten = django_user_model.objects.create_user(email="oubli@test.fr", is_active=False)
    django_user_model.objects.filter(pk=forgotten.pk).update(date_joined=now - timedelta(days=8))
    pending = django_user_model.objects.create_user(email="attente@test.fr", is_active=False)
    call_command("purge_expired_data", verbosity=0)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert list(model.objects.values_list("username", flat=True)) == ["recent@test.fr"]
    assert list(Session.objects.values_list("session_key", flat=True)) == [live_session.session_key]
    assert not django_user_model.objects.filter(pk=forgotten.pk).exists()
    assert django_user_model.objects.filter(pk=pending.pk).exists()


def test_the_privacy_page_says_how_long_sign_in_records_are_kept(client):
    html = client.get("/donnees-personnelles/").content.decode()
    assert "effacées au bout de 30 jours" in html and "adresse IP" in html
    assert "dès la suppression du compte" in html


# French error pages, framing.


def test_an_expired_form_gets_a_french_page(django_user_model):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/compte/connexion/", {"username": "x@test.fr", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="fr">' in html and "Ce formulaire a expiré" in html
    assert "CSRF" not in html


def test_a_bad_request_gets_a_french_page(client):
    response = client.get("/", HTTP_HOST="pirate.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="fr">' in html and "Requête incorrecte" in html


def test_framing_rules_agree_public_none_admin_preview_only_itself(client, editor, quiz):
    for url in ["/", quiz.get_absolute_url()]:
        response = client.get(url)
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
    client.force_login(editor)
    dashboard = client.get("/admin/")
    assert "frame-ancestors 'none'" in dashboard["Content-Security-Policy"]
    assert dashboard["X-Frame-Options"] == "DENY"
    preview = client.get(reverse("wagtailsnippets_quizzes_quiz:preview_on_edit", args=[quiz.pk]))
    assert preview["X-Frame-Options"] == "SAMEORIGIN"  # the editor's preview panel
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]


# Stray characters in addresses.


@pytest.mark.parametrize(
    "url",
    [
        "/recherche/?q=%00",
        "/recherche/?q=fid%C3%A9liser%00",
        "/recherche/?q=crm&page=%00",
        "/recherche/?q%00=crm",
        "/ressources/?tag=%00",
        "/chiffres-cles/?tag=%00",
        "/ateliers/rejoindre/%00/",
        "/direct/%00/",
        "/cours/%00/",
    ],
)
def test_a_nul_byte_in_an_address_is_a_bad_request(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()


def test_a_nul_byte_in_a_join_address_is_a_bad_request_when_signed_in(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    assert client.get("/ateliers/rejoindre/%00/").status_code == 400


@pytest.mark.parametrize("query", ['"', 'a"b', '"""', "(", "*", "'", "\\", "NOT", "-", "a:b", "«»"])
def test_stray_quotes_and_operators_in_a_search_break_nothing(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert "Recherche" in response.content.decode()


def test_a_quoted_search_finds_what_it_quotes(client):
    html = client.get("/recherche/", {"q": '"fidéliser"'}).content.decode()
    assert 'href="/cours/fideliser-ses-clients/"' in html


@pytest.mark.parametrize("code", ["%22", "%27", "%22%29"])
def test_a_stray_quote_in_a_join_address_is_an_unknown_code(client, django_user_model, code):
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    response = client.get(f"/ateliers/rejoindre/{code}/")
    assert response.status_code == 404
    assert "code" in response.content.decode()
    assert client.get(f"/direct/{code}/").status_code == 404
