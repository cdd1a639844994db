"""A workshop whose documents the task worker prints, made inside the site's database by
`manage.py shell` for tests/production/test_worker.py."""

import json
from datetime import date

from .room import TRAINER, signed_in


def prepare(learners=30, issued=True):
    """A workshop of `learners` (its attestations issued, unless not `issued`), and the trainer
    signed in; prints their ids as JSON."""
    from django.contrib.auth import get_user_model

    from attestations.services import issue
    from workshops.models import Membership, TrainingBody, Workshop

    User = get_user_model()
    trainer = User.objects.get(email=TRAINER)
    body = TrainingBody.load()
    body.name = body.name or "CCI Formation"
    body.save()
    workshop = Workshop.objects.create(
        name=f"Atelier de {learners}",
        starts_on=date(2026, 11, 30),
        ends_on=date(2026, 11, 30),
        duration_hours=7,
    )
    workshop.trainers.add(trainer)
    people = [
        User.objects.create_user(
            email=f"doc{workshop.pk}-{i}@test.fr", first_name="Apprenant", last_name=f"N{i}"
        )
        for i in range(learners)
    ]
    Membership.objects.bulk_create(Membership(workshop=workshop, user=p) for p in people)
    if issued:
        issue(workshop, people, trainer)
    print(json.dumps({"workshop": workshop.pk, "trainer": signed_in(trainer)}))


def issue_all(workshop_id):
    from django.contrib.auth import get_user_model

    from attestations.services import issue
    from workshops.models import Workshop

    workshop = Workshop.objects.get(pk=workshop_id)
    learners = get_user_model().objects.filter(memberships__workshop=workshop)
    issue(workshop, list(learners), workshop.trainers.first())
    print(json.dumps({"issued": learners.count()}))
