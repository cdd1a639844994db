"""What a reader has read, and where they stopped.

A lesson counts as read when the reader reaches its end (the lesson page's script tells the site)
or its quiz, never on opening it. The reading position is the lesson and the section the reader
last reached (the script tells the site once a section's heading has stayed in the upper part of
the screen for a moment); without the script, opening a lesson moves the position to it. Both are
kept alike: a signed-in reader's are saved at once; a visitor's are kept in their session, as
their quiz attempts are, and become the account's when they sign up or in
(signals.keep_a_visitors_reading). Opening a lesson starts no session: a visitor's first lesson
stays in the page cache, and counts once they reach a section (or without the script, once they
have a session)."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "lessons_read"
POSITION_KEY = "reading_position"


class LessonRead(models.Model):
    """A learner reached the end of this lesson or its quiz (mark_read): the course shows it as
    read."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lessons_read"
    )
    lesson = models.ForeignKey("lessons.LessonPage", on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField(_("lue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("leçon lue")
        verbose_name_plural = _("leçons lues")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_read")
        ]

    def __str__(self):
        return f"{self.user} — {self.lesson}"


class ReadingPosition(models.Model):
    """Where a learner stopped reading: one per learner, moved as they read (a bookmark, not a
    record of what happened: it keeps no history)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_position"
    )
    lesson = models.ForeignKey("lessons.LessonPage", on_delete=models.CASCADE, related_name="+")
    # The anchor of the last section reached; empty: the lesson opened, no section reached yet.
    section = models.CharField(_("section"), max_length=255, blank=True)
    # The end of the lesson reached (or its quiz): the reader goes on with the next lesson.
    finished = models.BooleanField(_("leçon terminée"), default=False)
    moved_at = models.DateTimeField(_("mise à jour le"))

    class Meta:
        verbose_name = _("position de lecture")
        verbose_name_plural = _("positions de lecture")

    def __str__(self):
        return f"{self.user} — {self.lesson}"


class Position(NamedTuple):
    lesson_id: int
    section: str
    finished: bool
    moved_at: object  # an aware datetime


def has_session(request):
    """Whether this browser already has a session (its cookie): a visitor without one is served
    from the page cache, and gets no session for a mere visit."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def current_position(request):
    """This reader's position, or None."""
    if request.user.is_authenticated:
        row = (
            ReadingPosition.objects.filter(user=request.user)
            .values_list("lesson_id", "section", "finished", "moved_at")
            .first()
        )
        return Position(*row) if row else None
    return session_position(request)


def session_position(request):
    session = getattr(request, "session", None)
    kept = session.get(POSITION_KEY) if session is not None else None
    if not kept:
        return None
    moved_at = parse_datetime(kept["at"])
    return Position(kept["lesson"], kept.get("section", ""), kept.get("finished", False), moved_at)


def move_position(request, lesson_id, section="", finished=False):
    now = timezone.now()
    if request.user.is_authenticated:
        ReadingPosition.objects.update_or_create(
            user=request.user,
            defaults={
                "lesson_id": lesson_id,
                "section": section,
                "finished": finished,
                "moved_at": now,
            },
        )
    else:
        request.session[POSITION_KEY] = {
            "lesson": lesson_id,
            "section": section,
            "finished": finished,
            "at": now.isoformat(),
        }


def note_opened(request, lesson):
    """The reader opened a lesson (what counts without the script): the position moves to its
    beginning, unless it is in this lesson already. Only for a signed-in reader or a visitor who
    already has a session."""
    if not (request.user.is_authenticated or has_session(request)):
        return
    position = current_position(request)
    if position is None or position.lesson_id != lesson.pk:
        move_position(request, lesson.pk)


def reach_section(request, lesson, anchor):
    """The reader reached this section of the lesson (the lesson page's script says so)."""
    move_position(request, lesson.pk, anchor)


def mark_read(request, lesson_id):
    """The reader reached the end of the lesson, or its quiz: the lesson is read, and the
    position says the lesson is finished (in the section it was in, if it was in this lesson)."""
    if request.user.is_authenticated:
        LessonRead.objects.get_or_create(user=request.user, lesson_id=lesson_id)
    else:
        read = session_lesson_ids(request)
        if lesson_id not in read:
            request.session[SESSION_KEY] = [*read, lesson_id]
    position = current_position(request)
    in_this_lesson = position is not None and position.lesson_id == lesson_id
    if not (in_this_lesson and position.finished):
        move_position(request, lesson_id, position.section if in_this_lesson else "", True)


def session_lesson_ids(request):
    """The lessons a visitor read before signing up or in."""
    session = getattr(request, "session", None)
    return list(session.get(SESSION_KEY, [])) if session is not None else []


def read_lesson_ids(request, lessons):
    """Which of `lessons` (a queryset) this reader has read."""
    if request.user.is_authenticated:
        return set(
            LessonRead.objects.filter(user=request.user, lesson__in=lessons).values_list(
                "lesson_id", flat=True
            )
        )
    read = session_lesson_ids(request)
    return set(lessons.filter(pk__in=read).values_list("pk", flat=True)) if read else set()


def keep_for(user, lesson_ids):
    """The lessons read before signing in become the account's."""
    LessonRead.objects.bulk_create(
        [LessonRead(user=user, lesson_id=pk) for pk in lesson_ids],
        ignore_conflicts=True,  # already read with the account, or a lesson deleted since
    )


def keep_position_for(user, position):
    """The position a visitor reached before signing in becomes the account's, unless the
    account's own is more recent (read in another browser since)."""
    ReadingPosition.objects.filter(user=user, moved_at__lt=position.moved_at).update(
        lesson_id=position.lesson_id,
        section=position.section,
        finished=position.finished,
        moved_at=position.moved_at,
    )
    ReadingPosition.objects.bulk_create(
        [
            ReadingPosition(
                user=user,
                lesson_id=position.lesson_id,
                section=position.section,
                finished=position.finished,
                moved_at=position.moved_at,
            )
        ],
        ignore_conflicts=True,  # the account has one, moved above or more recent
    )


class Resume(NamedTuple):
    """Where "Reprendre" leads: a lesson, and the heading of the section (or "")."""

    lesson: object
    heading: str
    url: str


def resume_point(request, lessons):
    """Where this reader goes on with a course whose lessons are `lessons` (live, in the
    course's order): the section where they stopped; the next lesson they have not read once
    they finished one; without a position in this course, the first lesson they have not read.
    None when they have read nothing of it (the course is then started, not resumed) or all of
    it."""
    if not may_resume(request):
        return None  # a visitor who has read nothing: no query
    lessons = list(lessons)
    position = current_position(request)
    index = next(
        (i for i, lesson in enumerate(lessons) if position and lesson.pk == position.lesson_id),
        None,
    )
    if index is not None and not position.finished:
        return _resume_at(lessons[index], position.section)
    read = _read_among(request, [lesson.pk for lesson in lessons])
    if not read and index is None:
        return None
    # After a finished lesson, the next one not read; else the first one not read.
    following = lessons[index + 1 :] if index is not None else []
    unread = [page for page in following if page.pk not in read] or [
        page for page in lessons if page.pk not in read
    ]
    return _resume_at(unread[0], "") if unread else None


def may_resume(request):
    """Whether this reader may have something to resume: signed in, or a visitor whose session
    holds reading (asked without a query)."""
    return request.user.is_authenticated or bool(
        session_position(request) or session_lesson_ids(request)
    )


def _read_among(request, lesson_ids):
    if request.user.is_authenticated:
        return set(
            LessonRead.objects.filter(user=request.user, lesson_id__in=lesson_ids).values_list(
                "lesson_id", flat=True
            )
        )
    return set(session_lesson_ids(request)) & set(lesson_ids)


def _resume_at(lesson, anchor):
    """The lesson's section with this anchor, if it still has it; else the lesson's top."""
    heading = dict(lesson.table_of_contents()).get(anchor, "") if anchor else ""
    url = lesson.url + (f"#{anchor}" if heading else "")
    return Resume(lesson, heading, url)


def lesson_readings(since):
    """{(base content type id, object id): readings since then} of the lessons, as the
    freshness report counts what readers see (lessons.freshness.register_audience)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    page_type = ContentType.objects.get_for_model(Page).pk
    rows = (
        LessonRead.objects.filter(read_at__gte=since)
        .values("lesson")
        .annotate(count=models.Count("id"))
        .values_list("lesson", "count")
    )
    return {(page_type, str(lesson)): count for lesson, count in rows}
