"""People, workshops and assigned quizzes for the workshop tests, and a learner taking one."""

from django.urls import reverse

from tests.factories import PASSWORD, AssignmentFactory, QuizFactory, UserFactory, WorkshopFactory
from tests.quiz_helpers import answers

__all__ = ["PASSWORD", "assign", "make_user", "make_workshop", "open_assignment", "take"]


def make_user(django_user_model, email, group=None, **fields):
    """An account with PASSWORD, without a name unless given, in `group` if named."""
    names = {"first_name": "", "last_name": "", **fields}
    return UserFactory(email=email, groups=[group] if group else None, **names)


def make_workshop(trainer, members, quiz=None, **assignment_fields):
    """A workshop of the trainer's, with `members`, and `quiz` (a new one if None) assigned."""
    workshop = WorkshopFactory(
        name=f"Atelier de {trainer.email}", trainers=[trainer], members=members
    )
    return workshop, assign(workshop, quiz, **assignment_fields)


def assign(workshop, quiz=None, **fields):
    """`quiz` (a new one if None) assigned to the workshop, open for a week since an hour ago."""
    return AssignmentFactory(workshop=workshop, quiz=quiz or QuizFactory(), **fields)


def open_assignment(client, assignment):
    response = client.get(reverse("workshops:take", args=[assignment.pk]))
    assert response.status_code == 200, response.content.decode()
    return response.context["form"], response.context["token"]


def take(client, assignment, pick=None):
    """Open the assigned quiz and send it, right answers unless `pick` says otherwise."""
    form, token = open_assignment(client, assignment)
    data = answers(form, token, pick=pick) if pick else answers(form, token)
    return client.post(reverse("workshops:submit", args=[assignment.pk]), data)
