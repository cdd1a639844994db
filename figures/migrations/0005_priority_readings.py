"""The freshness report's threshold of readings, set by editors: the figures' settings become
theirs to change (Editors and Moderators)."""

from django.db import migrations, models


def editors_set_the_thresholds(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="figures", model="figuressettings"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_figuressettings",
        defaults={"name": "Can change chiffres clés"},
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0004_statistic_sentences_and_dates"),
        ("accounts", "0002_groups_and_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="figuressettings",
            name="priority_readings",
            field=models.PositiveIntegerField(
                default=10,
                help_text="Rapport « Fraîcheur des contenus » : un chiffre à revoir passe en tête "
                "quand les leçons et les quiz qui le montrent ont été lus au moins ce nombre de "
                "fois en douze mois. Les autres suivent, du plus lu au moins lu.",
                verbose_name="lectures pour revoir en priorité",
            ),
        ),
        migrations.RunPython(editors_set_the_thresholds, migrations.RunPython.noop),
    ]
