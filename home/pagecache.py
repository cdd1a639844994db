"""A page cache for anonymous visitors, shared by every app server through the cache backend.

Only pages anyone may see are cached: never for a visitor with a session (signed in, or with
quiz attempts), never a response that sets a cookie or carries a CSRF token. ("Vary: Cookie"
is ignored: without a session cookie the page is the same for every visitor.)
Every cached page is dropped at once (a new "generation") when content that pages show is
published, unpublished, moved, deleted or changed: pages, statistics, series, resources,
quizzes, site settings and view restrictions. Publishing is rare; simple and always correct
beats clever here. The same generation keys the content memo: what each process remembers of
the content (where addresses lead, the navigation, live quizzes) for requests the page cache
does not serve (signed-in readers, quiz submissions).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

GENERATION_KEY = "pagecache:generation"
TIMEOUT = 600
ALLOWED_PARAMETERS = {"tag"}


def fresh_generation():
    """A generation no earlier one can equal, if the counter was lost (an evicted key)."""
    return time.time_ns()


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, fresh_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def request_generation(request):
    """The content generation, read once per request."""
    if not hasattr(request, "_content_generation"):
        request._content_generation = generation()
    return request._content_generation


_memo = {"generation": None, "values": {}}


def content_memo(request):
    """A dict of values derived only from published content (page addresses, navigation links),
    kept in this process's memory while the content generation stays the same: it costs no
    query, and every app server drops it as soon as content changes anywhere."""
    current = request_generation(request)
    if _memo["generation"] != current:
        _memo["generation"], _memo["values"] = current, {}
    return _memo["values"]


def invalidate(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, fresh_generation(), timeout=None)


def cache_key(request):
    return f"pagecache:{request_generation(request)}:{request.get_host()}:{request.get_full_path()}"


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and set(request.GET) <= ALLOWED_PARAMETERS
        and not request.path.startswith(("/admin/", "/compte/", "/ateliers/", "/quiz/"))
    )


def is_cacheable_response(request, response):
    return (
        response.status_code == 200
        and getattr(request, "is_wagtail_page", False)
        and not getattr(request, "is_preview", False)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not response.has_header("Cache-Control")
        and not getattr(response, "streaming", False)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies.get(
                settings.SESSION_COOKIE_NAME
            ):
                # Someone's own page: no browser or proxy may keep it.
                patch_cache_control(response, private=True, no_store=True)
            return response
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            cache.set(key, response, TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response


def mark_page(request):
    """This response is a Wagtail page: restricted ones never reach anonymous visitors as 200."""
    request.is_wagtail_page = True


@receiver(page_published)
@receiver(page_unpublished)
@receiver(published)
@receiver(unpublished)
@receiver(post_page_move)
def content_changed(sender, **kwargs):
    invalidate()


def connect_model_signals():
    from wagtail.models import Page, PageViewRestriction, Site

    from figures.models import FiguresSettings, Series, SeriesItem, Statistic
    from lessons.models import Resource
    from quizzes.models import Quiz

    from .models import SiteSettings

    for model in (Page, Statistic, Series, Resource, Quiz, Site, PageViewRestriction):
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}"
        )
    # Quiz: a trainer may reserve one to workshops, which takes it off lesson pages at once.
    for model in (
        Series,
        SeriesItem,
        SiteSettings,
        FiguresSettings,
        Site,
        PageViewRestriction,
        Quiz,
    ):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
