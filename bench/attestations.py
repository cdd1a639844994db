"""Attestations for 30 learners of the benchmark's workshop: the time to issue them, to print one
(its PDF) and to download all 30 as a ZIP, each through Django's test client as a trainer's
browser would ask. Prints JSON, in seconds."""

import io
import json
import sys
import time
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from attendance.models import HalfDay, Presence  # noqa: E402
from attestations.models import Attestation  # noqa: E402
from attestations.services import issue  # noqa: E402
from workshops.models import Stage, TrainingBody, Workshop  # noqa: E402

LEARNERS = 30

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
HalfDay.objects.filter(workshop=workshop).delete()
for day in range(4):
    half_day = HalfDay.objects.create(
        workshop=workshop,
        date=workshop.starts_on + timedelta(days=day // 2),
        period=("am", "pm")[day % 2],
        opened_at=timezone.now(),
    )
    Presence.objects.bulk_create(
        Presence(
            half_day=half_day,
            user=learner,
            name=learner.get_full_name(),
            status="signed",
            signed_at=timezone.now(),
            signature="M10 50 L80 20 L150 70 L220 30 L290 60",
        )
        for learner in learners
    )

client = Client(HTTP_HOST="127.0.0.1")
client.force_login(trainer)
started = time.perf_counter()
attestations = issue(workshop, learners, trainer)
issued = time.perf_counter() - started

started = time.perf_counter()
response = client.get(attestations[0].get_download_url())
one = time.perf_counter() - started
assert response.status_code == 200 and response.content.startswith(b"%PDF"), response.status_code

started = time.perf_counter()
response = client.get(reverse("attestations:download_all", args=[workshop.pk]))
everyone = time.perf_counter() - started
assert response.status_code == 200, response.status_code
files = len(zipfile.ZipFile(io.BytesIO(response.content)).namelist())
assert files == LEARNERS, files

print(json.dumps({"learners": LEARNERS, "issue": issued, "one": one, "zip": everyone}))
