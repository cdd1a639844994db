"""A page cache for anonymous visitors, in the default cache (Redis, shared by every app server,
or each process's memory).

Only pages anyone may see are cached: never for a visitor with a session (signed in, or with quiz
attempts), never a response that sets a cookie or carries a CSRF token ("Vary: Cookie" is ignored:
without a session cookie the page is the same for every visitor). Entries are keyed by the content
generation, so publishing anything makes every cached page unreachable at once. A query string
is cached only with known parameters, and only for the values the page itself recognises
(`do_not_cache` otherwise): random values cannot fill the cache.

Pages it serves carry validators taken from the generation (the same on every worker and server,
new with every publication), so a browser asking again gets a 304 without a body. Everything
personal is `private, no-store` instead, and never gets a validator.
"""

import functools
import hashlib
import math
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from .generation import made_at, request_generation

TIMEOUT = 600
# Browsers keep a page but ask before each use: the answer is a 304 without a body as long as
# nothing was published (one read of the generation, no rendering), and a publication shows on
# the very next visit. A max-age would save that round trip but show the old page for that long
# after a publication, and let a shared proxy keep it for everyone.
CACHE_CONTROL = "no-cache"
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


CODE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".js", ".svg"}


@functools.cache
def code_version():
    """What renders pages, as a digest that is the same on every server running one release: the
    project's packages, templates, static files and translations. It is in the cache key and the
    ETag, so that a new release neither serves nor confirms to a browser a page the previous code
    made (publishing alone changes the generation)."""
    root = Path(settings.BASE_DIR)
    folders = sorted(path for path in root.iterdir() if (path / "__init__.py").exists())
    folders += [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(folder) for folder in (*settings.STATICFILES_DIRS, *settings.LOCALE_PATHS)]
    digest = hashlib.blake2b(digest_size=8)
    for number, folder in enumerate(folders):
        for path in sorted(folder.rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(f"{number}/{path.relative_to(folder)}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(request):
    generation = request_generation(request)
    path = request.get_full_path()
    return f"pagecache:{generation}:{code_version()}:{request.get_host()}:{path}"


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and set(request.GET) <= ALLOWED_PARAMETERS
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def no_store_if_personal(request, response):
    """Someone's own page (a session, a personal address), or one that sets a cookie or carries a
    CSRF token (a form): no browser or proxy may keep it."""
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or response.cookies
        or request.META.get("CSRF_COOKIE_USED")
        or request.path.startswith(PRIVATE_PREFIXES)
    ):
        patch_cache_control(response, private=True, no_store=True)
    return response


def validators(request, started):
    """The ETag and Last-Modified (a timestamp, or None) of the page cached for this request's
    generation and this version of the code. The ETag is weak, as GZipMiddleware would make it
    anyway: the compressed and plain pages then carry the same one. Last-Modified, in whole
    seconds, is the second the generation was made in, given only to requests that started after
    that second: any later generation is then made in a later second, so an old date never
    matches a new page (with the servers' clocks in step; the ETag, which browsers send first,
    needs no clock, and also changes with each release)."""
    generation = request_generation(request)
    made = made_at(generation)
    modified = math.floor(made) if made is not None else None
    if modified is not None and started < modified + 1:
        modified = None
    return f'W/"{generation}-{code_version()}"', modified


def serve(request, response, started, source):
    """A cached page with its validators, or a 304 when the browser's copy is this one."""
    etag, modified = validators(request, started)
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Page-Cache"] = source
    # GZipMiddleware, outside, says so only on the 200s it compresses; a 304 must say it too.
    patch_vary_headers(response, ["Accept-Encoding"])
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)


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
        code_version()  # read when the process starts, not on its first request

    def __call__(self, request):
        if not is_cacheable_request(request):
            return no_store_if_personal(request, self.get_response(request))
        started = time.time()  # before the generation is read (see validators)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            return serve(request, cached, started, "hit")
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            return no_store_if_personal(request, response)
        cache.set(key, response, TIMEOUT)  # kept without its validators
        return serve(request, response, started, "miss")
