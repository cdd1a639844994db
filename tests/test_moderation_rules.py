"""Moderation without back doors (figures.moderation, lessons.documents): what readers see is
deleted, unpublished or replaced by a moderator only, and never while something still shows it;
snippets are scheduled like pages; the usage report knows the charts; moderators compare with
the published version in one click and editors read the reviewer's comment on the form."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import ReferenceIndex, Workflow

from figures.models import Statistic
from tests.factories import (
    KeyFiguresPageFactory,
    LessonPageFactory,
    ResourceFactory,
    SeriesFactory,
    StatisticFactory,
    key_figures_body,
    lesson_body,
)
from tests.html_forms import edit_form, form_data

pytestmark = pytest.mark.django_db

STATISTIC = "wagtailsnippets_figures_statistic"
WORKFLOW = "Validation par un modérateur"


def admin_url(name, *args):
    return reverse(f"{STATISTIC}:{name}", args=args)


def text(response):
    return response.content.decode()


# Deleting and unpublishing.


def test_an_editor_can_neither_delete_nor_unpublish_a_published_statistic(client, editor):
    statistic = StatisticFactory()
    client.force_login(editor)

    confirmation = client.get(admin_url("delete", statistic.pk))
    assert confirmation.status_code == 403
    assert "Suppression réservée aux modérateurs\u00a0: «\u00a0" in text(confirmation)  # typeset
    assert client.post(admin_url("delete", statistic.pk)).status_code == 403
    # Nor in bulk, from the listing.
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["figures", "statistic", "delete"])
        + f"?id={statistic.pk}"
    )
    assert bulk.status_code == 403 and "réservée aux modérateurs" in text(bulk)

    # Unpublishing is a moderator's right: Wagtail says no, in French.
    refused = client.post(admin_url("unpublish", statistic.pk), follow=True)
    assert "Désolé, vous n" in text(refused) and "pas les autorisations" in text(refused)
    statistic.refresh_from_db()
    assert statistic.live


def used_statistic():
    """A statistic cited by a lesson, and drawn by a series that the key figures page shows."""
    statistic = StatisticFactory(value=Decimal("42"))
    lesson = LessonPageFactory(body=lesson_body(statistic=statistic))
    series = SeriesFactory(items=[(statistic, "Facebook", ""), (StatisticFactory(), "X", "")])
    figures = KeyFiguresPageFactory(body=key_figures_body([("Les usages", "usages", [series])]))
    return statistic, lesson, series, figures


def test_a_moderator_cannot_delete_a_statistic_still_used_and_reads_where(client, moderator):
    statistic, lesson, series, figures = used_statistic()
    client.force_login(moderator)

    refusal = client.get(admin_url("delete", statistic.pk))
    assert refusal.status_code == 403
    page = text(refusal)
    assert "Suppression impossible" in page and "sert encore à 3 endroits" in page
    # Each use with its edit link, its public page, and the chart it is shown through.
    assert reverse("wagtailadmin_pages:edit", args=[lesson.pk]) in page
    assert lesson.url in page and str(lesson.title) in page
    assert reverse("wagtailsnippets_figures_series:edit", args=[series.pk]) in page
    assert reverse("wagtailadmin_pages:edit", args=[figures.pk]) in page
    assert f"dans le graphique « {series.title} »" in page
    assert "Contenu → Chiffre clé" in page

    assert client.post(admin_url("delete", statistic.pk)).status_code == 403
    assert Statistic.objects.filter(pk=statistic.pk).exists()
    # Nor unpublished while published pages show it (they would show a gap).
    assert client.get(admin_url("unpublish", statistic.pk)).status_code == 403
    refused = client.post(admin_url("unpublish", statistic.pk))
    assert refused.status_code == 403 and "Dépublication impossible" in text(refused)
    statistic.refresh_from_db()
    assert statistic.live
    assert "42" in text(client.get(lesson.url))


def test_a_moderator_deletes_or_unpublishes_a_statistic_nothing_uses(client, moderator):
    statistic, unused = StatisticFactory(), StatisticFactory()
    client.force_login(moderator)
    assert client.get(admin_url("delete", statistic.pk)).status_code == 200
    assert client.post(admin_url("delete", statistic.pk)).status_code == 302
    assert not Statistic.objects.filter(pk=statistic.pk).exists()

    assert client.get(admin_url("unpublish", unused.pk)).status_code == 200
    assert client.post(admin_url("unpublish", unused.pk)).status_code == 302
    unused.refresh_from_db()
    assert not unused.live


def test_a_page_still_used_is_not_deleted(client, moderator):
    """A lesson that a quiz's question sends readers to stays until the quiz no longer does."""
    from tests.factories import QuizFactory

    quiz = QuizFactory()
    lesson = quiz.lesson
    client.force_login(moderator)
    refusal = client.get(reverse("wagtailadmin_pages:delete", args=[lesson.pk]))
    assert refusal.status_code == 403
    assert reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]) in text(refusal)
    lesson.refresh_from_db()


# Documents.


@pytest.fixture
def document():
    """A document that a published resource offers."""
    document = Document.objects.create(
        title="Livre blanc", file=ContentFile(b"version 1", name="livre-blanc.txt")
    )
    resource = ResourceFactory(url="", document=document, kind="white_paper")
    resource.refresh_from_db()
    assert resource.live
    return document


