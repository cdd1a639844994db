"""Editors and Moderators fill in the training body's settings (Paramètres → Organisme de
formation: its numbers, signatory, signature and stamp): Wagtail shows a setting only to those
with its change permission, which no group had, so only superusers could reach it."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="workshops", model="trainingbody")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_trainingbody",
        defaults={"name": "Can change organisme de formation"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="workshops", codename="change_trainingbody"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0008_training_body_signature_and_stamp"),
        ("accounts", "0002_groups_and_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
