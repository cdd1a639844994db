"""What search engines and link previews read of a page: its description (the page's own
field, else its summary or introduction), its canonical address and its Open Graph tags, at the
site's public address (never the request's Host header)."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from caching.addresses import public_url
from home.models import page_description

register = template.Library()

DESCRIPTION_LENGTH = 160


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
    return {
        "description": Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH),
        "canonical": public_url(request.path if request else "/", request),
        "image": public_url(static("img/partage.png"), request),
    }


def json_ld(data):
    """A JSON-LD block; "<" escaped so that no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def learning_resource(page, base, course=None):
    data = {
        "@type": "LearningResource",
        "name": page.title,
        "description": page_description(page),
        "url": base + page.url,
        "inLanguage": "fr",
        "learningResourceType": "leçon",
        "timeRequired": f"PT{page.reading_minutes}M",
    }
    if course is not None:
        data["isPartOf"] = {"@type": "Course", "name": course.title, "url": base + course.url}
    return data


@register.simple_tag(takes_context=True)
def structured_data(context):
    """schema.org: a Course on the course page with its lessons, a LearningResource on each
    lesson, a Quiz on each quiz page; nothing elsewhere."""
    from lessons.models import CoursePage, LessonPage

    request, page, quiz = context.get("request"), context.get("page"), context.get("quiz")
    if request is None:
        return ""
    base = public_url("", request)
    provider = {"@type": "Organization", "name": "Atelier Réseaux", "url": base + "/"}
    data = None
    if isinstance(page, CoursePage):
        data = {
            "@type": "Course",
            "name": page.title,
            "description": page_description(page),
            "url": base + page.url,
            "inLanguage": "fr",
            "provider": provider,
            "isAccessibleForFree": True,
            # The lessons the course page already listed, not a second query.
            "hasPart": [
                learning_resource(lesson, base) for lesson in context.get("lessons", page.lessons())
            ],
        }
    elif isinstance(page, LessonPage):
        data = learning_resource(page, base, page.get_parent().specific) | {"provider": provider}
    elif quiz is not None and getattr(quiz, "is_public", False):
        data = {
            "@type": "Quiz",
            "name": quiz.title,
            "description": quiz.intro or quiz.title,
            "url": base + quiz.get_absolute_url(),
            "inLanguage": "fr",
            "educationalUse": "auto-évaluation",
            "provider": provider,
        }
        if quiz.lesson_id:
            data["about"] = {"@type": "LearningResource", "name": quiz.lesson.title}
    if data is None:
        return ""
    return json_ld({"@context": "https://schema.org", **data})
