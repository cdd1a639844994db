"""Editors and Moderators author quizzes in the Wagtail admin (trainers get nothing here)."""

from django.db import migrations

ACTIONS = {
    "Editors": ["add", "change", "delete", "publish", "lock"],
    "Moderators": ["add", "change", "delete", "publish", "lock", "unlock"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="quiz")
    for group_name, actions in ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_quiz",
                defaults={"name": f"Can {action} quiz"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("accounts", "0002_groups_and_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
