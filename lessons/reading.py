"""When a lesson counts as read: when the reader reaches its end (the lesson page's script tells
the site) or its quiz, never on opening it. A signed-in reader's lessons are saved at once; a
visitor's are kept in their session, as their quiz attempts are, and become the account's when
they sign up or in (signals.keep_a_visitors_reading)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "lessons_read"


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
