"""The editors' freshness dashboard (admin → Rapports → Fraîcheur des contenus): what needs
review first. Figures older than the threshold or undated; resources flagged as possibly
outdated or behind a shortened link (the reader cannot see where it leads, and it may die);
lessons by the date of their last review, never reviewed first."""

import re

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from figures.models import FiguresSettings, Statistic

from .models import LessonPage, Resource

# Link shorteners: the address hides its destination, and the service may close.
SHORTENERS = re.compile(
    r"^https?://(www\.)?(bit\.ly|goo\.gl|ow\.ly|t\.co|tinyurl\.com|buff\.ly|is\.gd|lnkd\.in)/",
    re.IGNORECASE,
)


def figures_to_review():
    return Statistic.objects.needing_review().order_by(F("year").asc(nulls_first=True), "label")


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

    def get_context_data(self, **kwargs):
        years = FiguresSettings.load().review_after_years
        return super().get_context_data(**kwargs) | {
            "figures": figures_to_review(),
            "threshold": ngettext("%(years)s an", "%(years)s ans", years) % {"years": years},
            "resources": resources_to_review(),
            "lessons": lessons_by_review(),
        }
