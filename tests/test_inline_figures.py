"""Figures inside running text: a statistic cited in a paragraph shows its current published
value with its date and source; the usage report counts the citations. That no figure of a
statistic is typed by hand instead is figures.typed's rule (tests/test_typed_figures.py)."""

from html import unescape

import pytest

from figures.models import Statistic
from lessons.models import LessonPage
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db


def cite(statistic):
    return f'<embed embedtype="statistic" id="{statistic.pk}"/>'


def publish_value(statistic, value, year=None):
    statistic.value, statistic.year = value, year
    statistic.save_revision().publish()


def test_a_changed_figure_is_right_in_every_paragraph_explanation_card_chart_and_answer_key(
    client,
):
    """The editor's scenario: 65 % becomes 70 %, dated 2024. Every place that shows the figure
    follows: the lesson's paragraph and key-figure card, the key-figures chart, the quiz's
    explanation and its answer key."""
    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    assert cite(statistic) in str(lesson.body.raw_data)  # the seed cites it in the text
    before = unescape(client.get(lesson.url).content.decode())
    assert "65\u00a0%" in before and "publié en 2013–2014 sans date d’étude" in before

    publish_value(statistic, 70, 2024)

    page = client.get(lesson.url).content.decode()
    assert "70\u00a0%" in page and "étude de 2024" in page
    assert "65\u00a0%" not in page and "65 %" not in page
    key_figures = client.get("/chiffres-cles/").content.decode()
    assert "70\u00a0%" in key_figures and "65\u00a0%" not in key_figures
    # The quiz: its answer key and the explanation shown with the correction.
    from tests.quiz_helpers import answers, start, submit

    form, token = start(client, quiz.slug)
    result = client.get(submit(client, quiz.slug, answers(form, token)).url).content.decode()
    cited = [q for q in quiz.questions if cite(statistic) in str(q.value["explanation"].source)]
    assert cited, "the quiz explains with the statistic"
    assert "70\u00a0%" in result and "65\u00a0%" not in result and "65 %" not in result


def test_a_citation_of_an_unpublished_statistic_shows_no_old_number(client):
    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    statistic.unpublish()
    page = client.get(lesson.url).content.decode()
    assert "[chiffre indisponible]" in page and "65\u00a0%" not in page


def test_the_usage_report_counts_citations_inside_the_text(admin_client):
    from wagtail.models import ReferenceIndex

    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    references = ReferenceIndex.get_references_to(statistic)
    users = {ref.content_type.model_class() for ref in references}
    assert LessonPage in users and Quiz in users
    usage = admin_client.get(f"/admin/snippets/figures/statistic/usage/{statistic.pk}/")
    html = usage.content.decode()
    assert lesson.title in html and quiz.title in html


def test_the_editor_shows_the_current_value_and_saves_only_the_reference():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    converter = ContentstateConverter(features=["bold", "statistic"])
    stored = f"<p>Près de {cite(statistic)} des internautes.</p>"
    import json

    state = json.loads(converter.from_database_format(stored))
    block = state["blocks"][0]
    assert block["text"] == "Près de 65\u00a0% des internautes."
    (entity,) = state["entityMap"].values()
    assert entity["type"] == "STATISTIC" and entity["mutability"] == "IMMUTABLE"
    assert str(entity["data"]["id"]) == str(statistic.pk)
    # Back to the database: the reference alone, whatever text the editor showed.
    saved = converter.to_database_format(json.dumps(state))
    assert f"Près de {cite(statistic)} des internautes." in saved
    assert "65" not in saved.replace(cite(statistic), "")  # the reference's id may hold "65"


def test_a_choice_feedback_cites_its_figures_at_their_published_value(client):
    """A choice's feedback is rich text like the explanations: its cited figure follows the
    statistic, on the result page shown to whoever picked that choice."""
    from tests.quiz_helpers import answers, start, submit

    statistic = Statistic.objects.get(slug="googleplus-actifs")
    quiz = Quiz.objects.get(slug="quiz-relation-client-sur-les-reseaux-sociaux")
    cited = [
        choice
        for question in quiz.questions
        for choice in question.value.get("choices", [])
        if cite(statistic) in choice["feedback"].source
    ]
    assert cited, "a feedback of the seed cites the statistic"
    publish_value(statistic, 12, 2024)

    form, token = start(client, quiz.slug)
    result = client.get(submit(client, quiz.slug, answers(form, token)).url).content.decode()
    assert "12\u00a0%" in result and "étude de 2024" in result
    assert "11\u00a0%" not in result and "11 %" not in result


