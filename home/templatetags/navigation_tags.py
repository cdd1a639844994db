from django import template
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from caching.memo import content_memo
from home.models import SiteSettings

register = template.Library()

HEADER = [("course_page", _("Le cours")), ("key_figures_page", _("Chiffres clés"))]
HEADER += [("resources_page", _("Ressources"))]
FOOTER = [("results_page", None), ("legal_page", None), ("accessibility_page", None)]
FOOTER += [("privacy_page", None)]


def navigation_links(request):
    """Header and footer links from the editors' settings: the same for every visitor until
    content changes, so kept in the content memo."""
    site_settings = SiteSettings.for_request(request)
    fields = [field for field, _title in HEADER + FOOTER]
    pages = Page.objects.live().in_bulk([getattr(site_settings, f"{field}_id") for field in fields])

    def links(entries):
        result = []
        for field, title in entries:
            page = pages.get(getattr(site_settings, f"{field}_id"))
            if page is not None:
                result.append((str(title or page.title), page.get_url(request), page.url_path))
        return result

    privacy = links([("privacy_page", None)])
    return links(HEADER), links(FOOTER), site_settings.credits, privacy[0] if privacy else None


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Header and footer links, the current section marked; computed once per request."""
    request = context.get("request")
    if request is None:
        return {"links": [], "footer_links": [], "credits": "", "privacy": None}
    cached = getattr(request, "_site_navigation", None)
    if cached is not None:
        return cached
    memo = content_memo(request)
    key = ("navigation", request.get_host())
    if key not in memo:
        memo[key] = navigation_links(request)
    header, footer, credits, privacy = memo[key]
    current_path = getattr(context.get("page"), "url_path", "")

    def items(links, mark_current=False):
        return [
            {
                "title": title,
                "url": url,
                "current": mark_current and bool(current_path) and current_path.startswith(path),
            }
            for title, url, path in links
        ]

    nav = {
        "links": items(header, True),
        "footer_links": items(footer),
        "credits": credits,
        # The privacy notice, which forms that collect personal data link to.
        "privacy": items([privacy])[0] if privacy else None,
    }
    request._site_navigation = nav
    return nav
