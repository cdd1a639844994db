"""When a lesson counts as read: when the reader reaches its end (the lesson page's script tells
the site) or its quiz, never on opening it. A signed-in reader's lessons are saved at once; a
visitor's are kept in their session, as their quiz attempts are, and become the account's when
they sign up or in (signals.keep_a_visitors_reading)."""

from .models import LessonRead

SESSION_KEY = "lessons_read"


def mark_read(request, lesson_id):
    if request.user.is_authenticated:
        LessonRead.objects.get_or_create(user=request.user, lesson_id=lesson_id)
    else:
        read = session_lesson_ids(request)
        if lesson_id not in read:
            request.session[SESSION_KEY] = [*read, lesson_id]


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
