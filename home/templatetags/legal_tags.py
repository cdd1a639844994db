from django import template
from wagtail.models import Site

from home.legal import legal_notice
from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_legal_notice(context):
    """The legal notice's facts for the site serving the page (home.legal)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.get(is_default_site=True)
    return legal_notice(SiteSettings.for_site(site))
