"""A room's worth of people for the embedded-default load test, created inside the site's own
database by `manage.py shell` (so with exactly the settings `make run` uses): learners already
signed in, workshops whose attendance sheet is open now, an assigned quiz, live sessions with a
question on screen. `prepare()` prints what the test's clients need, as JSON."""

import json
from datetime import timedelta

QUIZ = "quiz-le-social-crm"
TRAINER = "formatrice@atelier-reseaux.test"


def signed_in(user):
    """A session key for `user`, as signing in would have made (no password hashing: the test
    is about concurrent writes, not about the cost of a sign-in)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "workshops.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def prepare(learners=120, workshops=8, live_sessions=4):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from attendance.services import sheet_for
    from live import services as live
    from quizzes.models import Quiz
    from workshops.models import Assignment, Membership, Workshop, WorkshopSession

    User = get_user_model()
    trainer = User.objects.get(email=TRAINER)
    password = make_password(None)  # unusable: these learners never type one
    people = User.objects.bulk_create(
        User(email=f"salle{i}@test.fr", first_name="Apprenant", last_name=str(i), password=password)
        for i in range(learners)
    )
    people = list(User.objects.filter(email__startswith="salle").order_by("pk"))
    now = timezone.now()
    rooms = []
    for number in range(workshops):
        workshop = Workshop.objects.create(name=f"Salle {number}")
        workshop.trainers.add(trainer)
        Membership.objects.bulk_create(Membership(workshop=workshop, user=p) for p in people)
        # A session under way now (within today, whatever the hour the test runs).
        local = timezone.localtime(now)
        sheet_for(
            WorkshopSession.objects.create(
                workshop=workshop,
                date=local.date(),
                starts_at=max(local - timedelta(hours=1), local.replace(hour=0, minute=0)).time(),
                ends_at=min(local + timedelta(hours=3), local.replace(hour=23, minute=59)).time(),
                topic="Séance en cours",
                room="Salle de formation",
            )
        )
        rooms.append(workshop)
    quiz = Quiz.objects.get(slug=QUIZ)
    assignment = Assignment.objects.create(
        workshop=rooms[0],
        quiz=quiz,
        opens_at=now - timedelta(hours=1),
        due_at=now + timedelta(hours=3),
    )
    codes = []
    for _number in range(live_sessions):
        session = live.start(quiz, trainer)
        live.act(session.pk, "next")  # the first question on screen
        codes.append(session.code)
    print(
        json.dumps(
            {
                "trainer": signed_in(trainer),
                "learners": [signed_in(person) for person in people],
                "assignment": assignment.pk,
                "live": codes,
            }
        )
    )


def count(assignment, codes):
    """What the database holds at the end, as JSON."""
    from attendance.models import Presence
    from live.models import LiveAnswer
    from workshops.models import AssignedAttempt, AssignmentProgress

    progress = AssignmentProgress.objects.filter(assignment_id=assignment)
    print(
        json.dumps(
            {
                "attempts": AssignedAttempt.objects.filter(assignment_id=assignment).count(),
                "counted": sum(row.attempt_count for row in progress),
                "answers": LiveAnswer.objects.filter(session__code__in=codes).count(),
                "signatures": Presence.objects.filter(
                    sheet__session__workshop__name__startswith="Salle"
                )
                .exclude(signed_at=None)
                .count(),
            }
        )
    )
