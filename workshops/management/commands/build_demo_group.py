import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from quizzes.attempts import new_attempt
from quizzes.forms import QuizForm
from quizzes.models import Attempt
from quizzes.scoring import grade_attempt
from workshops.models import AssignedAttempt, AssignmentProgress
from workshops.seed import build_large_group

SNAPSHOTS_PER_QUIZ = 40


def answered_snapshot(quiz, rng):
    """A graded snapshot of the quiz as a real attempt keeps it: each question answered right
    about six times out of ten, else at random."""
    question_ids, choice_ids = quiz.draw(rng)
    form = QuizForm(quiz, question_ids, choice_ids)
    answers = {}
    for question in form.question_list:
        knows = rng.random() < 0.6
        if not question.scored:  # an opinion (a poll…), which demo learners keep to themselves
            answers[question.id] = None
        elif question.kind == "numeric":
            statistic = question.value.get("statistic")
            right = statistic.value if statistic else question.value["answer"]
            answers[question.id] = str(right if knows else rng.randint(0, 100))
        elif question.kind == "true_false":
            right = "true" if question.value["answer"] else "false"
            answers[question.id] = [right if knows else rng.choice(["true", "false"])]
        else:
            by_id = {c.id: c.value for c in question.value["choices"].bound_blocks}
            right = [i for i in choice_ids[question.id] if by_id[i]["correct"]]
            if knows:
                answers[question.id] = right if question.kind == "multiple" else right[:1]
            else:
                answers[question.id] = [rng.choice(choice_ids[question.id])]
    return grade_attempt(quiz, question_ids, choice_ids, answers)


class Command(BaseCommand):
    help = (
        "Builds a large demo workshop (learners × assigned quizzes, with attempts) for the "
        "benchmark and query budgets. Its trainer is formateur-test@atelier-reseaux.test."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=200)
        parser.add_argument("--assignments", type=int, default=10)
        parser.add_argument("--attempts", type=int, default=10_000, help="attempts in all")
        parser.add_argument("--password", default="Formateur-bench-2026")
        parser.add_argument("--seed", type=int, default=1)

    @transaction.atomic
    def handle(self, *args, learners, assignments, attempts, password, seed, **options):
        rng = random.Random(seed)
        workshop, trainer, users, created = build_large_group(
            learners, assignments, name=f"Groupe de démonstration ({learners} apprenants)"
        )
        trainer.set_password(password)
        trainer.save()
        snapshots = {
            a.quiz_id: [answered_snapshot(a.quiz, rng) for _ in range(SNAPSHOTS_PER_QUIZ)]
            for a in created
        }
        now = timezone.now()
        rows = []
        for i in range(attempts):
            assignment = created[i % len(created)]
            user = users[(i // len(created)) % len(users)]
            quiz = assignment.quiz
            attempt = new_attempt(
                quiz,
                rng.choice(snapshots[assignment.quiz_id]),
                title=quiz.title,
                pass_mark=quiz.pass_mark,
                user=user,
                started_at=now,
                assigned=True,
            )
            rows.append((assignment, attempt))
        saved = Attempt.objects.bulk_create([attempt for _, attempt in rows], batch_size=1000)
        AssignedAttempt.objects.bulk_create(
            (
                AssignedAttempt(assignment=assignment, attempt=attempt, user=attempt.user)
                for (assignment, _), attempt in zip(rows, saved, strict=True)
            ),
            batch_size=1000,
        )
        AssignmentProgress.recount(created)
        self.stdout.write(
            f"Workshop {workshop.pk}: {learners} learners, {assignments} assigned quizzes, "
            f"{attempts} attempts. Trainer: {trainer.email} / {password}"
        )
