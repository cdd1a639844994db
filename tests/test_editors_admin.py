"""The editors' admin in French: the freshness dashboard, the review date on lessons, listings
that read as warnings and statuses, and snippet exports that cannot run formulas."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from figures.models import Statistic
from lessons.models import LessonPage, Resource
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db


def test_the_freshness_dashboard_lists_what_needs_review_first(client, editor):
    undated = Statistic.objects.filter(year=None).first()
    resource = Resource.objects.first()
    Resource.objects.filter(pk=resource.pk).update(
        url="https://bit.ly/3xYz", possibly_outdated=False
    )
    reviewed = LessonPage.objects.get(slug="fideliser-ses-clients")
    reviewed.reviewed_on, reviewed.review_note = date(2026, 11, 2), "Chiffres ENE vérifiés."
    reviewed.save_revision().publish()
    client.force_login(editor)
    page = client.get(reverse("freshness"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Fraîcheur des contenus" in html
    assert undated.label[:40] in html and "non daté" in html
    assert resource.title in html and "lien raccourci" in html
    never, last = html.index("jamais relue"), html.index("2 novembre 2026")
    assert never < last  # never-reviewed lessons first
    assert "Chiffres ENE vérifiés." in html
    # The reports menu leads there.
    assert reverse("freshness") in client.get(reverse("wagtailadmin_home")).content.decode()
    # The public lesson shows its review date.
    assert 'Contenu revu le <time datetime="2026-11-02">2 novembre 2026</time>' in (
        client.get(reviewed.url).content.decode()
    )


def test_listings_show_warnings_statuses_and_french_values(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_figures_statistic:list")).content.decode()
    assert "⚠ à revoir" in html and "Fraîcheur" in html
    assert "Statut" in html and "publiée" in html  # the status column
    assert "\u00a0%" in html and ".00" not in html  # "65 %", not "65.00"
    quizzes = client.get(reverse("wagtailsnippets_quizzes_quiz:list")).content.decode()
    assert "True" not in quizzes and "False" not in quizzes
    assert "60\u00a0%" in quizzes or "auto-évaluation" in quizzes


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_snippet_exports_neutralise_formulas(client, editor, start):
    resource = Resource.objects.first()
    Resource.objects.filter(pk=resource.pk).update(title=f'{start}HYPERLINK("http://x.test")')
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_lessons_resource:list") + "?export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    titles = [row["Titre"] for row in csv.DictReader(io.StringIO(content))]
    assert f'\'{start}HYPERLINK("http://x.test")' in titles
    assert not any(title[:1] in "=+-@\t\r" for title in titles if title)


def test_the_help_menu_leads_to_the_french_editors_guide(client, editor):
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar's menu comes as JSON: its links are there, in its escaped text.
    assert reverse("editors_guide") in home and "Guide du r" in home
    assert "guide.wagtail.org" not in home and "Editor Guide" not in home
    guide = client.get(reverse("editors_guide")).content.decode()
    assert "Soumettre à Validation par un modérateur" in guide
    assert "Fraîcheur des contenus" in guide


def test_the_page_chooser_names_the_tree_s_root_in_french(client, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@test.fr", password="x")
    client.force_login(admin)
    chooser = client.get(reverse("wagtailadmin_choose_page")).content.decode()
    assert "Racine" in chooser and "Root" not in chooser


def test_a_new_choice_question_starts_with_two_answers():
    from quizzes.blocks import ChoiceQuestionBlock

    assert len(ChoiceQuestionBlock().get_default()["choices"]) == 2


def test_a_question_s_section_must_be_one_of_its_lesson_s_headings():
    from django.core.exceptions import ValidationError

    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    child = next(c for c in quiz.questions if c.value.get("lesson") and c.value.get("anchor"))
    child.block.clean(child.value)  # the seed's anchors are real headings
    child.value["anchor"] = "club-vip"
    with pytest.raises(ValidationError) as error:
        child.block.clean(child.value)
    text = str(error.value.block_errors["anchor"])
    assert "n'est pas un intertitre" in text and "creer-un-club-vip (Créer un club VIP)" in text


def test_a_lesson_s_sections_are_read_by_the_admin_only(client, editor, django_user_model):
    """The quiz editor's section menu reads them: an admin view, closed to everyone else."""
    lesson = LessonPage.objects.get(slug="definir-une-strategie")
    url = reverse("lesson_sections") + f"?lecon={lesson.pk}"
    response = client.get(url)
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
    learner = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(learner)  # signed in, but no admin access
    response = client.get(url)
    assert response.status_code in (302, 403) and b"objectifs" not in response.content

    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    sections = response.json()["sections"]
    assert {"anchor": "fixer-des-objectifs", "text": "Fixer des objectifs"} in sections
    assert [(s["anchor"], s["text"]) for s in sections] == lesson.table_of_contents()
    # Not a lesson, or no lesson at all.
    course = lesson.get_parent()
    assert client.get(reverse("lesson_sections") + f"?lecon={course.pk}").status_code == 404
    assert client.get(reverse("lesson_sections") + "?lecon=x").status_code == 404
    assert client.get(reverse("lesson_sections")).status_code == 404


def test_a_section_typed_without_the_menu_is_still_checked(client, editor):
    """Without the menu's script the anchor is typed: the admin refuses one that is not a
    heading of the question's lesson, and keeps one that is."""
    from tests.html_forms import form_data, stream_data

    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    assert quiz.questions[0].value["lesson"].slug == "fideliser-ses-clients"
    client.force_login(editor)
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    data = form_data(client.get(url).content.decode()) | stream_data("questions", quiz.questions)
    data["questions-0-value-anchor"] = "club-vip"
    response = client.post(url, data)
    assert response.status_code == 200 and "pas un intertitre" in response.content.decode()
    data["questions-0-value-anchor"] = "creer-un-club-vip"
    assert client.post(url, data).status_code == 302
    quiz.refresh_from_db()
    assert quiz.latest_revision.as_object().questions[0].value["anchor"] == "creer-un-club-vip"


def test_the_admin_s_javascript_catalogue_has_the_rich_text_tooltip_in_french(client, editor):
    """Wagtail leaves "Edit" and "Remove" untranslated on a link's or a figure's tooltip: the
    editor loads a script that asks the admin's catalogue, which our locale/ completes."""
    client.force_login(editor)
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert '"Edit": "Modifier"' in catalogue and '"Remove": "Retirer"' in catalogue
    quiz = Quiz.objects.first()
    editor_page = client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]))
    assert "home/draftail-tooltips.js" in editor_page.content.decode()


def test_new_snippets_get_their_identifier_from_their_title(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_lessons_resource:add")).content.decode()
    assert 'data-controller="w-sync"' in html and 'data-w-sync-target-value="#id_slug"' in html
    assert "Rempli à partir du titre" in html
