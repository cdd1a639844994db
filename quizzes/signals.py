from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .attempts import SESSION_KEY
from .models import Attempt


@receiver(user_logged_in)
def attach_anonymous_attempts(sender, request, user, **kwargs):
    """Attempts made before signing up or in are kept: they become the account's."""
    tokens = request.session.pop(SESSION_KEY, []) if request is not None else []
    if tokens:
        Attempt.objects.filter(token__in=tokens, user=None).update(user=user)