def replace_file(client, document):
    url = reverse("wagtaildocs:edit", args=[document.pk])
    data = form_data(text(client.get(url)))
    data["file"] = SimpleUploadedFile("livre-blanc-v2.txt", b"version 2")
    return client.post(url, data)


def test_only_a_moderator_replaces_the_file_of_a_document_published_content_offers(
    client, editor, moderator, document
):
    client.force_login(editor)
    edit = text(client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert "Utilisé par : Ressource « Guide de la relation client" in edit
    refused = replace_file(client, document)
    assert refused.status_code == 200
    assert "seul un modérateur peut en remplacer le fichier" in text(refused)
    document.refresh_from_db()
    assert document.file.read() == b"version 1"

    client.force_login(moderator)
    assert replace_file(client, document).status_code == 302
    document.refresh_from_db()
    assert document.file.read() == b"version 2"


def test_a_document_in_use_is_deleted_by_no_one(client, editor, moderator, document):
    unused = Document.objects.create(title="Brouillon", file=ContentFile(b"x", name="b.txt"))
    for user in (editor, moderator):
        client.force_login(user)
        client.post(reverse("wagtaildocs:delete", args=[document.pk]))
        client.post(reverse("wagtaildocs:delete_multiple", args=[document.pk]))
        assert Document.objects.filter(pk=document.pk).exists()
    client.force_login(editor)
    assert client.post(reverse("wagtaildocs:delete", args=[unused.pk])).status_code == 302
    assert not Document.objects.filter(pk=unused.pk).exists()


# Scheduling.


def test_a_statistic_is_scheduled_and_published_by_publish_scheduled(
    client, editor, moderator, clock
):
    statistic = StatisticFactory(value=Decimal("65"))
    url = admin_url("edit", statistic.pk)
    client.force_login(editor)
    assert 'name="go_live_at"' in text(client.get(url))  # the "Programmer" control

    client.force_login(moderator)
    go_live = timezone.localtime() + timedelta(days=2)
    data = form_data(text(client.get(url)))
    data.update(
        {
            "value": "70",
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "Publier",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, text(response)[:800]
    statistic.refresh_from_db()
    assert statistic.value == 65 and statistic.scheduled_revision is not None

    call_command("publish_scheduled")
    statistic.refresh_from_db()
    assert statistic.value == 65  # not yet

    clock.shift(timedelta(days=2, minutes=1))
    call_command("publish_scheduled")
    statistic.refresh_from_db()
    assert statistic.value == 70 and statistic.live


# Usage.


def test_the_usage_of_a_statistic_lists_its_charts_and_the_pages_showing_them(client, moderator):
    statistic, lesson, series, figures = used_statistic()
    client.force_login(moderator)
    usage = text(client.get(admin_url("usage", statistic.pk)))
    assert series.title in usage and str(lesson.title) in usage and figures.title in usage
    assert "Graphique" in usage or "Section" in usage


def test_the_seed_s_series_are_in_the_reference_index():
    from figures.models import Series

    series = Series.objects.filter(items__isnull=False).distinct()
    assert series.exists()
    for each in series:
        for item in each.items.all():
            sources = {
                (type(source), source.pk)
                for source, _refs in ReferenceIndex.get_grouped_references_to(item.statistic)
            }
            assert (Series, each.pk) in sources


# The review panel.


def submit(item, user, **changes):
    for name, value in changes.items():
        setattr(item, name, value)
    item.save_revision(user=user)
    return Workflow.objects.get(name=WORKFLOW).start(item, user)


def test_the_review_panel_shows_the_comment_and_compares_with_the_published_version(
    client, editor, moderator
):
    statistic = StatisticFactory(value=Decimal("65"))
    state = submit(Statistic.objects.get(pk=statistic.pk), editor, value=Decimal("67"))
    client.force_login(moderator)
    url = admin_url("edit", statistic.pk)
    form = text(client.get(url))
    compare = admin_url("revisions_compare", statistic.pk, "live", "latest")
    assert "Comparer avec la version publiée" in form and compare in form
    diff = client.get(compare)
    assert diff.status_code == 200 and "67" in text(diff)

    task_state = state.current_task_state
    response = client.post(
        reverse(f"{STATISTIC}:workflow_action", args=[statistic.pk, "reject", task_state.pk]),
        {"comment": "Indiquez l’année de l’étude, s’il vous plaît."},
    )
    assert response.status_code in (200, 302)

    client.force_login(editor)
    form = text(client.get(url))
    assert "Modifications demandées" in form
    assert "Indiquez l’année de l’étude, s’il vous plaît." in form


def test_a_lesson_in_moderation_offers_the_comparison(client, editor, moderator):
    lesson = LessonPageFactory()
    submit(lesson, editor, title="La relation client, revue")
    client.force_login(moderator)
    form = text(client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])))
    assert "data-review-panel" in form, form
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[lesson.pk, "live", "latest"])
    assert compare in form
    assert client.get(compare).status_code == 200


def test_no_review_panel_outside_moderation(client, moderator):
    statistic = StatisticFactory()
    client.force_login(moderator)
    assert "data-review-panel" not in text(client.get(admin_url("edit", statistic.pk)))


def test_a_lesson_edit_form_posts_with_the_new_panels(client, moderator):
    lesson = LessonPageFactory()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    data = edit_form(client, url, lesson)
    data["title"] = "Leçon renommée"
    assert client.post(url, data).status_code == 302
