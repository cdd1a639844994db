"""A page cache for anonymous visitors, in the default cache (Redis, shared by every app server,
or each process's memory).

Only pages anyone may see are cached: never for a visitor with a session (signed in, or with quiz
attempts), never a response that sets a cookie or carries a CSRF token ("Vary: Cookie" is ignored:
without a session cookie the page is the same for every visitor). Entries are keyed by the content
generation, so publishing anything makes every cached page unreachable at once. A query string
is cached only with known parameters, and only for the values the page itself recognises
(`do_not_cache` otherwise): random values cannot fill the cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from .generation import request_generation

TIMEOUT = 600
ALLOWED_PARAMETERS = {"tag"}
# Never cached: personal pages, and the health check (it must reach the database each time).
PRIVATE_PREFIXES = (
    "/admin/",
    "/compte/",
    "/ateliers/",
    "/quiz/",
    "/direct/",
    "/emargement/",
    "/attestations/",
    "/lecons/",
    "/healthz",
)


def cache_key(request):
    generation = request_generation(request)
    return f"pagecache:{generation}:{request.get_host()}:{request.get_full_path()}"


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and set(request.GET) <= ALLOWED_PARAMETERS
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def is_cacheable_response(request, response):
    return (
        response.status_code == 200
        and getattr(request, "is_wagtail_page", False)
        and not getattr(request, "is_preview", False)
        and not getattr(request, "page_cache_refused", False)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not response.has_header("Cache-Control")
        and not getattr(response, "streaming", False)
    )


def mark_page(request):
    """This response is a Wagtail page: restricted ones never reach anonymous visitors as 200."""
    request.is_wagtail_page = True


def do_not_cache(request):
    """The page does not recognise a value of its query string: serve it, keep nothing."""
    request.page_cache_refused = True


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
