from django import template

from workshops.results import learner_assignments
from workshops.roles import is_trainer

register = template.Library()


@register.inclusion_tag("workshops/assignment_list.html")
def assigned_quizzes(user):
    """The quizzes a learner's trainers assigned, for "Mon espace"."""
    return {"assignments": learner_assignments(user)}


@register.simple_tag
def user_is_trainer(user):
    return is_trainer(user)
