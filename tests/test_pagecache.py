"""The anonymous page cache and the content memo: fast for visitors, never stale after
publishing, moving or restricting a page, never personal."""

import math
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from caching import generation, pagecache
from figures.models import Statistic
from home.models import SiteSettings
from lessons.models import LessonPage, Resource

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_anonymous_pages_are_served_from_the_cache_reading_only_the_generation(client):
    """Without Redis the content generation is read from the database: one query, the only
    one (with Redis, none: bench/)."""
    for url in ["/", "/cours/fideliser-ses-clients/", "/chiffres-cles/", "/ressources/"]:
        first, _ = get(client, url)
        assert first["X-Page-Cache"] == "miss"
        with CaptureQueriesContext(connection) as queries:
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit"
        assert [query["sql"] for query in queries] == [generation_query(queries)]
        assert second.content == first.content


def generation_query(queries):
    sql = queries[0]["sql"]
    assert '"caching_shared"' in sql and "content:generation" in sql, sql
    return sql


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
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    client.post(reverse("lessons:read", args=[lesson.pk]))  # its end reached
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


@pytest.mark.parametrize("url", ["/ressources/", "/chiffres-cles/"])
def test_only_known_filter_values_are_cached(client, url):
    from django.core.cache import cache

    known = "entreprises" if url == "/chiffres-cles/" else "Facebook"
    assert client.get(url, {"tag": known})["X-Page-Cache"] == "miss"
    entries = len(cache._cache)
    for value in ["x1", "zz-random", "<script>"]:
        response = client.get(url, {"tag": value})
        assert response.status_code == 200 and not response.has_header("X-Page-Cache")
    assert len(cache._cache) == entries


def test_a_known_address_is_served_without_routing_or_navigation_queries(client, django_user_model):
    """Signed in, so no page cache. Left: the content generation (read from the database
    without Redis), the session, the user (with whether they are a trainer, for the header), the
    lesson read and their permissions for Wagtail's user bar."""
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    url = "/cours/fideliser-ses-clients/"
    get(client, url)
    response, queries = get(client, url)
    assert response.status_code == 200
    assert queries <= 6
    LessonPage.objects.get(slug="fideliser-ses-clients").unpublish()
    assert client.get(url).status_code == 404


def test_publishing_a_new_title_or_address_reaches_signed_in_readers_at_once(
    client, django_user_model
):
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    client.get("/cours/fideliser-ses-clients/")
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    lesson.title = "Garder ses clients"
    lesson.slug = "garder-ses-clients"
    lesson.save_revision().publish()
    assert client.get("/cours/fideliser-ses-clients/").status_code == 404
    assert (
        "<h1>Garder ses clients</h1>" in client.get("/cours/garder-ses-clients/").content.decode()
    )


def test_moving_a_lesson_renumbers_it_at_once(client):
    assert "Leçon 7 sur 9" in client.get("/cours/le-social-crm/").content.decode()
    lesson = LessonPage.objects.get(slug="le-social-crm")
    lesson.move(lesson.get_parent(), pos="first-child")
    assert "Leçon 1 sur 9" in client.get("/cours/le-social-crm/").content.decode()


