"""AssignmentStart becomes AssignmentProgress: it also counts each learner's attempts and keeps
their best and last scores, counted here from the attempts already recorded."""

from django.conf import settings
from django.db import migrations, models


def count_recorded_attempts(apps, schema_editor):
    AssignmentProgress = apps.get_model("workshops", "AssignmentProgress")
    AssignedAttempt = apps.get_model("workshops", "AssignedAttempt")
    progress = {(row.assignment_id, row.user_id): row for row in AssignmentProgress.objects.all()}
    for assignment_id, user_id, score in AssignedAttempt.objects.order_by(
        "attempt__submitted_at", "attempt_id"
    ).values_list("assignment_id", "user_id", "attempt__score"):
        row = progress.get((assignment_id, user_id))
        if row is None:
            row = progress[assignment_id, user_id] = AssignmentProgress(
                assignment_id=assignment_id, user_id=user_id
            )
        row.attempt_count += 1
        row.best_score = score if row.best_score is None else max(row.best_score, score)
        row.last_score = score
    fields = ["attempt_count", "best_score", "last_score"]
    AssignmentProgress.objects.bulk_update([row for row in progress.values() if row.pk], fields)
    AssignmentProgress.objects.bulk_create([row for row in progress.values() if not row.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("AssignmentStart", "AssignmentProgress"),
        migrations.RemoveConstraint(
            model_name="assignmentprogress", name="unique_assignment_start"
        ),
        migrations.AlterField(
            model_name="assignmentprogress",
            name="assignment",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="progress",
                to="workshops.assignment",
            ),
        ),
        migrations.AddField(
            model_name="assignmentprogress",
            name="attempt_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="assignmentprogress",
            name="best_score",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="assignmentprogress",
            name="last_score",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddConstraint(
            model_name="assignmentprogress",
            constraint=models.UniqueConstraint(
                fields=("assignment", "user"), name="unique_assignment_progress"
            ),
        ),
        migrations.RunPython(count_recorded_attempts, migrations.RunPython.noop),
    ]
