from django import template
from django.conf import settings

from recall import reminders, schedule

register = template.Library()


@register.inclusion_tag("recall/space_panel.html", takes_context=True)
def review_panel(context):
    """Mon espace: how many missed questions are due today, the link to review them, and the
    choice of e-mail reminders."""
    request = context["request"]
    return {
        "summary": schedule.summary(schedule.Learner.of(request)),
        "subscribed": reminders.is_subscribed(request.user),
        "csrf_token": context.get("csrf_token"),
        "hour": settings.REVIEW_REMINDER_HOUR,
    }


@register.inclusion_tag("recall/after_attempt.html")
def review_after(attempt):
    """Under a quiz's result: its missed questions will come back (not for an assigned quiz,
    whose follow-up is in its workshop)."""
    missed = 0
    quiz = attempt.quiz
    public = quiz is not None and quiz.is_public
    if public and not attempt.assigned and attempt.correction_visible():
        missed = sum(1 for question in attempt.questions if question.get("is_correct") is False)
    return {"missed": missed}
