"""People, workshops and assigned quizzes for the workshop tests, and a learner taking one."""

from datetime import time, timedelta

from django.urls import reverse

from tests.factories import PASSWORD, AssignmentFactory, QuizFactory, UserFactory, WorkshopFactory
from tests.quiz_helpers import answers

__all__ = [
    "PASSWORD",
    "assign",
    "held_session",
    "make_user",
    "make_workshop",
    "open_assignment",
    "schedule_post",
    "take",
]


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


def held_session(
    workshop, trainer, signers, day, start="09:00", end="12:30", countersigned=True, **place
):
    """A session of the workshop's programme that took place: `signers` signed in the room with
    its code five minutes after it started, and `trainer` countersigned it at its end (unless
    not `countersigned`), through the rules the site runs. Returns its sheet."""
    from attendance import codes, services
    from workshops.models import WorkshopSession

    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=day,
        starts_at=time.fromisoformat(start),
        ends_at=time.fromisoformat(end),
        topic=place.pop("topic", "Séance de formation"),
        room=place.pop("room", "Salle 2"),
        **place,
    )
    sheet = services.sheet_for(session)
    moment = session.start() + timedelta(minutes=5)
    proof = services.Proof("203.0.113.7", "Téléphone de test")
    for learner in signers:
        code = codes.code_at(sheet, moment)
        services.sign(sheet, learner, "", True, proof, code=code, now=moment)
    if countersigned:
        services.countersign(sheet, trainer, "", True, proof, now=session.end())
    sheet.refresh_from_db()
    return sheet


def schedule_post(workshop, *sessions, existing=()):
    """The programme's formset data: `existing` sessions unchanged, then `sessions` (dicts)."""
    data = {
        "sessions-TOTAL_FORMS": str(len(existing) + len(sessions)),
        "sessions-INITIAL_FORMS": str(len(existing)),
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    rows = [
        {
            "id": session.pk,
            "date": session.date.isoformat(),
            "starts_at": session.starts_at.strftime("%H:%M"),
            "ends_at": session.ends_at.strftime("%H:%M"),
            "topic": session.topic,
            "room": session.room,
            "address": session.address,
        }
        for session in existing
    ] + list(sessions)
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"sessions-{index}-{name}"] = value
    return data
