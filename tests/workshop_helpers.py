"""People, workshops and assigned quizzes for the workshop tests, and a learner taking one."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Quiz
from tests.quiz_helpers import answers
from workshops.models import Assignment, Membership, Workshop

QUIZ = "quiz-fideliser-ses-clients"
PASSWORD = "Mot-de-passe-42"


def make_user(django_user_model, email, group=None, **fields):
    user = django_user_model.objects.create_user(email=email, password=PASSWORD, **fields)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def make_workshop(trainer, members, quiz=QUIZ, **assignment_fields):
    workshop = Workshop.objects.create(name=f"Atelier de {trainer.email}")
    workshop.trainers.add(trainer)
    for member in members:
        Membership.objects.create(workshop=workshop, user=member)
    return workshop, assign(workshop, quiz, **assignment_fields)


def assign(workshop, quiz=QUIZ, **fields):
    now = timezone.now()
    values = {"opens_at": now - timedelta(hours=1), "due_at": now + timedelta(days=7)}
    values.update(fields)
    return Assignment.objects.create(workshop=workshop, quiz=Quiz.objects.get(slug=quiz), **values)


def open_assignment(client, assignment):
    response = client.get(reverse("workshops:take", args=[assignment.pk]))
    assert response.status_code == 200, response.content.decode()
    return response.context["form"], response.context["token"]


def take(client, assignment, pick=None):
    """Open the assigned quiz and send it, right answers unless `pick` says otherwise."""
    form, token = open_assignment(client, assignment)
    data = answers(form, token, pick=pick) if pick else answers(form, token)
    return client.post(reverse("workshops:submit", args=[assignment.pk]), data)
