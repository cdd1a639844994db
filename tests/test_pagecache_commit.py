"""The page cache and a change still inside its transaction: a visitor served meanwhile, by
another worker (another database connection), reads the content as last committed, and the
page then cached must not outlive the commit (caching.generation.invalidate bumps the content
generation at once and again on commit). Real transactions: the test commits as the site does."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from figures.models import Statistic

# Where the content generation lives (settings.CACHES["shared"]): the database when the site
# has no Redis (its writes wait for the commit, like the change itself), or a store outside the
# transaction that every worker sees at once, as Redis is.
SHARED = {
    "database": None,
    "redis-like": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "shared-generation-outside-transactions",
    },
}


@pytest.fixture(params=SHARED)
def shared_cache(request, settings):
    if SHARED[request.param] is not None:
        settings.CACHES = {**settings.CACHES, "shared": SHARED[request.param]}
    yield request.param
    from django.core.cache import caches

    caches["shared"].clear()


def visit_from_another_worker(url):
    """A visitor's request served in another thread, on its own database connection."""
    answers = []

    def run():
        try:
            answers.append(Client().get(url))
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    (answer,) = answers
    return answer


def test_a_page_read_during_an_uncommitted_publication_is_not_served_after_the_commit(
    seeded_db, shared_cache
):
    statistic = Statistic.objects.get(slug="france-inscrits")
    assert statistic.value != 77
    before = Client().get("/")
    assert before["X-Page-Cache"] == "miss" and "77\u00a0%" not in before.content.decode()
    with transaction.atomic():
        statistic.value = 77
        statistic.save_revision().publish()
        during = visit_from_another_worker("/")
        # The other connection sees the content as last committed, and the page is cached.
        assert during.status_code == 200
        assert during.content == before.content
    after = Client().get("/")
    assert after["X-Page-Cache"] == "miss"
    assert "77\u00a0%" in after.content.decode()
    assert Client().get("/")["X-Page-Cache"] == "hit"  # the new page, cached in turn
