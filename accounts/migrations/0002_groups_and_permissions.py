"""Groups: Wagtail's own Editors and Moderators get rights over our snippets; Trainers is created
with no Wagtail admin rights at all (trainers work on the public site)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPET_PERMISSIONS = {
    "Editors": [
        ("figures", "statistic", ["add", "change", "delete", "publish", "lock"]),
        ("figures", "series", ["add", "change", "delete"]),
        ("lessons", "resource", ["add", "change", "delete", "publish", "lock"]),
    ],
    "Moderators": [
        ("figures", "statistic", ["add", "change", "delete", "publish", "lock", "unlock"]),
        ("figures", "series", ["add", "change", "delete"]),
        ("lessons", "resource", ["add", "change", "delete", "publish", "lock", "unlock"]),
    ],
}


def create_groups(apps, schema_editor):
    for app_label in ("figures", "lessons"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, grants in SNIPPET_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, model, actions in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                # publish/lock/unlock are otherwise only created by Wagtail after migrations.
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)
    Group.objects.get_or_create(name="Trainers")


def remove_trainers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Trainers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("figures", "0001_initial"),
        ("lessons", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_trainers)]
