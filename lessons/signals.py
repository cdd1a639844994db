from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import LessonPage
from .reading import POSITION_KEY, SESSION_KEY, keep_for, keep_position_for, session_position


@receiver(user_logged_in)
def keep_a_visitors_reading(sender, request, user, **kwargs):
    """Lessons read before signing up or in are kept: they become the account's; and so does
    the reading position, unless the account's is more recent."""
    if request is None:
        return
    ids = request.session.pop(SESSION_KEY, [])
    if ids:
        keep_for(user, LessonPage.objects.filter(pk__in=ids).values_list("pk", flat=True))
    position = session_position(request)
    request.session.pop(POSITION_KEY, None)
    if position is not None and LessonPage.objects.filter(pk=position.lesson_id).exists():
        keep_position_for(user, position)
