"""Editors and Moderators fill in the public site's settings (Paramètres → Site public: header
and footer links, descriptions, the legal notice's facts), as the README and the editors' guide
say: Wagtail shows a setting only to those with its change permission, which no group had, so
only superusers could open it (the training body's and the figures' settings were given in
workshops 0009 and figures 0005)."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="sitesettings")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_sitesettings",
        defaults={"name": "Can change site public"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="home", codename="change_sitesettings"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_moderation_checks_typed_figures"),
        ("accounts", "0002_groups_and_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
