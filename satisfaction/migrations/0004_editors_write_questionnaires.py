"""Editors and Moderators write the satisfaction questionnaires in the admin (Questionnaires de
satisfaction): no group had their permissions, so only superusers could."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "delete"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="satisfaction", model="questionnaire"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_questionnaire",
            defaults={"name": f"Can {action} questionnaire de satisfaction"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="satisfaction",
                codename__in=[f"{action}_questionnaire" for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("satisfaction", "0003_kept_summary"),
        ("accounts", "0002_groups_and_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
