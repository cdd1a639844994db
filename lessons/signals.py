from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import LessonPage
from .reading import SESSION_KEY, keep_for


@receiver(user_logged_in)
def keep_a_visitors_reading(sender, request, user, **kwargs):
    """Lessons read before signing up or in are kept: they become the account's."""
    ids = request.session.pop(SESSION_KEY, []) if request is not None else []
    if ids:
        keep_for(user, LessonPage.objects.filter(pk__in=ids).values_list("pk", flat=True))
