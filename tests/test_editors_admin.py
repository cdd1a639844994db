"""The editors' admin in French: the freshness dashboard, the review date on lessons, listings
that read as warnings and statuses, and snippet exports that cannot run formulas."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from figures.models import Statistic
from lessons.models import LessonPage, Resource

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
    assert "contenu revu le 2 novembre 2026" in client.get(reviewed.url).content.decode()


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
    assert "Soumettre à la validation" in guide and "Fraîcheur des contenus" in guide


def test_a_new_choice_question_starts_with_two_answers():
    from quizzes.blocks import ChoiceQuestionBlock

    assert len(ChoiceQuestionBlock().get_default()["choices"]) == 2


def test_a_question_s_section_must_be_one_of_its_lesson_s_headings():
    from django.core.exceptions import ValidationError

    from quizzes.models import Quiz

    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    child = next(c for c in quiz.questions if c.value.get("lesson") and c.value.get("anchor"))
    child.block.clean(child.value)  # the seed's anchors are real headings
    child.value["anchor"] = "club-vip"
    with pytest.raises(ValidationError) as error:
        child.block.clean(child.value)
    text = str(error.value.block_errors["anchor"])
    assert "n'est pas un intertitre" in text and "creer-un-club-vip (Créer un club VIP)" in text


def test_new_snippets_get_their_identifier_from_their_title(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_lessons_resource:add")).content.decode()
    assert 'data-controller="w-sync"' in html and 'data-w-sync-target-value="#id_slug"' in html
    assert "Rempli à partir du titre" in html
