"""What a result page suggests next: the lesson sections its questions point to, each named once,
in the course's order (whatever order the questions were drawn in), and the next lesson of the
course."""

from functools import reduce
from operator import or_

from django.db.models import Q

from lessons.models import LessonPage

from .models import Quiz


def sections_to_review(questions):
    """[{title, url, sections: [{heading, url, to_review}]}] for the lessons an attempt's
    questions link: the lessons in the course's order, each one's sections in the lesson's order,
    each section once (to_review: one of its questions was answered wrong). Headings and order
    are read from the lessons as published now (one query): attempts keep only each section's
    address. A lesson no longer published, or a section it no longer has, comes last, in the
    questions' order."""
    lessons = {}
    for question in questions:
        section = question.get("section")
        if not section:
            continue
        lesson_url, _hash, anchor = section["url"].partition("#")
        lesson = lessons.setdefault(
            lesson_url, {"title": section["title"], "url": lesson_url, "sections": {}}
        )
        entry = lesson["sections"].setdefault(
            anchor, {"anchor": anchor, "url": section["url"], "to_review": False}
        )
        entry["to_review"] = entry["to_review"] or not question.get("is_correct")
        entry.setdefault("heading", section.get("heading", ""))  # live sessions name them
    if not lessons:
        return []
    published = _published_lessons(list(lessons))
    result = []
    for url, lesson in lessons.items():
        path, contents = published.get(url, (None, []))
        order = {anchor: i for i, (anchor, _heading) in enumerate(contents)}
        headings = dict(contents)
        sections = []
        for anchor, entry in lesson["sections"].items():
            if anchor:  # a question linking the whole lesson adds no section
                entry["heading"] = entry["heading"] or headings.get(anchor, "")
                sections.append(entry)
        sections.sort(key=lambda entry: order.get(entry["anchor"], len(order)))  # stable
        result.append({**lesson, "sections": sections, "path": path})
    result.sort(key=lambda lesson: (lesson["path"] is None, lesson["path"] or ""))  # stable
    return result


def first_to_review(review):
    """{url, heading} of the first section answered wrong in `review` (sections_to_review), in
    the course's order (named by its lesson if its heading is lost), else None."""
    for lesson in review:
        for section in lesson["sections"]:
            if section["to_review"]:
                return {"url": section["url"], "heading": section["heading"] or lesson["title"]}
    return None


def _published_lessons(urls):
    """{lesson address: (its tree path, its table of contents)} for the live lessons at these
    addresses."""
    found = LessonPage.objects.live().filter(
        reduce(or_, (Q(url_path__endswith=url) for url in urls))
    )
    published = {}
    for lesson in found:
        for url in urls:
            if lesson.url_path.endswith(url):
                published[url] = (lesson.path, lesson.table_of_contents())
    return published


def next_in_course(quiz):
    """After a lesson's quiz, the next lesson of the course (live and public), or after the last
    one the quiz of the whole course; None after that one."""
    if quiz is None or quiz.lesson_id is None:
        return None
    lesson = LessonPage.objects.filter(pk=quiz.lesson_id).only("path", "depth").first()
    if lesson is None:
        return None
    following = (
        LessonPage.objects.sibling_of(lesson)
        .live()
        .public()
        .filter(path__gt=lesson.path)
        .order_by("path")
        .only("title", "url_path")
        .first()
    )
    if following is not None:
        return {"kind": "lesson", "title": following.title, "url": following.url}
    final = Quiz.objects.public().filter(lesson=None).only("title", "slug").first()
    if final is not None:
        return {"kind": "quiz", "title": final.title, "url": final.get_absolute_url()}
    return None
