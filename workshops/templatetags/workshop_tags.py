from django import template
from django.utils.translation import ngettext

from workshops.progress import learner_assignments
from workshops.roles import is_trainer

register = template.Library()


@register.inclusion_tag("workshops/assignment_list.html")
def assigned_quizzes(user):
    """The quizzes a learner's trainers assigned, for "Mon espace"."""
    return {"assignments": learner_assignments(user)}


@register.simple_tag
def user_is_trainer(user):
    return is_trainer(user)


@register.filter
def hours(value):
    """ "14.0" → "14 heures", "1.5" → "1,5 heure", "3.25" → "3,25 heures" (in French the
    plural starts at 2)."""
    if value in (None, ""):
        return ""
    number = float(value)
    shown = f"{number:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return ngettext("%(hours)s heure", "%(hours)s heures", 2 if abs(number) >= 2 else 1) % {
        "hours": shown
    }
