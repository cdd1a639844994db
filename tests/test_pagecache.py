"""The anonymous page cache: fast for visitors, never stale after publishing, never personal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from figures.models import Statistic
from lessons.models import LessonPage, Resource

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_anonymous_pages_are_served_from_the_cache_without_queries(client):
    for url in ["/", "/cours/fideliser-ses-clients/", "/chiffres-cles/", "/ressources/"]:
        first, _ = get(client, url)
        assert first["X-Page-Cache"] == "miss"
        second, queries = get(client, url)
        assert second["X-Page-Cache"] == "hit"
        assert queries == 0
        assert second.content == first.content


def test_publishing_a_statistic_updates_cached_pages_at_once(client):
    client.get("/")
    statistic = Statistic.objects.get(slug="france-inscrits")
    statistic.value = 77
    statistic.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "77\u00a0%" in response.content.decode()


def test_unpublishing_or_deleting_content_updates_cached_pages(client):
    client.get("/cours/")
    LessonPage.objects.get(slug="le-social-crm").unpublish()
    assert "/cours/le-social-crm/" not in client.get("/cours/").content.decode()
    client.get("/ressources/")
    Resource.objects.get(slug="jdn-page-google-plus").delete()
    assert "Google+" not in client.get("/ressources/").content.decode()


def test_signed_in_users_never_get_or_make_cached_pages(client, django_user_model):
    client.get("/cours/")  # cached for anonymous visitors
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    client.get("/cours/fideliser-ses-clients/")  # marks the lesson read
    response = client.get("/cours/")
    assert not response.has_header("X-Page-Cache")
    assert ">Lue</span>" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    client.logout()
    assert ">Lue</span>" not in client.get("/cours/").content.decode()


def test_pages_carrying_a_csrf_token_are_never_cached(client):
    for url in ["/quiz/quiz-final/", "/compte/connexion/", "/compte/inscription/"]:
        client.get(url)
        assert not client.get(url).has_header("X-Page-Cache")


def test_only_known_query_parameters_are_cached(client):
    client.get("/chiffres-cles/?tag=entreprises")
    assert client.get("/chiffres-cles/?tag=entreprises")["X-Page-Cache"] == "hit"
    assert not client.get("/chiffres-cles/?utm=x").has_header("X-Page-Cache")
