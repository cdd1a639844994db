import sys
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, connections
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from caching.memo import content_memo
from figures.models import KeyFiguresPage, Statistic
from lessons.models import LessonPage, Resource

from .models import HomePage, page_description


@never_cache
@require_GET
def healthz(request):
    """200 when a brand-new database connection answers, 503 otherwise."""
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    finally:
        connection.close()
    return JsonResponse({"status": "ok"})


RESULTS_PER_PAGE = 10
MAX_RESULTS_PER_KIND = 50
# Queries whose results each process remembers until content changes: the most recent ones,
# so that random queries cannot fill the memory.
REMEMBERED_SEARCHES = 200


@require_GET
def search(request):
    """One search over lessons and other pages, resources and statistics."""
    query = request.GET.get("q", "").strip()[:200]
    results = search_results(request, query) if query else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "result_count": len(results)},
    )


def search_results(request, query):
    """The results of a query, from the content memo when this process has run it since the
    last publication (results are the same for everyone: only public, published content)."""
    remembered = content_memo(request).setdefault("search", {})
    key = (request.get_host(), " ".join(query.casefold().split()))
    results = remembered.pop(key, None)
    if results is None:
        results = find(request, query)
        while len(remembered) >= REMEMBERED_SEARCHES:
            remembered.pop(next(iter(remembered)), None)  # the least recently used
    remembered[key] = results  # (again) the most recent
    return results


def find(request, query):
    pages = Page.objects.live().public().not_type(HomePage).specific().search(query)
    results = [
        SearchResult(page.title, page.get_url(request), _page_kind(page), _page_excerpt(page))
        for page in pages[:MAX_RESULTS_PER_KIND]
    ]
    resources = Resource.objects.filter(live=True).search(query)
    results += [
        SearchResult(r.title, r.link, _("Ressource"), r.description)
        for r in resources[:MAX_RESULTS_PER_KIND]
    ]
    statistics = Statistic.objects.filter(live=True).search(query)
    key_figures = KeyFiguresPage.objects.live().first()
    key_figures_url = key_figures.get_url(request) if key_figures else ""
    results += [
        SearchResult(
            s.sentence,
            key_figures_url,
            _("Chiffre clé"),
            f"{s.scope} — {s.dating}",
        )
        for s in statistics[:MAX_RESULTS_PER_KIND]
    ]
    return results


@dataclass
class SearchResult:
    title: str
    url: str
    kind: str
    excerpt: str


def _page_kind(page):
    if isinstance(page, LessonPage):
        return _("Leçon")
    return page.specific_class._meta.verbose_name.capitalize()


def _page_excerpt(page):
    return Truncator(page_description(page)).words(40)


def server_error(request):
    """500, or a French 503 when the database is out of reach (it will be back: say so)."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DatabaseError | InterfaceError):
        response = render_to_string("503.html")
        return HttpResponse(response, status=503, headers={"Retry-After": "30"})
    return HttpResponseServerError(render_to_string("500.html"))


# Crawlers stay out of personal and trainers' pages; the sitemap lists the public pages. Signing
# in and up are public pages a search may lead to (the longest rule wins, as robots.txt says).
ROBOTS_ALLOW = ["/compte/connexion/", "/compte/inscription/"]
ROBOTS_DISALLOW = [
    "/admin/",
    "/compte/",
    "/ateliers/",
    "/direct/",
    "/emargement/",
    "/attestations/",
    "/quiz/resultat/",
    "/documents/",
]


@require_GET
def robots(request):
    lines = [
        "User-agent: *",
        *(f"Allow: {path}" for path in ROBOTS_ALLOW),
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
    ]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
