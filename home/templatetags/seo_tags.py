"""What search engines and link previews read of a page: its description (the page's own
field, else its summary or introduction), its canonical address and its Open Graph tags."""

from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

register = template.Library()

DESCRIPTION_LENGTH = 160


def page_description(page):
    for field in ("search_description", "summary", "introduction"):
        text = strip_tags(str(getattr(page, field, "") or ""))
        if text.strip():
            return text
    return ""


@register.simple_tag(takes_context=True)
def seo(context, description=""):
    """{description, canonical, image}; `description` wins over the page's."""
    request = context.get("request")
    page = context.get("page")
    text = description or (page_description(page) if page is not None else "")
    if not text:
        text = _(
            "Guides pratiques, quiz et chiffres clés pour utiliser les réseaux sociaux dans une "
            "petite entreprise : fidéliser ses clients et en trouver de nouveaux."
        )
    base = f"{request.scheme}://{request.get_host()}" if request else ""
    return {
        "description": Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH),
        "canonical": base + (request.path if request else "/"),
        "image": base + static("img/partage.png"),
    }
