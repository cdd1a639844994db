"""What a result page suggests next: the lesson sections its questions point to, each named once
(those with a wrong answer first), and the next lesson of the course."""

from functools import reduce
from operator import or_

from django.db.models import Q

from lessons.models import LessonPage

from .models import Quiz


def sections_to_review(questions):
    """[{title, url, sections: [{heading, url, to_review}]}] for the lessons an attempt's
    questions link, in the order of the questions; each section once. Headings are read from the
    lessons as published now (one query): attempts keep only each section's address."""
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
    headings = _headings_by_url(list(lessons))
    result = []
    for url, lesson in lessons.items():
        sections = []
        for anchor, entry in lesson["sections"].items():
            if anchor:  # a question linking the whole lesson adds no section
                entry["heading"] = entry["heading"] or headings.get(url, {}).get(anchor, "")
                sections.append(entry)
        sections.sort(key=lambda entry: not entry["to_review"])  # a stable sort
        result.append({**lesson, "sections": sections})
    return result


def _headings_by_url(urls):
    """{lesson address: {anchor: heading}} for the live lessons at these addresses."""
    found = LessonPage.objects.live().filter(
        reduce(or_, (Q(url_path__endswith=url) for url in urls))
    )
    headings = {}
    for lesson in found:
        for url in urls:
            if lesson.url_path.endswith(url):
                headings[url] = dict(lesson.table_of_contents())
    return headings


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
