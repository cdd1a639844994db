"""A year of two workshops (2025), built through the rules the site runs (signatures in the room,
countersigned sheets, attempts recorded against the tests), whose published results and yearly
report the tests compute by hand."""

from datetime import date

from django.utils import timezone

from quizzes.attempts import new_attempt
from tests.clock import at
from tests.factories import QuizFactory, TrainerFactory, UserFactory, WorkshopFactory
from tests.workshop_helpers import assign, held_session
from workshops.models import GeneralObjective, Membership, Speciality, Stage, TraineeType
from workshops.progress import record_attempt


def scored(assignment, learner, right, moment):
    """`learner`'s attempt at the assigned quiz, `right` answers out of 4 (25 % each), sent at
    `moment` (Paris time)."""
    graded = [
        {"id": f"q{i}", "kind": "true_false", "given": ["true"], "is_correct": i < right}
        for i in range(4)
    ]
    with at(moment):
        attempt = new_attempt(
            assignment.quiz,
            graded,
            title=assignment.quiz.title,
            pass_mark=assignment.quiz.pass_mark,
            user=learner,
            started_at=timezone.now(),
        )
        record_attempt(assignment, attempt)


def enrol(workshop, learner, trainee_type):
    Membership.objects.create(workshop=workshop, user=learner, trainee_type=trainee_type)


def two_workshops_of_2025():
    """Workshop A (March 2025, Tina and Théo, NSF 312, other professional training):
        S1 10/03 09:00–12:30 (3.5 h), S2 10/03 13:30–17:00 (3.5 h), S3 11/03 09:00–12:00 (3 h),
        all countersigned.
        Léa (employee) signs S1 S2 S3: 10 h; entry 75 %, final 75 % (passed: pass mark 60).
        Omar (job seeker) signs S1 S3: 6.5 h; entry 50 %, final 50 % (neither passed nor rose).
        Nina (individual) signs S2: 3.5 h; entry 25 %, final 50 % (rose, not passed).
        Paul (employee) signs nothing: a no-show; his final test (100 %) counts nowhere.
    Workshop B (20 November 2025 – 31 January 2026, Théo, NSF 326, RS certification):
        S1 20/11/2025 14:00–18:00 (4 h) countersigned; S2 21/11/2025 09:00–11:00 signed but
        never countersigned; S3 05/01/2026 10:00–12:00 countersigned (another year).
        Léa again (other type of trainee here) signs S1 S2 S3: 4 h in 2025.
        Zoé (apprentice) signs S1: 4 h. No tests.
    """
    tina = TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="Morel")
    theo = TrainerFactory(email="theo@test.fr", first_name="Théo", last_name="Girard")
    lea = UserFactory(email="lea@test.fr", first_name="Léa", last_name="Roux")
    omar = UserFactory(email="omar@test.fr", first_name="Omar", last_name="Diallo")
    nina = UserFactory(email="nina@test.fr", first_name="Nina", last_name="Garcia")
    paul = UserFactory(email="paul@test.fr", first_name="Paul", last_name="Petit")
    zoe = UserFactory(email="zoe@test.fr", first_name="Zoé", last_name="Lefebvre")

    a = WorkshopFactory(
        name="Réseaux sociaux pour commerçants",
        trainers=[tina, theo],
        starts_on=date(2025, 3, 10),
        ends_on=date(2025, 3, 11),
        speciality=Speciality.TRADE,
        general_objective=GeneralObjective.OTHER,
    )
    enrol(a, lea, TraineeType.EMPLOYEE)
    enrol(a, omar, TraineeType.JOB_SEEKER)
    enrol(a, nina, TraineeType.INDIVIDUAL)
    enrol(a, paul, TraineeType.EMPLOYEE)
    entry = assign(a, QuizFactory(pass_mark=60), stage=Stage.ENTRY)
    final = assign(a, QuizFactory(pass_mark=60), stage=Stage.FINAL)
    for learner, right in ((lea, 3), (omar, 2), (nina, 1), (paul, 0)):
        scored(entry, learner, right, "2025-03-09 18:00")  # before the first session
    held_session(a, tina, [lea, omar], date(2025, 3, 10), "09:00", "12:30")
    held_session(a, tina, [lea, nina], date(2025, 3, 10), "13:30", "17:00")
    held_session(a, theo, [lea, omar], date(2025, 3, 11), "09:00", "12:00")
    for learner, right in ((lea, 3), (omar, 2), (nina, 2), (paul, 4)):
        scored(final, learner, right, "2025-03-11 11:30")

    b = WorkshopFactory(
        name="Le CRM social",
        trainers=[theo],
        starts_on=date(2025, 11, 20),
        ends_on=date(2026, 1, 31),
        speciality=Speciality.COMPUTING,
        general_objective=GeneralObjective.RS,
    )
    enrol(b, lea, TraineeType.OTHER)
    enrol(b, zoe, TraineeType.APPRENTICE)
    held_session(b, theo, [lea, zoe], date(2025, 11, 20), "14:00", "18:00")
    held_session(b, theo, [lea], date(2025, 11, 21), "09:00", "11:00", countersigned=False)
    held_session(b, theo, [lea], date(2026, 1, 5), "10:00", "12:00")
    return {"a": a, "b": b, "tina": tina, "theo": theo, "lea": lea}
