"""The moderation workflow's task becomes figures' ModerationTask: the same group approval,
which will not approve a text where a statistic's figure is typed by hand without a reason.
Only the task's type changes: its groups, its history and the submissions in progress stay
attached to it."""

from django.db import migrations

WORKFLOW = "Validation par un modérateur"


def task_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, name = model
    return ContentType.objects.get_or_create(app_label=app_label, model=name)[0]


def switch(apps, source, target):
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    source_type, target_type = task_type(apps, source), task_type(apps, target)
    tasks = WorkflowTask.objects.filter(workflow__name=WORKFLOW).values("task_id")
    Task.objects.filter(pk__in=tasks, content_type=source_type).update(content_type=target_type)


def check_typed_figures(apps, schema_editor):
    switch(apps, ("wagtailcore", "groupapprovaltask"), ("figures", "moderationtask"))


def plain_group_approval(apps, schema_editor):
    switch(apps, ("figures", "moderationtask"), ("wagtailcore", "groupapprovaltask"))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_legal_notice_and_accessibility_statement_content"),
        ("figures", "0006_moderation_task"),
    ]

    operations = [migrations.RunPython(check_typed_figures, plain_group_approval)]