def test_a_new_view_restriction_applies_at_once(client, django_user_model):
    url = "/cours/fideliser-ses-clients/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # served from the page cache, route remembered
    restriction = PageViewRestriction.objects.create(
        page=LessonPage.objects.get(slug="fideliser-ses-clients"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    response = client.get(url)
    assert response.status_code == 302
    assert "/connexion/" in response.url or "login" in response.url
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    assert client.get(url).status_code == 200
    client.logout()
    restriction.delete()
    assert client.get(url).status_code == 200


def test_navigation_follows_the_site_settings_at_once(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    assert "Chiffres clés" in client.get("/cours/").content.decode()
    site_settings = SiteSettings.objects.get()
    site_settings.credits = "<p>Crédits revus par l'équipe</p>"
    site_settings.key_figures_page = None
    site_settings.save()
    content = client.get("/cours/").content.decode()
    assert "Crédits revus par l" in content
    assert "Chiffres clés" not in content


def test_a_known_quiz_page_reads_only_the_generation(client):
    """The quiz, its lesson's title and what its questions cite come from the content memo."""
    client.get("/quiz/quiz-fideliser-ses-clients/")
    response, queries = get(client, "/quiz/quiz-fideliser-ses-clients/")
    assert response.status_code == 200 and "Fidéliser ses clients" in response.content.decode()
    assert queries == 1  # the content generation, read from the database without Redis


def search_queries(client, query):
    response, queries = get(client, f"/recherche/?q={query}")
    assert response.status_code == 200
    return response.content.decode(), queries


def test_search_results_are_remembered_until_content_changes(client):
    _html, cold = search_queries(client, "livre blanc")
    again, warm = search_queries(client, "Livre   BLANC")  # the same query, typed otherwise
    assert warm == 1 < cold  # only the content generation
    assert "Social CRM\u00a0: vers la relation sociale augmentée" in again
    resource = Resource.objects.get(slug="livre-blanc-social-crm")
    resource.title = "Social CRM : la relation sociale augmentée"
    resource.save_revision().publish()
    html, queries = search_queries(client, "livre blanc")
    assert queries > 1
    assert "la relation sociale augmentée" in html and "vers la relation" not in html


def test_only_the_latest_searches_are_remembered(client, monkeypatch):
    monkeypatch.setattr("home.views.REMEMBERED_SEARCHES", 3)
    search_queries(client, "crm")
    for query in ["facebook", "twitter", "blog"]:  # three others push it out
        search_queries(client, query)
    _html, queries = search_queries(client, "crm")
    assert queries > 1
    _html, queries = search_queries(client, "crm")
    assert queries == 1


@pytest.fixture
def settled_generation():
    """Pages carry the date of their content generation once the second it was made in is over
    (caching.pagecache.validators): wait for that, less than a second."""
    made = generation.made_at(generation.current())
    time.sleep(max(0.0, math.floor(made) + 1 - time.time()))


def test_cached_pages_carry_validators_and_a_browser_asking_again_gets_a_304(
    client, settled_generation
):
    url = "/chiffres-cles/"
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "no-cache"
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(url)["ETag"] == etag  # from the cache, the same validators
    for validator in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": modified}):
        response = client.get(url, **validator)
        assert response.status_code == 304 and response.content == b""
        assert response["ETag"] == etag and response["Last-Modified"] == modified
        assert response["Cache-Control"] == "no-cache"
        assert "Accept-Encoding" in response["Vary"]
        assert client.head(url, **validator).status_code == 304
    # Compressed, the page carries the same (weak) ETag, and the browser's copy still matches.
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip" and compressed["ETag"] == etag
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_validators_are_the_same_in_every_process(client, settled_generation):
    """Another worker (here: this one with its page cache emptied, as a process without Redis
    has its own) gives the same validators, and answers 304 to them."""
    from django.core.cache import cache

    first = client.get("/cours/")
    cache.clear()
    again = client.get("/cours/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert (again["ETag"], again["Last-Modified"]) == (first["ETag"], first["Last-Modified"])


def test_a_304_reads_only_the_generation(client):
    url = "/cours/fideliser-ses-clients/"
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert [query["sql"] for query in queries] == [generation_query(queries)]


@pytest.mark.parametrize("change", ["statistic", "lesson"])
def test_after_a_publication_the_old_validators_get_the_new_page(
    client, settled_generation, change
):
    url = "/" if change == "statistic" else "/cours/fideliser-ses-clients/"
    first = client.get(url)
    if change == "statistic":
        statistic = Statistic.objects.get(slug="france-inscrits")
        statistic.value = 77
        statistic.save_revision().publish()
        expected = "77\u00a0%"
    else:
        lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
        lesson.title = "Garder ses clients"
        lesson.save_revision().publish()
        expected = "<h1>Garder ses clients</h1>"
    for validator in (
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ):
        response = client.get(url, **validator)
        assert response.status_code == 200
        assert expected in response.content.decode()
        assert response["ETag"] != first["ETag"]


def test_signed_in_visitors_and_personal_pages_never_get_a_validator_or_a_304(
    client, django_user_model, settled_generation
):
    anonymous = client.get("/cours/")
    validators = [
        {"HTTP_IF_NONE_MATCH": anonymous["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": anonymous["Last-Modified"]},
        {"HTTP_IF_NONE_MATCH": "*"},
    ]
    # Pages with a form (a CSRF token), for anonymous visitors too.
    for url in ["/quiz/quiz-final/", "/compte/connexion/", "/admin/login/"]:
        for validator in validators:
            response = client.get(url, **validator)
            assert response.status_code == 200, url
            assert "ETag" not in response and "Last-Modified" not in response, url
            assert "no-store" in response["Cache-Control"], url
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    for url in ["/cours/", "/", "/compte/mon-espace/"]:
        for validator in validators:
            response = client.get(url, **validator)
            assert response.status_code == 200, url
            assert "ETag" not in response and "Last-Modified" not in response, url
            assert "private" in response["Cache-Control"], url
            assert "no-store" in response["Cache-Control"], url


def test_a_page_replaced_within_the_same_second_is_never_confirmed(client):
    """Last-Modified counts whole seconds: a page made between two publications of one second
    must not match the page after the second one, by either validator."""
    url = "/"
    statistic = Statistic.objects.get(slug="france-inscrits")
    statistic.value = 61
    statistic.save_revision().publish()
    between = client.get(url)
    assert "61\u00a0%" in between.content.decode()
    statistic.value = 62
    statistic.save_revision().publish()
    validators = [{"HTTP_IF_NONE_MATCH": between["ETag"]}]
    if between.has_header("Last-Modified"):  # only once the second of its generation was over
        validators.append({"HTTP_IF_MODIFIED_SINCE": between["Last-Modified"]})
    for validator in validators:
        response = client.get(url, **validator)
        assert response.status_code == 200 and "62\u00a0%" in response.content.decode()


def test_a_new_release_neither_serves_nor_confirms_what_the_previous_code_made(
    client, settings, tmp_path, settled_generation
):
    url = "/cours/"
    first = client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    (tmp_path / "nouveau.css").write_text("main { margin: 0 }")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, tmp_path]
    pagecache.code_version.cache_clear()  # as a process of the new release starts
    try:
        response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
        assert response["ETag"] != first["ETag"]
        assert client.get(url)["X-Page-Cache"] == "hit"  # kept again, for the new code
    finally:
        pagecache.code_version.cache_clear()
