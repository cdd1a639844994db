from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from figures import moderation
from figures.admin_ui import WarningColumn, status_column

from .freshness import FreshnessView
from .models import Resource
from .views import lesson_sections


class ResourceViewSet(SnippetViewSet):
    model = Resource
    unpublish_view_class = moderation.UnpublishView
    icon = "link"
    menu_label = _("Ressources")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "title",
        "kind",
        "publisher",
        "language",
        WarningColumn("possibly_outdated", _("peut-être dépassée"), label=_("Fraîcheur")),
        status_column(),
    ]
    list_filter = {"kind": ["exact"], "language": ["exact"], "tags__name": ["exact"]}
    list_export = ["slug", "title", "kind", "publisher", "url", "language", "possibly_outdated"]
    export_filename = "ressources"


register_snippet(ResourceViewSet)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("fraicheur/", FreshnessView.as_view(), name="freshness"),
        # The quiz editor's section menu reads a lesson's headings here.
        path("lecons/sections/", lesson_sections, name="lesson_sections"),
    ]


@hooks.register("register_reports_menu_item")
def freshness_menu_item():
    return MenuItem(_("Fraîcheur des contenus"), reverse("freshness"), icon_name="time", order=1)
