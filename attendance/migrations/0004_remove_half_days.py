import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("attendance", "0003_half_days_to_sessions"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="presence",
            name="one_line_per_participant",
        ),
        migrations.RemoveField(
            model_name="presence",
            name="half_day",
        ),
        migrations.DeleteModel(
            name="HalfDay",
        ),
        migrations.AlterField(
            model_name="presence",
            name="sheet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="presences",
                to="attendance.sheet",
            ),
        ),
        migrations.AddConstraint(
            model_name="presence",
            constraint=models.UniqueConstraint(
                fields=("sheet", "user"), name="one_line_per_participant"
            ),
        ),
        migrations.AddConstraint(
            model_name="latesignature",
            constraint=models.UniqueConstraint(
                fields=("sheet", "user"), name="one_late_signature_each"
            ),
        ),
    ]
