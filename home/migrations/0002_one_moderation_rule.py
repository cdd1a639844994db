"""One moderation rule for everything a reader sees: statistics, series, resources and quizzes
go through the same workflow as the lessons (editors submit, moderators publish), with its
name in French. Editors lose the right to publish them directly; moderators keep it."""

from django.db import migrations

WORKFLOW = "Validation par un modérateur"
MODERATED = [
    ("figures", "statistic"),
    ("figures", "series"),
    ("lessons", "resource"),
    ("quizzes", "quiz"),
]


def one_rule(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")

    workflow = Workflow.objects.filter(name__in=["Moderators approval", WORKFLOW]).first()
    if workflow is None:  # a site created without Wagtail's default workflow
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW, content_type=task_type, active=True
        )
        task.groups.set(Group.objects.filter(name="Moderators"))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        root = Page.objects.filter(depth=1).first()
        if root:
            WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    workflow.name = WORKFLOW
    workflow.save(update_fields=["name"])
    Task.objects.filter(name="Moderators approval").update(name=WORKFLOW)
    editors = Group.objects.filter(name="Editors").first()
    moderators = Group.objects.filter(name="Moderators").first()
    for app_label, model in MODERATED:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        rights = {}
        for action in ("publish", "lock", "unlock"):
            # Created by Wagtail only after migrations on a new database: created here.
            rights[action], _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
        if moderators:
            moderators.permissions.add(*rights.values())
        if editors:
            editors.permissions.remove(rights["publish"])
            editors.permissions.add(rights["lock"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("figures", "0002_moderated"),
        ("lessons", "0003_statistics_inside_text"),
        ("quizzes", "0007_explanations_in_rich_text"),
        ("accounts", "0002_groups_and_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(one_rule, migrations.RunPython.noop)]
