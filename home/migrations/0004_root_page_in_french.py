"""The tree's root, which Wagtail's migrations call "Root", is named in French: editors read its
title in the page chooser and the explorer's breadcrumbs."""

from django.db import migrations


def name_in_french(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Racine", draft_title="Racine")


def name_in_english(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Racine").update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_homepage_figures_introduction"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(name_in_french, name_in_english)]
