from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Header and footer links, from the editors' settings; computed once per request."""
    request = context.get("request")
    if request is None:
        return {"links": [], "footer_links": [], "credits": ""}
    cached = getattr(request, "_site_navigation", None)
    if cached is not None:
        return cached
    site_settings = SiteSettings.for_request(request)
    current = context.get("page")
    current_path = getattr(current, "url_path", "")

    fields = ["course_page", "key_figures_page", "resources_page"]
    fields += ["legal_page", "accessibility_page", "privacy_page"]
    pages = Page.objects.live().in_bulk([getattr(site_settings, f"{field}_id") for field in fields])

    def link(field, title=None):
        page = pages.get(getattr(site_settings, f"{field}_id"))
        if page is None:
            return None
        return {
            "title": title or page.title,
            "url": page.get_url(request),
            "current": bool(current_path) and current_path.startswith(page.url_path),
        }

    links = [
        link("course_page", _("Le cours")),
        link("key_figures_page", _("Chiffres clés")),
        link("resources_page", _("Ressources")),
    ]
    footer_links = [
        link("legal_page"),
        link("accessibility_page"),
        link("privacy_page"),
    ]
    nav = {
        "links": [item for item in links if item],
        "footer_links": [item for item in footer_links if item],
        "credits": site_settings.credits,
    }
    request._site_navigation = nav
    return nav
