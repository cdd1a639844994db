"""Writing a quiz in the admin: its preview shows the correction on demand, a new question takes
the quiz's lesson, and a lesson that already has a public quiz warns before a second one is
published."""

import uuid

import pytest
from django.urls import reverse

from quizzes.models import Quiz
from tests.factories import LessonPageFactory, QuizFactory, single
from tests.html_forms import form_data, stream_data

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_quizzes_quiz"


def edit_data(client, quiz):
    url = reverse(f"{ADMIN}:edit", args=[quiz.pk])
    return url, form_data(client.get(url).content.decode()) | stream_data(
        "questions", quiz.questions
    )


def test_the_preview_shows_the_quiz_or_its_correction(client, editor, quiz):
    client.force_login(editor)
    url, data = edit_data(client, quiz)
    html = client.get(url).content.decode()
    assert "Avec la correction" in html  # the preview panel's modes
    preview_url = reverse(f"{ADMIN}:preview_on_edit", args=[quiz.pk])
    data["questions-0-value-text"] = "Que faire d'un avis négatif (version en cours) ?"
    assert client.post(preview_url, data).json()["is_valid"]
    plain = client.get(preview_url).content.decode()
    assert "version en cours" in plain and "Bonne réponse" not in plain
    assert "Supprimer un avis fâche davantage." not in plain  # no answer key in the quiz itself
    correction = client.get(preview_url + "?mode=correction").content.decode()
    assert "Aperçu de la correction" in correction and "version en cours" in correction
    assert "✓ Y répondre vite et poliment" in correction
    assert "✗ Le supprimer sans rien dire" in correction
    assert "Supprimer un avis fâche davantage." in correction  # a choice's comment
    assert "Une réponse rapide montre que vous écoutez vos clients." in correction
    assert "65\u00a0%" in correction and "(±\u00a05)" in correction  # the estimate's answer
    assert "Faux" in correction  # the true-or-false statement's answer
    assert quiz.lesson.url + "#repondre-aux-avis" in correction  # the section to revise


def test_a_new_question_takes_its_quiz_s_lesson(client, editor, quiz):
    client.force_login(editor)
    url, data = edit_data(client, quiz)
    count = int(data["questions-count"])
    # A question added in the editor, its lesson left empty; an old one whose lesson the editor
    # emptied on purpose keeps none.
    new = f"questions-{count}"
    data.update(
        {
            "questions-count": str(count + 1),
            f"{new}-type": "true_false",
            f"{new}-id": str(uuid.uuid4()),
            f"{new}-order": str(count),
            f"{new}-deleted": "",
            f"{new}-value-text": "Un avis se traite en public.",
            f"{new}-value-explanation": '{"blocks": [{"key": "a", "text": "Oui.", "type": '
            '"unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}], '
            '"entityMap": {}}',
            f"{new}-value-lesson": "",
            f"{new}-value-anchor": "",
            f"{new}-value-answer": "on",
            "questions-2-value-lesson": "",
            "questions-2-value-anchor": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Quiz.objects.get(pk=quiz.pk).latest_revision.as_object()
    assert draft.questions[-1].value["text"] == "Un avis se traite en public."
    assert draft.questions[-1].value["lesson"].pk == quiz.lesson_id
    assert draft.questions[2].value["lesson"] is None


def test_a_lesson_with_a_public_quiz_warns_before_a_second_one(client, editor, moderator):
    first = QuizFactory()
    lesson = first.lesson
    second = QuizFactory(
        lesson=lesson,
        publish=False,
        questions=[single("Oui ?", [("Oui", True, ""), ("Non", False, "")])],
    )
    second.save_revision(user=editor)
    elsewhere = QuizFactory(publish=False)  # another lesson: nothing to say
    elsewhere.save_revision(user=editor)
    warning = f"La leçon « {lesson.title} » a déjà un quiz public : « {first.title} »."
    client.force_login(moderator)
    html = client.get(reverse(f"{ADMIN}:edit", args=[second.pk])).content.decode()
    assert warning in html.replace("&#x27;", "'") and 'name="action-publish"' in html
    assert (
        "déjà un quiz public"
        not in client.get(reverse(f"{ADMIN}:edit", args=[elsewhere.pk])).content.decode()
    )
    assert (
        "déjà un quiz public"
        not in client.get(reverse(f"{ADMIN}:edit", args=[first.pk])).content.decode()
    )  # the public one itself
    # Saving it says so too, and a quiz reserved to workshops is not a second public one.
    url, data = edit_data(client, second)
    followed = client.post(url, data, follow=True).content.decode().replace("&#x27;", "'")
    assert warning in followed
    second.refresh_from_db()
    second.reserve_for_workshops(moderator)
    assert second.second_quiz_warning() is None
    html = client.get(reverse(f"{ADMIN}:edit", args=[second.pk])).content.decode()
    assert "déjà un quiz public" not in html
    assert LessonPageFactory  # the factories build each quiz's own lesson
