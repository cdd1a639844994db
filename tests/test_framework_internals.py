"""The framework internals that caching/internals.py relies on, each pinned here: a test fails
as soon as an upgrade of Django or Wagtail changes one. Fix caching/internals.py, nothing else.
The one exception, live/layers.py (channels_redis's pool), is pinned at the end."""

import pytest
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, SessionBase
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from caching import internals
from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def test_wagtail_takes_the_site_and_route_a_request_already_carries(rf):
    """request._wagtail_site and request._wagtail_route_for_request."""
    request = rf.get("/cours/le-social-crm/")
    site = Site.objects.get(is_default_site=True)
    route = RouteResult(LessonPage.objects.get(slug="le-social-crm"))
    internals.give_wagtail_the_route(request, site, route)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is site
        assert Page.route_for_request(request, "/cours/le-social-crm/") is route
    assert len(queries) == 0


def test_a_request_without_them_is_routed_by_wagtail_itself(rf):
    request = rf.get("/cours/le-social-crm/")
    route = Page.route_for_request(request, "/cours/le-social-crm/")
    assert route.page.slug == "le-social-crm"
    assert Page.route_for_request(request, "/cours/le-social-crm/") is route  # kept on it


def test_django_draws_new_session_keys_with_the_method_we_replace():
    """SessionBase._get_new_session_key: called by create(), so ours is used."""
    assert "_get_new_session_key" in vars(SessionBase)

    class Store(internals.SessionKeyFromOneRead, db.SessionStore):
        pass

    store = Store()
    store.create()
    key = store.session_key
    assert len(key) == 32 and set(key) <= set(VALID_KEY_CHARS)
    assert db.SessionStore(key).exists(key)

    class Fixed(internals.SessionKeyFromOneRead, db.SessionStore):
        def _get_new_session_key(self):
            return "k" * 32

    fixed = Fixed()
    fixed.create()
    assert fixed.session_key == "k" * 32


def test_the_session_data_djangos_save_reads():
    """SessionBase._get_session(no_load=…): the data to write, loaded only for a known key."""
    store = db.SessionStore()
    store["lesson"] = "lue"
    assert internals.session_data_to_save(store, must_create=True) == {"lesson": "lue"}
    store.save(must_create=True)
    again = db.SessionStore(store.session_key)
    assert internals.session_data_to_save(again, must_create=False) == {"lesson": "lue"}


def test_channels_redis_still_makes_each_host_s_pool_through_create_pool():
    """live/layers.py overrides RedisChannelLayer.create_pool(index) and reads self.hosts; the
    pool is made lazily on the first connection(index), so nothing connects to Redis here."""
    import asyncio

    from redis.asyncio import BlockingConnectionPool

    from live.layers import RedisChannelLayer

    async def first_connection():
        layer = RedisChannelLayer(hosts=[{"address": "redis://127.0.0.1:1/0"}])
        assert layer.hosts == [{"address": "redis://127.0.0.1:1/0"}]
        return layer.connection(0).connection_pool

    assert isinstance(asyncio.run(first_connection()), BlockingConnectionPool)