def test_the_migration_turns_plain_feedback_into_a_paragraph():
    """Existing databases: a feedback stored as plain text becomes one escaped paragraph."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("quizzes.migrations.0011_choice_feedback_in_rich_text")
    quiz = Quiz.objects.get(slug="quiz-final")
    stream = [dict(block) for block in quiz.questions.raw_data]
    choice = next(block for block in stream if block["type"] == "single")["value"]["choices"][0]
    choice["value"]["feedback"] = "Pas tout à fait : <voir> la leçon & le quiz."
    quiz.questions = stream
    quiz.save(update_fields=["questions"])

    migration.feedback_to_rich_text(apps, None)

    quiz.refresh_from_db()
    feedbacks = [
        choice["feedback"].source
        for question in quiz.questions
        for choice in question.value.get("choices", [])
    ]
    assert "<p>Pas tout à fait : &lt;voir&gt; la leçon &amp; le quiz.</p>" in feedbacks
    assert all(not text or text.startswith("<p") for text in feedbacks)


def test_feedback_is_shown_as_recorded_rich_or_plain_for_older_attempts():
    """An attempt keeps the feedback it showed: rendered rich text now, plain text for attempts
    recorded before; both show as a paragraph, on the result page and on a live session's
    phone."""
    from django.template.loader import render_to_string

    from live.screens import correction

    question = {
        "id": "q",
        "kind": "single",
        "text": "Quel réseau ?",
        "explanation": "<p>Explication.</p>",
        "section": None,
        "given": ["a", "b"],
        "is_correct": False,
        "choices": [
            {"id": "a", "text": "Google+", "correct": True, "feedback": "<p>Riche.</p>"},
            {"id": "b", "text": "Facebook", "correct": False, "feedback": "Ancien & brut."},
        ],
    }
    assert correction(question, ["a", "b"])["feedback"] == ["<p>Riche.</p>", "Ancien & brut."]
    html = render_to_string("quizzes/corrections.html", {"questions": [question]})
    assert "<p>Riche.</p>" in html and "<p>Ancien &amp; brut.</p>" in html


# How French writes a share in words besides its figures: "un tiers", "deux tiers", "trois
# quarts"; "un client sur trois" comes from the statistic's own nouns.
# A share typed in words anywhere in the seed is caught by the one rule, figures.typed (see
# tests/test_typed_figures.py: the seed types no figure).


def test_the_explanations_cite_the_shares_in_words_with_their_year_and_source(client):
    """On the result page: "un client sur trois (publié en 2013–2014 sans date d'étude, source :
    The Ambassador Blog) préférait…"; a statistic changed once changes the explanation."""
    from tests.quiz_helpers import answers, start, submit

    def result():
        form, token = start(client, "quiz-final")
        response = submit(client, "quiz-final", answers(form, token))
        return unescape(client.get(response.url).content.decode()).replace("\u00a0", " ")

    page = result()
    for statistic in ("contact-prefere-reseaux", "clients-satisfaits-reponse"):
        statistic = Statistic.objects.get(slug=statistic)
        cited = (
            f'<span class="inline-figure__value">{statistic.inline_value}</span> '
            f'<small class="inline-figure__dating">({statistic.dating})</small>'
        )
        assert cited.replace("'", "’").replace("\u00a0", " ") in page, statistic.slug
    assert "un client sur trois" in page and "trois clients sur quatre" in page

    statistic = Statistic.objects.get(slug="contact-prefere-reseaux")
    statistic.value, statistic.denominator, statistic.year = 2, 5, 2024
    statistic.save_revision().publish()
    page = result()
    assert (
        'deux clients sur cinq</span> <small class="inline-figure__dating">(étude de 2024' in page
    )


def test_the_quiz_on_the_article_cites_both_platform_shares(client):
    from tests.quiz_helpers import answers, start, submit

    form, token = start(client, "quiz-relation-client-sur-les-reseaux-sociaux")
    response = submit(client, "quiz-relation-client-sur-les-reseaux-sociaux", answers(form, token))
    page = unescape(client.get(response.url).content.decode()).replace("\u00a0", " ")
    assert "un marketeur BtoB sur trois</span>" in page
    assert "deux marques BtoC sur trois</span>" in page
    assert "source : Social Media Examiner" in page
