from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import ReviewAnswer
from .schedule import SESSION_KEY


@receiver(user_logged_in)
def keep_a_visitors_reviews(sender, request, user, **kwargs):
    """Review answers given before signing up or in become the account's, as the attempts they
    came from do (quizzes.signals): the schedule, read from both, follows them."""
    rounds = request.session.pop(SESSION_KEY, []) if request is not None else []
    if rounds:
        ReviewAnswer.objects.filter(round__in=rounds, user=None).update(user=user)
