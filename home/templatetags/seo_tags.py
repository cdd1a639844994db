"""What search engines and link previews read of a page: its description (the page's own
field, else its summary or introduction, else the one editors wrote in the settings for the
pages outside the page tree), its canonical address, its Open Graph and Twitter tags, and its
schema.org data, at the site's public address (never the request's Host header). Text is typeset
as the page is (apostrophes, non-breaking spaces) and a description is cut after a word."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from caching.addresses import public_url
from caching.memo import content_memo
from home.models import SiteSettings, page_description
from typography.french import cut_at_word, typeset_plain

register = template.Library()

DESCRIPTION_LENGTH = 160
# The views outside the page tree that search engines read, and the setting that describes each.
VIEW_DESCRIPTIONS = {
    "quizzes:index": "quiz_index_description",
    "search": "search_description",
    "accounts:login": "login_description",
    "accounts:signup": "signup_description",
    "accounts:password_reset": "password_reset_description",
}


# What the metadata reads of the settings.
SETTINGS_FIELDS = ["site_description", *VIEW_DESCRIPTIONS.values(), "share_image_alt"]
SETTINGS_FIELDS += ["contact_email"]


def site_facts(request):
    """The settings the metadata reads, and the site's name: the same for every visitor until
    content changes, so kept in the content memo (no query on a page served from it)."""
    cached = getattr(request, "_seo_facts", None)
    if cached is None:
        memo = content_memo(request)
        key = ("seo", request.get_host())
        if key not in memo:
            options = SiteSettings.for_request(request)
            site = Site.find_for_request(request)
            memo[key] = {field: getattr(options, field) for field in SETTINGS_FIELDS} | {
                "site_name": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
            }
        cached = request._seo_facts = memo[key]
    return cached


def site_name(request):
    return site_facts(request)["site_name"] if request is not None else settings.WAGTAIL_SITE_NAME


def describe(request, page):
    """The page's own description, else the one the settings give its view, else the site's."""
    text = page_description(page) if page is not None else ""
    if not text and request is not None:
        facts = site_facts(request)
        match = getattr(request, "resolver_match", None)
        field = VIEW_DESCRIPTIONS.get(match.view_name if match else "")
        text = (facts[field] if field else "") or facts["site_description"]
    return cut_at_word(typeset_plain(text), DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def seo(context, description=""):
    """{description, canonical, image, image_alt, type, site_name}; `description` wins over the
    page's."""
    request = context.get("request")
    page = context.get("page")
    if description:
        description = cut_at_word(typeset_plain(description), DESCRIPTION_LENGTH)
    else:
        description = describe(request, page)
    facts = site_facts(request) if request is not None else {}
    return {
        "description": description,
        "canonical": public_url(request.path if request else "/", request),
        "image": public_url(static("img/partage.png"), request),
        "image_alt": typeset_plain(facts.get("share_image_alt", "")),
        # A lesson is an article; every other page (home, course, lists, forms) a website.
        "type": getattr(page, "og_type", "website"),
        "site_name": site_name(request),
    }


@register.simple_tag(takes_context=True)
def public_address(context):
    """The site's public address, as a reader would type it."""
    return public_url("/", context.get("request"))


def json_ld(data):
    """A JSON-LD block; "<" escaped so that no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def plain(text):
    return typeset_plain(text) if text else text


def learning_resource(page, base, course=None):
    data = {
        "@type": "LearningResource",
        "name": plain(page.title),
        "description": cut_at_word(plain(page_description(page)), DESCRIPTION_LENGTH),
        "url": base + page.url,
        "inLanguage": "fr",
        "learningResourceType": "leçon",
        "timeRequired": f"PT{page.reading_minutes}M",
    }
    if course is not None:
        data["isPartOf"] = {
            "@type": "Course",
            "name": plain(course.title),
            "url": base + course.url,
        }
    return data


def breadcrumb_list(items):
    """schema.org BreadcrumbList of (name, url) as the page's breadcrumb shows them."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": plain(name), "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def organization(request, base):
    """The site's publisher, as the home page presents it."""
    facts = site_facts(request)
    data = {
        "@type": "Organization",
        "name": site_name(request),
        "url": base + "/",
        "logo": public_url(static("img/icon-512.png"), request),
    }
    if facts["site_description"]:
        data["description"] = cut_at_word(plain(facts["site_description"]), DESCRIPTION_LENGTH)
    if facts["contact_email"]:
        data["email"] = facts["contact_email"]
    return data


@register.simple_tag(takes_context=True)
def structured_data(context):
    """schema.org: the Organization on the home page, a Course on the course page with its
    lessons, a LearningResource and its BreadcrumbList on each lesson, a Quiz on each quiz page;
    nothing elsewhere."""
    from lessons.models import CoursePage, LessonPage

    from ..models import HomePage

    request, page, quiz = context.get("request"), context.get("page"), context.get("quiz")
    if request is None:
        return ""
    base = public_url("", request)
    provider = {"@type": "Organization", "name": site_name(request), "url": base + "/"}
    blocks = []
    if isinstance(page, HomePage):
        blocks.append(organization(request, base))
    elif isinstance(page, CoursePage):
        blocks.append(
            {
                "@type": "Course",
                "name": plain(page.title),
                "description": cut_at_word(plain(page_description(page)), DESCRIPTION_LENGTH),
                "url": base + page.url,
                "inLanguage": "fr",
                "provider": provider,
                "isAccessibleForFree": True,
                # The lessons the course page already listed, not a second query.
                "hasPart": [
                    learning_resource(lesson, base)
                    for lesson in context.get("lessons", page.lessons())
                ],
            }
        )
    elif isinstance(page, LessonPage):
        course = page.get_parent().specific
        blocks.append(learning_resource(page, base, course) | {"provider": provider})
        # The breadcrumb the lesson shows: its course, then the lesson.
        blocks.append(
            breadcrumb_list([(course.title, base + course.url), (page.title, base + page.url)])
        )
    elif quiz is not None and getattr(quiz, "is_public", False):
        data = {
            "@type": "Quiz",
            "name": plain(quiz.title),
            "description": cut_at_word(plain(quiz.intro or quiz.title), DESCRIPTION_LENGTH),
            "url": base + quiz.get_absolute_url(),
            "inLanguage": "fr",
            "educationalUse": "auto-évaluation",
            "provider": provider,
        }
        if quiz.lesson_id:
            data["about"] = {"@type": "LearningResource", "name": plain(quiz.lesson.title)}
        blocks.append(data)
    return mark_safe(
        "".join(str(json_ld({"@context": "https://schema.org", **data})) for data in blocks)
    )


@register.filter(name="typeset_plain", is_safe=True)
def typeset_plain_filter(text):
    """Plain text typeset as the page is, for an attribute (og:title, twitter:title)."""
    return typeset_plain(text) if text else ""
