"""A statistic's figure typed by hand (figures.typed): the rule, the seed, the warning at each
save and submission of a lesson, a quiz or a resource, and the moderator who cannot approve or
publish such a text unless its editor said why, in the revision."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from figures.models import ModerationTask, Statistic, Unit
from figures.typed import find_in_texts, plain, published_patterns, typed_figures, typed_pattern
from lessons.models import CoursePage, LessonPage, Resource
from quizzes.models import Quiz
from tests.html_forms import edit_form

pytestmark = pytest.mark.django_db

TYPED = "<p>Près de 65 % des internautes rejoignaient une communauté pour ses bons plans.</p>"


def found(statistic, text):
    pattern = typed_pattern(statistic)
    return (
        [
            figure.typed
            for figure in find_in_texts(
                [("texte", plain(text))], patterns=[(re.compile(pattern, re.IGNORECASE), statistic)]
            )
        ]
        if pattern
        else []
    )


PERCENT = Statistic(value=Decimal("65.00"), unit=Unit.PERCENT)
DECIMAL = Statistic(value=Decimal("80.50"), unit=Unit.PERCENT)
MINUTES = Statistic(value=Decimal("90.00"), unit=Unit.MINUTES)
ONE_IN_THREE = Statistic(value=1, unit=Unit.SHARE, denominator=3, counted_one="un client")
THREE_IN_FOUR = Statistic(value=3, unit=Unit.SHARE, denominator=4, counted_one="un client")
COUNT = Statistic(value=2500, unit=Unit.COUNT)


@pytest.mark.parametrize(
    ("statistic", "text", "typed"),
    [
        (PERCENT, "Près de 65 % des internautes", ["65 %"]),
        (PERCENT, "<p>Près de 65&nbsp;% des internautes</p>", ["65\u00a0%"]),
        (PERCENT, "65% d'entre eux, soit 65 pour cent", ["65%", "65 pour cent"]),
        (PERCENT, "650 %, 6,65 %, 165 % et 65 ans", []),
        (DECIMAL, "80,5 % ou 80.5 %, pas 80 %", ["80,5 %", "80.5 %"]),
        (MINUTES, "90 minutes, soit 1 h 30 ; pas 190 minutes", ["90 minutes", "1 h 30"]),
        (
            ONE_IN_THREE,
            "Un client sur trois, un client BtoB sur trois",
            ["Un client sur trois", "un client BtoB sur trois"],
        ),
        (ONE_IN_THREE, "1 sur 3 ; un tiers des clients", ["1 sur 3", "un tiers"]),
        (ONE_IN_THREE, "un client sur quatre ; la tête froide sur trois points", []),
        (
            THREE_IN_FOUR,
            "trois clients sur quatre, trois quarts d'entre eux",
            ["trois clients sur quatre", "trois quarts"],
        ),
        (COUNT, "2500 personnes, 2 500 clients", []),  # a count has no unit to sit beside
        (PERCENT, 'Près de <embed embedtype="statistic" id="65"/> des internautes', []),
    ],
)
def test_the_rule_finds_a_figure_typed_next_to_its_unit(statistic, text, typed):
    assert found(statistic, text) == typed


def test_the_seed_types_no_figure_but_the_answers_of_questions_about_a_share():
    """The whole seed, as the rule reads it: only the answers of two questions that ask for a
    share type one, and their quiz says why."""
    patterns = published_patterns()
    assert len(patterns) >= 30
    items = [
        *CoursePage.objects.live(),
        *LessonPage.objects.live(),
        *Resource.objects.filter(live=True),
        *Quiz.objects.filter(live=True),
    ]
    typed = [(item, figure) for item in items for figure in typed_figures(item, patterns)]
    answers = [(item, figure) for item, figure in typed if figure.where.endswith("› Réponse")]
    assert answers and all(item.typed_figures_reason for item, _figure in answers)
    others = {(item.slug, figure.typed) for item, figure in typed if (item, figure) not in answers}
    assert not others, others


# In the admin.


def lesson_with_typed_figure(client, reason=""):
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    body = lesson.body
    body.append(("text", RichText(TYPED)))
    data = edit_form(client, url, lesson) | {"typed_figures_reason": reason}
    from tests.html_forms import stream_data

    data.update(stream_data("body", body))
    return lesson, url, data


def messages_after(client, response):
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response.url).content.decode()


def test_saving_a_lesson_with_a_typed_figure_warns_and_offers_to_cite_it(client, editor):
    client.force_login(editor)
    lesson, url, data = lesson_with_typed_figure(client)
    html = messages_after(client, client.post(url, data))
    assert "Chiffre clé tapé à la main" in html and "« 65 % »" in html.replace("\u00a0", " ")
    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    assert str(statistic)[:30] in html and "Contenu › Texte n°" in html
    assert "bouton « % »" in html and "#citer-un-chiffre" in html and "Comment citer" in html
    assert reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk]) in html
    # The form's panel says it again, as long as the figure stays typed.
    panel = client.get(url).content.decode()
    assert "data-typed-figures" in panel and "Sans raison donnée" in panel

    # Submitted: the same warning.
    html = messages_after(client, client.post(url, data | {"action-submit": "1"}))
    assert "Chiffre clé tapé à la main" in html
    lesson.refresh_from_db()
    assert lesson.current_workflow_state.status == "in_progress"


def test_a_lesson_that_cites_its_figures_or_says_why_gets_no_warning(client, editor):
    client.force_login(editor)
    lesson, url, data = lesson_with_typed_figure(client, reason="Citation d'un témoignage.")
    html = messages_after(client, client.post(url, data))
    assert "Chiffre clé tapé à la main" not in html
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    data = edit_form(client, url, lesson)
    assert "Chiffre clé tapé à la main" not in messages_after(client, client.post(url, data))


@pytest.mark.parametrize("where", ["quiz", "resource"])
def test_saving_a_quiz_or_a_resource_with_a_typed_figure_warns(client, editor, where):
    client.force_login(editor)
    if where == "quiz":
        item = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
        url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[item.pk])
        data = edit_form(client, url, item)
        key = next(k for k in data if k.endswith("-value-explanation"))
        data[key] = (
            item.questions.stream_block.child_blocks["single"]
            .child_blocks["explanation"]
            .get_form_state(RichText(TYPED))
        )
        label = "Explication"
    else:
        item = Resource.objects.filter(live=True).first()
        url = reverse("wagtailsnippets_lessons_resource:edit", args=[item.pk])
        data = edit_form(client, url, item) | {"description": "Lu par 65 % des commerçants."}
        label = "Description"
    html = messages_after(client, client.post(url, data))
    assert "Chiffre clé tapé à la main" in html and label in html
    assert "« 65 % »" in html.replace("\u00a0", " ")


def assert_refused(response):
    """The admin answers a refused action by its home page and an error."""
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def action_names(client, url):
    return set(re.findall(r'data-workflow-action-name="(\w+)"', client.get(url).content.decode()))


def test_a_moderator_cannot_approve_a_typed_figure_until_the_editor_says_why(
    client, editor, moderator
):
    assert isinstance(
        LessonPage.objects.get(slug="fideliser-ses-clients").get_workflow().tasks.get().specific,
        ModerationTask,
    )
    client.force_login(editor)
    lesson, url, data = lesson_with_typed_figure(client)
    messages_after(client, client.post(url, data | {"action-submit": "1"}))
    lesson.refresh_from_db()
    state = lesson.current_workflow_task_state

    client.force_login(moderator)
    assert action_names(client, url) == {"reject"}  # no "approve" offered
    approve = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", state.pk])
    assert_refused(client.post(approve, {"comment": ""}))
    lesson.refresh_from_db()
    assert lesson.current_workflow_state.status == "in_progress"
    assert "65 % des internautes rejoignaient" not in client.get(lesson.url).content.decode()

    # The moderator asks for changes; the editor says why and submits again.
    reject = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "reject", state.pk])
    assert (
        client.post(reject, {"comment": "Citez le chiffre ou dites pourquoi."}).status_code == 302
    )
    client.force_login(editor)
    _lesson, _url, data = lesson_with_typed_figure(client, reason="Cité tel que dans l'étude.")
    messages_after(client, client.post(url, data | {"action-submit": "1"}))
    lesson.refresh_from_db()

    client.force_login(moderator)
    assert "approve" in action_names(client, url)
    state = lesson.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", state.pk])
    assert client.post(approve, {"comment": ""}).status_code == 302
    lesson.refresh_from_db()
    assert lesson.live and lesson.current_workflow_state is None
    assert lesson.live_revision.content["typed_figures_reason"] == "Cité tel que dans l'étude."
    html = client.get(lesson.url).content.decode().replace("\u00a0", " ")
    assert "65 % des internautes rejoignaient" in html


def test_a_moderator_cannot_publish_a_typed_figure_directly_either(client, moderator):
    client.force_login(moderator)
    lesson, url, data = lesson_with_typed_figure(client)
    html = messages_after(client, client.post(url, data | {"action-publish": "1"}))
    assert "non publié" in html and "Chiffre clé tapé à la main" in html
    lesson.refresh_from_db()
    assert lesson.has_unpublished_changes
    assert "rejoignaient une communauté" not in client.get(lesson.url).content.decode()

    _lesson, _url, data = lesson_with_typed_figure(client, reason="Cité tel que dans l'étude.")
    messages_after(client, client.post(url, data | {"action-publish": "1"}))
    lesson.refresh_from_db()
    assert not lesson.has_unpublished_changes
    assert "rejoignaient une communauté" in client.get(lesson.url).content.decode()


def test_a_quiz_with_a_typed_figure_cannot_be_approved_or_published(client, editor, moderator):
    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    client.force_login(editor)
    data = edit_form(client, url, quiz) | {"intro": "Près de 65 % des internautes…"}
    messages_after(client, client.post(url, data | {"action-submit": "1"}))
    quiz.refresh_from_db()
    state = quiz.current_workflow_task_state

    client.force_login(moderator)
    assert "approve" not in action_names(client, url)
    approve = reverse(
        "wagtailsnippets_quizzes_quiz:workflow_action", args=[quiz.pk, "approve", state.pk]
    )
    assert_refused(client.post(approve, {"comment": ""}))
    data = edit_form(client, url, quiz.latest_revision.as_object())
    html = messages_after(client, client.post(url, data | {"action-publish": "1"}))
    assert "non publié" in html
    quiz.refresh_from_db()
    assert quiz.intro != "Près de 65 % des internautes…"


def test_a_figure_typed_by_the_moderator_while_approving_is_refused_too(client, editor, moderator):
    """The moderator edits the submitted quiz and approves in one go: what approval would
    publish is read again, with the figure the moderator typed."""
    quiz = Quiz.objects.get(slug="quiz-fideliser-ses-clients")
    intro = quiz.intro
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    client.force_login(editor)
    messages_after(client, client.post(url, edit_form(client, url, quiz) | {"action-submit": "1"}))

    client.force_login(moderator)
    assert "approve" in action_names(client, url)
    data = edit_form(client, url, quiz) | {
        "intro": "Près de 65 % des internautes…",
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
    }
    assert_refused(client.post(url, data))
    quiz.refresh_from_db()
    assert quiz.intro == intro and quiz.current_workflow_state.status == "in_progress"


def test_wagtail_s_autosave_leaves_no_warning_for_a_later_page(client, editor):
    """Autosave posts the form in the background and reads JSON: a warning added then would
    wait in the session and show twice at the next save."""
    client.force_login(editor)
    _lesson, url, data = lesson_with_typed_figure(client)
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"]
    html = client.get(url).content.decode()
    assert "Chiffre clé tapé à la main" not in html  # no message…
    assert "Sans raison donnée" in html  # …the form's panel says it


def test_a_moderator_cannot_publish_a_typed_figure_in_bulk(client, editor, moderator):
    client.force_login(editor)
    lesson, url, data = lesson_with_typed_figure(client)
    messages_after(client, client.post(url, data))
    client.force_login(moderator)
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(f"{bulk}?id={lesson.pk}&next=/admin/pages/", {})
    html = messages_after(client, response)
    assert "Rien n'a été publié" in html.replace("&#x27;", "'") and lesson.title in html
    lesson.refresh_from_db()
    assert lesson.has_unpublished_changes
