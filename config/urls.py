from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from caching.views import serve_page
from home import views as home_views
from quizzes.sitemaps import QuizSitemap

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots, name="robots"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "quizzes": QuizSitemap}},
        name="sitemap",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("lecons/", include("lessons.urls")),
    path("compte/", include("accounts.urls")),
    path("quiz/", include("quizzes.urls")),
    path("revision/", include("recall.urls")),
    # Under /ateliers/: personal pages, never cached, kept from crawlers.
    path("ateliers/bilan/", include("reporting.urls")),
    path("ateliers/", include("workshops.urls")),
    path("direct/", include("live.urls")),
    path("emargement/", include("attendance.urls")),
    path("attestations/", include("attestations.urls")),
    path("convocations/", include("convocations.urls")),
    path("satisfaction/", include("satisfaction.urls")),
    path("travaux/", include("jobs.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's front-end sign-in, where a private page or document would send a visitor: the
    # site's own (WAGTAIL_FRONTEND_LOGIN_URL sends there directly), with the same `next`.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
    ),
    # Wagtail's page serving (same address pattern), remembering where addresses lead. Not
    # Wagtail's own addresses under _util/ (a password-protected page's form posts there):
    # wagtail_urls answers them.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler500 = "home.views.server_error"
