import re
import sys
import unicodedata
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, connections
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from caching.addresses import public_url
from caching.memo import content_memo
from figures.models import KeyFiguresPage, Statistic
from lessons.models import CoursePage, LessonPage, Resource

from .models import HomePage, SiteSettings, page_description


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
    terms = search_terms(query)
    results = search_results(request, terms) if terms else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "page_obj": page_obj,
            "result_count": len(results),
            "suggestions": search_suggestions(request) if query and not results else None,
        },
    )


def search_terms(query):
    """The words of a query, without the quotes, brackets and signs that the search engines
    would read as their own syntax (a stray quote broke SQLite's full-text search)."""
    return " ".join(re.sub(r"[^\w'’-]+", " ", query).replace("_", " ").split())


def search_results(request, terms):
    """The results of a query, from the content memo when this process has run it since the
    last publication (results are the same for everyone: only public, published content)."""
    remembered = content_memo(request).setdefault("search", {})
    key = (request.get_host(), terms.casefold())
    results = remembered.pop(key, None)
    if results is None:
        results = find(request, terms)
        while len(remembered) >= REMEMBERED_SEARCHES:
            remembered.pop(next(iter(remembered)), None)  # the least recently used
    remembered[key] = results  # (again) the most recent
    return results


def find(request, terms):
    pages = matching(Page.objects.live().public().not_type(HomePage).specific(), terms)
    pages = rank_by_place(pages, terms)
    results = [
        SearchResult(page.title, page.get_url(request), _page_kind(page), _page_excerpt(page))
        for page in pages
    ]
    resources = matching(Resource.objects.filter(live=True), terms)
    results += [
        SearchResult(r.title, r.link, _("Ressource"), r.description)
        for r in rank_by_place(resources, terms)
    ]
    statistics = matching(Statistic.objects.filter(live=True), terms)
    key_figures = KeyFiguresPage.objects.live().first()
    key_figures_url = key_figures.get_url(request) if key_figures else ""
    results += [
        SearchResult(
            s.sentence,
            key_figures_url,
            _("Chiffre clé"),
            f"{s.scope} — {s.dating}",
        )
        for s in statistics
    ]
    return results


def matching(queryset, terms):
    """What the search backend finds for whole words (stemmed in French on PostgreSQL), then
    what only matches the beginning of a word (autocomplete: "pub" finds "publicité")."""
    found = list(queryset.search(terms)[:MAX_RESULTS_PER_KIND])
    seen = {item.pk for item in found}
    for item in queryset.autocomplete(terms)[:MAX_RESULTS_PER_KIND]:
        if item.pk not in seen and len(found) < MAX_RESULTS_PER_KIND:
            found.append(item)
    return found


def rank_by_place(items, terms):
    """Items whose title holds every word of the query first, then those where a heading does,
    then the others, each group in the backend's order. Field boosts (search_fields) rank so on
    PostgreSQL; SQLite's backend ignores them, so the order is made sure of here."""
    # "l'entreprise": "entreprise"; a lone letter tells nothing.
    words = [word for word in re.findall(r"\w+", _plain(terms)) if len(word) > 1]

    def place(item):
        if _holds(item.title, words):
            return 0
        headings = getattr(item, "search_headings", None)
        if headings and _holds(" ".join(headings()), words):
            return 1
        return 2

    return sorted(items, key=place)  # a stable sort: the backend's order within each place


def _plain(text):
    """Lower case, without accents: "Fidéliser" -> "fideliser"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _holds(text, words):
    """Whether every query word starts a word of the text, or shares its stem roughly (French
    endings: "fidélisation" and "fidéliser", "clients" and "client")."""
    text_words = re.findall(r"\w+", _plain(text))
    return all(any(_alike(word, other) for other in text_words) for word in words)


def _alike(word, other):
    if other.startswith(word):
        return True
    shorter = min(len(word), len(other))
    common = next((i for i in range(shorter) if word[i] != other[i]), shorter)
    return common >= max(4, shorter - 3)


def search_suggestions(request):
    """Where to go when a search finds nothing: the course's lessons, the key figures and the
    resources, as editors named them. The same for everyone until content changes."""
    memo = content_memo(request)
    key = ("search suggestions", request.get_host())
    if key not in memo:
        site_settings = SiteSettings.for_request(request)
        course = CoursePage.objects.live().public().filter(pk=site_settings.course_page_id).first()
        pages = (
            Page.objects.live()
            .public()
            .in_bulk([site_settings.key_figures_page_id, site_settings.resources_page_id])
        )
        memo[key] = {
            "course": (course.title, course.get_url(request)) if course else None,
            "lessons": [(lesson.title, lesson.get_url(request)) for lesson in course.lessons()]
            if course
            else [],
            "pages": [(page.title, page.get_url(request)) for page in pages.values()],
        }
    return memo[key]


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
    "/lecons/",
    "/documents/",
]


@require_GET
def robots(request):
    lines = [
        "User-agent: *",
        *(f"Allow: {path}" for path in ROBOTS_ALLOW),
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
    ]
    lines.append(f"Sitemap: {public_url(reverse('sitemap'), request)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page says: the icon
    among the static files (a temporary redirect: its address changes with its content)."""
    return HttpResponseRedirect(static("img/favicon.ico"))
