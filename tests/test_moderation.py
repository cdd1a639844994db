"""One moderation rule: statistics, series, resources and quizzes go through the same workflow as
the lessons. Editors submit, moderators publish; an editor sees what is waiting; a moderator
reads the change as a diff before approving it."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState

from tests.factories import (
    KeyFiguresPageFactory,
    QuizFactory,
    ResourceFactory,
    SeriesFactory,
    StatisticFactory,
    key_figures_body,
)
from tests.html_forms import form_data, stream_data

pytestmark = pytest.mark.django_db

WORKFLOW = "Validation par un modérateur"
MODERATED = [
    (StatisticFactory, "wagtailsnippets_figures_statistic"),
    (SeriesFactory, "wagtailsnippets_figures_series"),
    (ResourceFactory, "wagtailsnippets_lessons_resource"),
    (QuizFactory, "wagtailsnippets_quizzes_quiz"),
]


@pytest.mark.parametrize(("factory", "admin"), MODERATED)
def test_every_snippet_type_follows_the_lessons_workflow(client, editor, moderator, factory, admin):
    item = factory()
    assert type(item).get_default_workflow().name == WORKFLOW
    assert Workflow.objects.get(name=WORKFLOW).tasks.get().name == WORKFLOW
    url = reverse(f"{admin}:edit", args=[item.pk])
    client.force_login(editor)
    html = client.get(url).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    client.force_login(moderator)
    assert 'name="action-publish"' in client.get(url).content.decode()


def submit_in_admin(client, editor, statistic, value):
    client.force_login(editor)
    url = reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])
    data = form_data(client.get(url).content.decode())
    data.update({"value": value, "action-submit": "Soumettre"})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:800]


def test_an_editor_submits_and_a_moderator_reads_the_diff_and_publishes(client, editor, moderator):
    statistic = StatisticFactory(value=65)
    page = KeyFiguresPageFactory(body=key_figures_body([("Les usages", "usages", [statistic])]))
    submit_in_admin(client, editor, statistic, "70")
    statistic.refresh_from_db()
    assert statistic.value == 65 and statistic.has_unpublished_changes  # still 65 on the site
    state = statistic.current_workflow_state
    assert state.status == "in_progress" and state.requested_by == editor
    # An editor cannot publish it by posting the publish action either.
    client.post(
        reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk]),
        form_data(
            client.get(
                reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])
            ).content.decode()
        )
        | {"value": "75", "action-publish": "Publier"},
    )
    statistic.refresh_from_db()
    assert statistic.value == 65
    # The editor's dashboard lists what is waiting.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert str(statistic.label)[:40] in dashboard

    client.force_login(moderator)
    diff = client.get(
        reverse(
            "wagtailsnippets_figures_statistic:revisions_compare",
            args=[statistic.pk, "live", statistic.latest_revision_id],
        )
    ).content.decode()
    assert "65" in diff and "7" in diff and "deletion" in diff and "addition" in diff
    task_state = statistic.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailsnippets_figures_statistic:workflow_action",
            args=[statistic.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    statistic.refresh_from_db()
    assert statistic.live and not statistic.has_unpublished_changes
    assert statistic.value in (70, 75)  # the revision the moderator approved
    figures = client.get(page.url).content.decode()
    assert statistic.display_value in figures and "publié en 2013–2014" in figures


def test_a_quiz_change_waits_for_a_moderator(client, editor, quiz):
    client.force_login(editor)
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    data = form_data(client.get(url).content.decode())
    data.update(stream_data("questions", quiz.questions))
    data.update({"title": "Quiz : fidéliser (brouillon)", "action-submit": "Soumettre"})
    assert client.post(url, data).status_code == 302
    quiz.refresh_from_db()
    assert quiz.title != "Quiz : fidéliser (brouillon)"
    assert quiz.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize(("factory", "admin"), MODERATED)
def test_workflow_states_come_from_wagtails_mixin_and_go_with_the_item(editor, factory, admin):
    """WorkflowMixin (Wagtail ≥ 7.1) gives each model its workflow states and deletes them with
    the item: no model declares its own relation."""
    item = factory()
    model = type(item)
    assert all(
        field.name != "workflow_states" for field in model._meta.get_fields(include_hidden=True)
    )
    item.save_revision(user=editor)
    state = model.get_default_workflow().start(item, editor)
    assert list(item.workflow_states) == [state]
    assert item.current_workflow_state == state
    item.delete()
    assert not WorkflowState.objects.filter(pk=state.pk).exists()
