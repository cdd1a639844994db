import random
from copy import deepcopy

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from quizzes.forms import QuizForm
from quizzes.models import Attempt
from quizzes.scoring import score_attempt
from workshops.models import AssignedAttempt, AssignmentProgress
from workshops.seed import build_large_group


def answered_snapshot(quiz, rng):
    """A graded snapshot of the quiz answered at random, as a real attempt would keep it."""
    question_ids, choice_ids = quiz.draw(rng)
    form = QuizForm(quiz, question_ids, choice_ids)
    answers = {}
    for question in form.question_list:
        if question.kind == "numeric":
            answers[question.id] = str(rng.randint(0, 100))
        elif question.kind == "true_false":
            answers[question.id] = [rng.choice(["true", "false"])]
        else:
            answers[question.id] = [rng.choice(choice_ids[question.id])]
    return score_attempt(quiz, question_ids, choice_ids, answers)


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
        snapshots = {a.quiz_id: answered_snapshot(a.quiz, rng) for a in created}
        now = timezone.now()
        rows = []
        for i in range(attempts):
            assignment = created[i % len(created)]
            user = users[(i // len(created)) % len(users)]
            graded, _right, _score = snapshots[assignment.quiz_id]
            questions = deepcopy(graded)
            for question in questions:
                question["is_correct"] = rng.random() < 0.6
            right = sum(q["is_correct"] for q in questions)
            rows.append(
                (
                    assignment,
                    Attempt(
                        quiz=assignment.quiz,
                        quiz_title=assignment.quiz.title,
                        user=user,
                        questions=questions,
                        correct_count=right,
                        question_count=len(questions),
                        score=round(100 * right / len(questions)),
                        started_at=now,
                    ),
                )
            )
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
