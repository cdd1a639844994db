"""Demo workshops: one for the demo trainer and learner, and a large group for the benchmark."""

from datetime import time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from quizzes.models import Quiz

from . import roster
from .models import (
    Admission,
    Assignment,
    Membership,
    Speciality,
    TrainingBody,
    Workshop,
    WorkshopSession,
)
from .roles import TRAINERS_GROUP

DEMO_NAME = "Atelier de démonstration — CCI"
# Names for the large groups' learners: trainers read names, never e-mail addresses.
FIRST_NAMES = [
    "Camille",
    "Léa",
    "Hugo",
    "Inès",
    "Louis",
    "Chloé",
    "Nathan",
    "Manon",
    "Yanis",
    "Emma",
    "Théo",
    "Sarah",
    "Lucas",
    "Jade",
    "Adam",
    "Zoé",
    "Mohamed",
    "Lina",
    "Jules",
    "Alice",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
]


def demo_signature_and_stamp():
    """A drawn signature and a round stamp marked DÉMONSTRATION, as Wagtail images, so that the
    demo trainer can issue documents (none is issued with an empty signature box)."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from PIL import ImageDraw
    from wagtail.images.models import Image

    def image(title, size, draw):
        picture = PillowImage.new("RGBA", size, (255, 255, 255, 0))
        draw(ImageDraw.Draw(picture))
        content = io.BytesIO()
        picture.save(content, "PNG")
        return Image.objects.create(title=title, file=ImageFile(content, name="demo.png"))

    blue, red = (20, 40, 140, 255), (170, 30, 40, 255)
    signature = image(
        "Signature de démonstration",
        (420, 140),
        lambda d: d.line(
            [(20, 100), (70, 30), (110, 110), (160, 40), (200, 95), (260, 50), (400, 70)],
            fill=blue,
            width=6,
        ),
    )

    def stamp(d):
        d.ellipse((10, 10, 250, 250), outline=red, width=8)
        d.ellipse((40, 40, 220, 220), outline=red, width=3)
        d.text((58, 122), "DÉMONSTRATION", fill=red)

    return signature, image("Cachet de démonstration", (260, 260), stamp)


DEMO_TOPICS = ("Fidéliser ses clients sur les réseaux sociaux", "Trouver de nouveaux clients")


def demo_day(day, now):
    """The demo's sessions on `day`: a morning and an afternoon, or, set up today after the
    afternoon's end, one evening session under way (evening sessions exist), so that whoever
    tries the demo can sign at once."""
    if day == now.date() and now.time() >= time(17):
        start = now.replace(minute=0 if now.minute < 30 else 30, second=0, microsecond=0)
        end = min(start + timedelta(hours=3), start.replace(hour=23, minute=59))
        return [(start.time(), end.time(), DEMO_TOPICS[0])]
    return [(time(9), time(12, 30), DEMO_TOPICS[0]), (time(13, 30), time(17), DEMO_TOPICS[1])]


def build_demo_workshop(trainer_email, learner_email):
    User = get_user_model()
    trainer = User.objects.get(email=trainer_email)
    workshop = Workshop.objects.filter(name=DEMO_NAME, trainers=trainer).first()
    if workshop:
        return workshop, False
    workshop = Workshop.objects.create(
        name=DEMO_NAME,
        description=(
            "Atelier « Réseaux sociaux et relation client » pour les commerçants du centre-ville."
        ),
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=30),
        duration_hours=Decimal("14"),
        speciality=Speciality.COMMUNICATION,
    )
    body = TrainingBody.load()
    if not body.name:  # a demo training body, so that the demo trainer can issue attestations
        body.name = "CCI démonstration — service formation"
        body.address = "1 place de la Bourse\n69002 Lyon"
        body.signatory = "Claire Martin, responsable formation"
        body.city = "Lyon"
        body.signature, body.stamp = demo_signature_and_stamp()
        body.save()
    workshop.trainers.add(trainer)
    # The demo learner was invited by the demo trainer; they work for a shop in town.
    roster.admit(
        workshop,
        User.objects.get(email=learner_email),
        trainer,
        Admission.INVITATION,
        company="Fleurs de Saison SARL",
    )
    # Its programme: two days of two sessions, from today, so that the demo trainer projects
    # the room's code and the demo learner signs during one of today's.
    today = timezone.localdate()
    for day in (today, today + timedelta(days=1)):
        for start, end, topic in demo_day(day, timezone.localtime()):
            WorkshopSession.objects.create(
                workshop=workshop,
                date=day,
                starts_at=start,
                ends_at=end,
                topic=topic,
                room="Salle 2",
                address="1 place de la Bourse, 69002 Lyon",
            )
    now = timezone.now()
    for slug in ("quiz-fideliser-ses-clients", "quiz-relation-client-sur-les-reseaux-sociaux"):
        Assignment.objects.create(
            workshop=workshop,
            quiz=Quiz.objects.get(slug=slug),
            opens_at=now - timedelta(days=1),
            due_at=now + timedelta(days=30),
            max_attempts=3,
        )
    return workshop, True


def build_large_group(learners=200, assignments=10, attempts_per_learner=0, name="Groupe de test"):
    """A workshop of `learners` × `assignments` for query budgets and the benchmark."""
    User = get_user_model()
    trainer, _ = User.objects.get_or_create(email="formateur-test@atelier-reseaux.test")
    trainer.groups.add(Group.objects.get_or_create(name=TRAINERS_GROUP)[0])
    workshop = Workshop.objects.create(name=name)
    workshop.trainers.add(trainer)
    users = User.objects.bulk_create(
        User(
            email=f"apprenant{i:04d}-{workshop.pk}@atelier-reseaux.test",
            first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
            last_name=LAST_NAMES[i // len(FIRST_NAMES) % len(LAST_NAMES)],
        )
        for i in range(learners)
    )
    Membership.objects.bulk_create(
        Membership(workshop=workshop, user=user, admitted_by=trainer) for user in users
    )
    quizzes = list(Quiz.objects.live().order_by("pk")) or []
    now = timezone.now()
    created = Assignment.objects.bulk_create(
        Assignment(
            workshop=workshop,
            quiz=quizzes[i % len(quizzes)],
            opens_at=now - timedelta(days=10),
            due_at=now + timedelta(days=10 + i),
        )
        for i in range(assignments)
    )
    return workshop, trainer, users, created
