"""What an attestation certifies, gathered once when it is issued (kept in its record): the
training body, the workshop, its objectives, the learner's attendance and results."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from attendance.services import proving_sheets, realised
from workshops import objectives as workshop_objectives
from workshops.models import Membership, Stage, TrainingBody
from workshops.progress import NOTHING_KEPT, is_passed
from workshops.reading import learner_name, retained_attempts

NATURE = "Action de formation (article L6313-1 du Code du travail)"


def hours(value):
    return None if value is None else str(Decimal(value).quantize(Decimal("0.1")))


def to_the_quarter(value):
    """Hours realised, to the nearest quarter of an hour (a session of 3 h 20 min: "3.25")."""
    quarters = (Decimal(value) * 4).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return str((quarters / 4).quantize(Decimal("0.01")))


def body_content():
    body = TrainingBody.load()
    return {
        "name": body.name,
        "address": body.address,
        "declaration_number": body.declaration_number,
        "siret": body.siret,
        "signatory": body.signatory,
        "city": body.city,
    }


class WorkshopFacts:
    """What every attestation of one workshop shares, read once for all its learners."""

    def __init__(self, workshop):
        self.workshop = workshop
        self.assignments = list(workshop.assignments.select_related("quiz").order_by("pk"))
        self.kept = {
            assignment.pk: retained_attempts(assignment) for assignment in self.assignments
        }
        self.realised = realised(workshop)  # what countersigned sheets prove: no sheet, no hours
        self.held = proving_sheets(workshop).count()
        self.joined = {
            user_id: (joined_at, company)
            for user_id, joined_at, company in Membership.objects.filter(
                workshop=workshop
            ).values_list("user_id", "joined_at", "company")
        }
        self.body = body_content()
        self.objectives = workshop_objectives.of(workshop)
        self.trainers = [
            learner_name(first, last)
            for first, last in workshop.trainers.values_list("first_name", "last_name")
        ]

    def stage_score(self, stage, user_id):
        for assignment in self.assignments:
            if assignment.stage == stage:
                return self.kept[assignment.pk].get(user_id, NOTHING_KEPT).score
        return None

    def content(self, user):
        workshop = self.workshop
        sessions_signed, hours_signed = self.realised.get(user.pk, (0, 0))
        quizzes = []
        for assignment in self.assignments:
            score = self.kept[assignment.pk].get(user.pk, NOTHING_KEPT).score
            # The entry test places the learner (a starting point): neither passed nor failed.
            positioning = assignment.stage == Stage.ENTRY
            quizzes.append(
                {
                    "title": assignment.quiz.title,
                    "stage": str(assignment.get_stage_display()) if assignment.stage else "",
                    "positioning": positioning,
                    "score": score,
                    "pass_mark": None if positioning else assignment.quiz.pass_mark,
                    "passed": None if positioning else is_passed(score, assignment.quiz.pass_mark),
                }
            )
        joined, company = self.joined.get(user.pk, (None, ""))
        return {
            "learner": learner_name(user.first_name, user.last_name),
            "employer": company,
            "body": self.body,
            "workshop": {
                "title": workshop.name,
                "description": workshop.description,
                "starts_on": workshop.starts_on and workshop.starts_on.isoformat(),
                "ends_on": workshop.ends_on and workshop.ends_on.isoformat(),
                "duration_hours": hours(workshop.duration_hours),
                "nature": NATURE,
                "trainers": self.trainers,
            },
            "objectives_text": self.objectives,
            "attendance": {
                "joined_on": joined and timezone.localdate(joined).isoformat(),
                "sessions_signed": sessions_signed,
                "sessions_held": self.held,
                "hours_completed": to_the_quarter(hours_signed),
                "quizzes_done": sum(1 for quiz in quizzes if quiz["score"] is not None),
                "quizzes_assigned": len(quizzes),
            },
            "results": {
                "entry": self.stage_score(Stage.ENTRY, user.pk),
                "final": self.stage_score(Stage.FINAL, user.pk),
                "final_planned": any(a.stage == Stage.FINAL for a in self.assignments),
                "quizzes": quizzes,
            },
        }


def missing_facts(workshop):
    """What the trainer or the editors must fill in before attestations can be issued."""
    missing = []
    if not workshop.starts_on or not workshop.ends_on:
        missing.append(_("les dates de l'atelier"))
    if workshop.duration_hours is None:
        missing.append(_("la durée de l'atelier en heures"))
    body = TrainingBody.load()
    if not body.name:
        missing.append(_("le nom de l'organisme de formation (Paramètres, dans l'administration)"))
    # The certificate's model names the provider's representative and where it was signed.
    if not body.signatory.strip():
        missing.append(
            _(
                "le nom et la qualité du signataire, représentant de l'organisme, qui signe le "
                "certificat de réalisation (Paramètres → Organisme de formation, champ "
                "« Signataire », dans l'administration)"
            )
        )
    if not body.city.strip():
        missing.append(
            _(
                "la ville où les documents sont signés, pour « Fait à » (Paramètres → Organisme "
                "de formation, champ « Lieu de signature », dans l'administration)"
            )
        )
    # Never an empty "signature et cachet" box on an attestation or a certificate.
    if body.signature_id is None:
        missing.append(
            _(
                "l'image de la signature du signataire (Paramètres → Organisme de formation, "
                "champ « Signature du signataire », dans l'administration)"
            )
        )
    if body.stamp_id is None:
        missing.append(
            _(
                "l'image du cachet de l'organisme (Paramètres → Organisme de formation, "
                "champ « Cachet de l'organisme », dans l'administration)"
            )
        )
    if not workshop_objectives.of(workshop):
        missing.append(_("les objectifs de la formation (Modifier l'atelier)"))
    if not proving_sheets(workshop).exists():
        missing.append(
            _(
                "au moins une feuille d'émargement contresignée, d'une séance du programme dans "
                "les dates de l'atelier (page Émargement) : sans feuille, aucune heure ne peut "
                "être certifiée"
            )
        )
    return missing


def attended(facts, user_id):
    """The learner signed at least one session that a countersigned sheet proves."""
    return facts.realised.get(user_id, (0, 0))[0] > 0
