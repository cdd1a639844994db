"""Builds the resources, the course page and its lessons. Creates only what is missing, so a
page or resource an editor has changed is never overwritten."""

from django.db import transaction

from figures.models import Series, Statistic
from figures.rich_text import resolve_citations
from lessons.models import CoursePage, LessonPage, Resource, ResourcesPage

from . import LESSONS, SOURCES
from .pages import COURSE_PAGE, RESOURCES_PAGE
from .resources import RESOURCES


@transaction.atomic
def build_resources():
    created = 0
    for slug, title, kind, publisher, url, description, tags in RESOURCES:
        if Resource.objects.filter(slug=slug).exists():
            continue
        resource = Resource(
            slug=slug,
            title=title,
            kind=kind,
            publisher=publisher,
            url=url,
            description=description,
            possibly_outdated=True,
            live=False,
        )
        resource.tags.add(*tags)
        resource.save()
        resource.save_revision().publish()
        created += 1
    return created


def _cite(value, statistic_ids):
    """Statistics cited inside the text ([[stat:slug]]), in every string of a block's value."""
    if isinstance(value, str):
        return resolve_citations(value, statistic_ids)
    if isinstance(value, dict):
        return {key: _cite(item, statistic_ids) for key, item in value.items()}
    return value


def _body(blocks, keys):
    """Seed blocks -> StreamField raw data, resolving statistic, series and resource keys."""
    raw = []
    for block_type, value in blocks:
        value = _cite(value, keys["statistic"])
        if block_type == "key_figure":
            value = {"statistic": keys["statistic"][value]}
        elif block_type == "chart":
            value = {"series": keys["series"][value]}
        elif block_type == "resource":
            value = {"resource": keys["resource"][value]}
        raw.append({"type": block_type, "value": value})
    return raw


def build_course(home):
    course = CoursePage.objects.child_of(home).first()
    created = 0
    if course is None:
        course = CoursePage(**COURSE_PAGE)
        home.add_child(instance=course)
        course.save_revision().publish()
        created += 1
    keys = {
        "statistic": dict(Statistic.objects.values_list("slug", "pk")),
        "series": dict(Series.objects.values_list("slug", "pk")),
        "resource": dict(Resource.objects.values_list("slug", "pk")),
    }
    existing = set(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    for lesson in LESSONS:
        if lesson["slug"] in existing:
            continue
        page = LessonPage(
            title=lesson["title"],
            slug=lesson["slug"],
            summary=lesson["summary"],
            objectives=[{"type": "objective", "value": text} for text in lesson["objectives"]],
            body=_body(lesson["body"], keys),
            sources=[{"type": "source", "value": SOURCES[key]} for key in lesson["sources"]],
        )
        course.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return course, created


def build_resources_page(home):
    page = ResourcesPage.objects.first()
    if page:
        return page, False
    page = ResourcesPage(**RESOURCES_PAGE)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
