"""Attestations for 100 learners of the benchmark's workshop, each with a certificate, ready for
bench/run.py to ask the task worker for their ZIP: the time to issue them and to print one
attestation in process. Prints JSON, in seconds."""

import json
import sys
import time
from datetime import date, timedelta
from datetime import time as dt_time
from decimal import Decimal
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from attendance.models import Presence, Sheet  # noqa: E402
from attestations import services  # noqa: E402
from attestations.models import Attestation  # noqa: E402
from workshops.models import Stage, TrainingBody, Workshop, WorkshopSession  # noqa: E402

LEARNERS = 100

trainer = get_user_model().objects.get(email="formateur-test@atelier-reseaux.test")
workshop = Workshop.objects.filter(trainers=trainer).order_by("-pk").first()
workshop.starts_on, workshop.ends_on = date(2026, 11, 23), date(2026, 11, 24)
workshop.duration_hours = Decimal("14")
workshop.save()
body = TrainingBody.load()
body.name, body.address, body.city = "CCI Formation", "1 place de la Bourse\n75002 Paris", "Paris"
body.save()
first, *_middle, last = workshop.assignments.order_by("pk")
workshop.assignments.update(stage=Stage.NONE)
first.stage, last.stage = Stage.ENTRY, Stage.FINAL
first.save(), last.save()
learners = list(get_user_model().objects.filter(memberships__workshop=workshop)[:LEARNERS])
Attestation.objects.filter(workshop=workshop).delete()
Sheet.objects.filter(session__workshop=workshop).delete()
workshop.sessions.all().delete()
for day in range(4):
    morning = day % 2 == 0
    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=workshop.starts_on + timedelta(days=day // 2),
        starts_at=dt_time(9) if morning else dt_time(13, 30),
        ends_at=dt_time(12, 30) if morning else dt_time(17),
        topic=f"Séance {day + 1}",
        room="Salle 1",
    )
    sheet = Sheet.objects.create(
        session=session, trainer_name="Formateur", countersigned_at=timezone.now()
    )
    Presence.objects.bulk_create(
        Presence(
            sheet=sheet,
            user=learner,
            name=learner.get_full_name(),
            status="signed",
            signed_at=timezone.now(),
            signature="M10 50 L80 20 L150 70 L220 30 L290 60",
        )
        for learner in learners
    )

started = time.perf_counter()
attestations = services.issue(workshop, learners, trainer)
issued = time.perf_counter() - started
services.pdf(attestations[0], "attestation")  # WeasyPrint's first document loads its fonts
started = time.perf_counter()
pdf = services.pdf(attestations[1], "attestation")
one = time.perf_counter() - started
assert pdf.startswith(b"%PDF")

print(json.dumps({"learners": LEARNERS, "workshop": workshop.pk, "issue": issued, "one": one}))
