"""The editors' freshness dashboard (admin → Rapports → Fraîcheur des contenus): what needs
review first. Figures older than the threshold or undated, ranked by need: how often readers
saw the lessons and quizzes that show them in the last twelve months (each app registers how it
counts its readers: register_audience), then how many places show them, then the oldest first;
those read at least as often as the editors' threshold (FiguresSettings.priority_readings) come
first. Resources flagged as possibly outdated or behind a shortened link (the reader cannot see
where it leads, and it may die); external links as the last check found them (lessons.links);
lessons by the date of their last review, never reviewed first."""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import ReferenceIndex

from figures.models import FiguresSettings, Series, Statistic

from .links import all_links, latest_checks, links_in, start_check
from .models import LessonPage, Resource

AUDIENCE_DAYS = 365
_audiences = []


def register_audience(measure):
    """`measure(since)` → {(base content type id, object id): readings since then} of the
    objects an app shows to readers (lessons read, quizzes submitted)."""
    _audiences.append(measure)


def readings(since):
    counts = {}
    for measure in _audiences:
        for key, count in measure(since).items():
            counts[key] = counts.get(key, 0) + count
    return counts


@dataclass
class Need:
    statistic: Statistic
    places: set = field(default_factory=set)  # (base content type id, object id)
    readings: int = 0

    @property
    def place_count(self):
        return len(self.places)


def places_by_statistic(statistics):
    """{statistic pk: {(base content type id, object id)}}: where each statistic is shown, a
    chart's pages counting for the statistics of its series."""
    statistic_type = ContentType.objects.get_for_model(Statistic)
    series_type = ContentType.objects.get_for_model(Series)
    ids = [str(statistic.pk) for statistic in statistics]
    direct = ReferenceIndex.objects.filter(to_content_type=statistic_type, to_object_id__in=ids)
    holders = {}
    series_of = {}
    for ref in direct.values("to_object_id", "base_content_type_id", "object_id"):
        place = (ref["base_content_type_id"], ref["object_id"])
        if ref["base_content_type_id"] == series_type.pk:
            series_of.setdefault(ref["object_id"], set()).add(int(ref["to_object_id"]))
        else:
            holders.setdefault(int(ref["to_object_id"]), set()).add(place)
    charts = ReferenceIndex.objects.filter(
        to_content_type=series_type, to_object_id__in=list(series_of)
    ).values("to_object_id", "base_content_type_id", "object_id")
    for ref in charts:
        for statistic in series_of.get(ref["to_object_id"], ()):
            holders.setdefault(statistic, set()).add(
                (ref["base_content_type_id"], ref["object_id"])
            )
    return holders


# Link shorteners: the address hides its destination, and the service may close.
SHORTENERS = re.compile(
    r"^https?://(www\.)?(bit\.ly|goo\.gl|ow\.ly|t\.co|tinyurl\.com|buff\.ly|is\.gd|lnkd\.in)/",
    re.IGNORECASE,
)


def content_links():
    """The figures' sources, the resources, the lessons' sources and the links in their text."""
    for statistic in Statistic.objects.exclude(source_url="").only("pk", "label", "source_url"):
        yield (
            statistic.source_url,
            _("Source du chiffre « %(label)s »") % {"label": statistic.label[:60]},
            reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk]),
        )
    for resource in Resource.objects.exclude(url="").only("pk", "title", "url"):
        yield (
            resource.url,
            _("Ressource « %(title)s »") % {"title": resource.title},
            reverse("wagtailsnippets_lessons_resource:edit", args=[resource.pk]),
        )
    for lesson in LessonPage.objects.only("pk", "title", "body", "sources"):
        edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
        label = _("Leçon « %(title)s »") % {"title": lesson.title}
        for source in lesson.sources.raw_data:
            url = (source.get("value") or {}).get("url")
            if url:
                yield url, label, edit_url
        for url in links_in(list(lesson.body.raw_data)):
            yield url, label, edit_url


def figures_to_review(now=None):
    """(priority, others): the figures needing review as Needs, each list ranked by need."""
    statistics = list(Statistic.objects.needing_review())
    places = places_by_statistic(statistics)
    since = (now or timezone.now()) - timedelta(days=AUDIENCE_DAYS)
    read = readings(since)
    needs = []
    for statistic in statistics:
        need = Need(statistic, places.get(statistic.pk, set()))
        need.readings = sum(read.get(place, 0) for place in need.places)
        needs.append(need)
    needs.sort(
        key=lambda need: (
            -need.readings,
            -need.place_count,
            need.statistic.year is not None,
            need.statistic.year or 0,
            need.statistic.label,
        )
    )
    threshold = FiguresSettings.load().priority_readings
    priority = [need for need in needs if need.readings >= threshold]
    return priority, needs[len(priority) :]


def links_report():
    """[(url, places, latest check or None)]: links needing attention first, then never
    checked, then the others."""
    links = all_links()
    checks = latest_checks(links)
    rows = [(url, places, checks.get(url)) for url, places in links.items()]
    rows.sort(
        key=lambda row: (
            0 if row[2] and row[2].needs_attention else 1 if row[2] is None else 2,
            row[0],
        )
    )
    return rows


def resources_to_review():
    rows = []
    for resource in Resource.objects.order_by("title"):
        reasons = []
        if resource.possibly_outdated:
            reasons.append(_("signalée comme peut-être dépassée"))
        if SHORTENERS.match(resource.url or ""):
            reasons.append(_("lien raccourci : destination invisible"))
        if reasons:
            rows.append((resource, reasons))
    return rows


def lessons_by_review():
    return LessonPage.objects.order_by(F("reviewed_on").asc(nulls_first=True), "path")


class FreshnessView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Fraîcheur des contenus")
    header_icon = "time"
    template_name = "lessons/admin/freshness.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def post(self, request):
        """Queue a check of every external link now (the worker does it)."""
        job = start_check(owner=request.user, back=reverse("freshness"))
        messages.success(request, gettext_now("Vérification des liens lancée."))
        return redirect(job)

    def get_context_data(self, **kwargs):
        settings = FiguresSettings.load()
        years = settings.review_after_years
        priority, others = figures_to_review()
        links = links_report()
        return super().get_context_data(**kwargs) | {
            "priority": priority,
            "others": others,
            "priority_readings": settings.priority_readings,
            "settings_url": reverse("wagtailsettings:edit", args=["figures", "figuressettings"]),
            "threshold": ngettext("%(years)s an", "%(years)s ans", years) % {"years": years},
            "resources": resources_to_review(),
            "links": links,
            "links_to_fix": sum(
                1 for _url, _places, check in links if check and check.needs_attention
            ),
            "last_check": max((check.checked_at for _u, _p, check in links if check), default=None),
            "lessons": lessons_by_review(),
        }
