"""The admin in French: the help menu leads to this site's editors' guide instead of Wagtail's
English guide and release notes; the rich-text editor's tooltips are translated."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Guide du rédacteur")
    header_icon = "help"
    template_name = "home/admin/editors_guide.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


@hooks.register("register_admin_urls")
def editors_guide_urls():
    return [path("guide-du-redacteur/", EditorsGuideView.as_view(), name="editors_guide")]


@hooks.register("construct_help_menu")
def french_help_menu(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(
        0,
        MenuItem(_("Guide du rédacteur"), reverse("editors_guide"), icon_name="help", name="guide"),
    )


@hooks.register("construct_homepage_panels")
def no_wagtail_release_banner(request, panels):
    """The dashboard's "What's new in Wagtail" banner points to an English guide."""
    panels[:] = [panel for panel in panels if panel.name != "whats_new_in_wagtail_version"]


@hooks.register("insert_editor_js")
def translated_draftail_tooltips():
    """Wagtail writes "Edit" and "Remove" in English on a link's (or a figure's) tooltip."""
    return format_html('<script src="{}"></script>', static("home/draftail-tooltips.js"))
