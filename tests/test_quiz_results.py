"""A result that leads somewhere: after a failure, the sections to review (in the lesson's order)
and a new try come first, at the top and at the end; after a pass, the next lesson. Each quiz in
the lists and on the course page shows the learner's best result; several answers are shown as
written, never capitalised after a comma."""

import html
import re

import pytest
from django.urls import reverse

from quizzes.scoring import describe_answer, describe_right_answer
from tests.account_helpers import sign_up_and_activate
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    QuizFactory,
    questions_of_each_kind,
)
from tests.quiz_helpers import answers, right_answer, start, submit, wrong_answer

pytestmark = pytest.mark.django_db

# The default quiz's questions (tests/factories.py) point to the lesson's sections in this order:
# the second, the first, then the third twice. The lesson's order is the first, second, third.
FIRST, SECOND, THIRD = "connaitre-ses-clients", "repondre-aux-avis", "mesurer-les-resultats"


def take(client, quiz, pick):
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token, pick=pick))
    assert response.status_code == 302
    return response.url


def page_of(client, url):
    return html.unescape(client.get(url).content.decode()).replace("\u00a0", " ")


def action_rows(page):
    """The buttons of each row of actions of a result page: [[(label, href)]], in page order."""
    rows = re.findall(r'<p class="actions[^"]*">(.*?)</p>', page, re.DOTALL)
    return [
        [
            (re.sub(r"<[^>]+>", "", label).strip(), href)
            for href, label in re.findall(r'<a class="button[^"]*" href="([^"]*)">(.*?)</a>', row)
        ]
        for row in rows
    ]


def wrong_in_first_and_third(question):
    anchor = question.value["anchor"]
    return wrong_answer(question) if anchor in (FIRST, THIRD) else right_answer(question)


def test_a_failed_quiz_leads_first_to_the_sections_to_review_then_to_a_new_try(client, quiz):
    following = LessonPageFactory(parent=quiz.lesson.get_parent(), title="Trouver des clients")
    url = take(client, quiz, wrong_in_first_and_third)  # 1 right of 4: failed
    page = page_of(client, url)
    assert "Pas encore réussi" in page
    top, end = action_rows(page)
    lesson = quiz.lesson.url
    # The first section answered wrong in the lesson's order, not in the questions' order.
    assert top == [
        ("Revoir : Connaître ses clients", f"{lesson}#{FIRST}"),
        ("Réessayer le quiz", quiz.get_absolute_url()),
    ]
    assert page.index('<p class="actions actions--top">') < page.index("Correction</h2>")
    # At the end: the same two first, then moving on anyway, then keeping the result.
    assert end[:2] == top
    assert end[2] == ("Leçon suivante : Trouver des clients", following.url)
    assert end[3] == ("Créer un compte pour garder ce résultat", f"/compte/inscription/?next={url}")
    assert page.rindex("Correction</h2>") < page.rindex('<p class="actions">')


def test_the_sections_to_review_come_in_the_lessons_order(client, quiz):
    page = page_of(client, take(client, quiz, wrong_answer))
    review = page[page.index('id="review-title"') : page.index("Correction</h2>")]
    anchors = re.findall(rf'href="{re.escape(quiz.lesson.url)}#([^"]+)"', review)
    assert anchors == [FIRST, SECOND, THIRD]
    assert review.count("À revoir") == 3


def test_a_final_quiz_lists_its_lessons_in_the_courses_order(client):
    course = CoursePageFactory()
    first, second = LessonPageFactory(parent=course), LessonPageFactory(parent=course)
    # The questions about the second lesson come first.
    questions = questions_of_each_kind(second, None)[:1] + questions_of_each_kind(first, None)[:2]
    quiz = QuizFactory(lesson=None, title="Quiz de tout le cours", questions=questions)
    page = page_of(client, take(client, quiz, wrong_answer))
    review = page[page.index('id="review-title"') : page.index("Correction</h2>")]
    assert review.index(first.title) < review.index(second.title)
    assert action_rows(page)[0][0] == ("Revoir : Connaître ses clients", f"{first.url}#{FIRST}")


def test_a_passed_quiz_leads_first_to_the_next_lesson(client, quiz):
    following = LessonPageFactory(parent=quiz.lesson.get_parent(), title="Trouver des clients")
    page = page_of(client, take(client, quiz, right_answer))
    top, end = action_rows(page)
    assert top == [
        ("Leçon suivante : Trouver des clients", following.url),
        ("Refaire le quiz", quiz.get_absolute_url()),
    ]
    assert end[:2] == top
    assert "Réessayer le quiz" not in page and "Revoir :" not in page


def test_keeping_a_result_brings_the_new_account_back_to_it(client, quiz):
    url = take(client, quiz, wrong_answer)
    signup = page_of(client, f"{reverse('accounts:signup')}?next={url}")
    assert f'name="next" value="{url}"' in signup
    response = sign_up_and_activate(client, "camille@exemple.fr", next_url=url)
    assert response.status_code == 302 and response.url == url
    page = page_of(client, url)
    assert "Mon espace" in page and "Créer un compte pour garder" not in page


def best_line(page, title):
    """The "Meilleur score" said next to the link to a quiz titled `title` (or "")."""
    start = page.index(f">{title}</a>")
    stop = page.find("</li>", start)
    found = re.search(r"Meilleur score : [^<]*", page[start:stop])
    return found.group(0).strip() if found else ""


def right_except_the_several(question):
    return wrong_answer(question) if question.kind == "multiple" else right_answer(question)


def test_each_quiz_shows_the_best_result_and_whether_it_is_passed(client, quiz):
    index = reverse("quizzes:index")
    course_url = quiz.lesson.get_parent().url
    assert best_line(page_of(client, index), quiz.title) == ""
    take(client, quiz, wrong_in_first_and_third)  # 1 of 4
    assert (
        best_line(page_of(client, index), quiz.title) == "Meilleur score : 1/4 · pas encore réussi"
    )
    take(client, quiz, right_except_the_several)  # 3 of 4: 75 %, passed
    take(client, quiz, wrong_answer)  # 0 of 4: the best stays
    assert best_line(page_of(client, index), quiz.title) == "Meilleur score : 3/4 · réussi"
    # On the course page, beside the lesson.
    assert best_line(page_of(client, course_url), quiz.title) == "Meilleur score : 3/4 · réussi"
    # Signed up, the account's attempts give the same.
    sign_up_and_activate(client, "camille@exemple.fr")
    assert best_line(page_of(client, index), quiz.title) == "Meilleur score : 3/4 · réussi"
    space = page_of(client, reverse("accounts:space"))
    assert quiz.title in space


def test_the_course_pages_final_quiz_shows_the_best_result(client, django_user_model):
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=course)
    final = QuizFactory(lesson=None, title="AAA Quiz de tout le cours", pass_mark=None)
    final.questions = questions_of_each_kind(lesson, None)[:3]
    final.save_revision().publish()
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    take(client, final, right_except_the_several)
    panel = page_of(client, course.url)
    panel = panel[panel.index("Le quiz final") :]
    assert "Meilleur score : 2/3<" in panel  # a self-assessment: neither passed nor failed
    # Another learner's attempts are theirs.
    client.force_login(django_user_model.objects.create_user(email="omar@test.fr", password="x"))
    assert "Meilleur score" not in page_of(client, course.url)


def test_a_quiz_to_do_in_mon_espace_shows_its_best_result(client, django_user_model, quiz):
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    take(client, quiz, wrong_in_first_and_third)
    space = page_of(client, reverse("accounts:space"))
    todo = space[space.index("Mes quiz à faire") : space.index("Mes meilleurs scores")]
    assert best_line(todo, quiz.title) == "Meilleur score : 1/4 · pas encore réussi"


def test_several_answers_are_listed_as_written_not_after_commas(client, quiz):
    page = page_of(client, take(client, quiz, right_answer))
    several = page[page.index("Que peuvent vous apprendre") :]
    several = several[: several.index("</li>\n")]
    assert "Les bonnes réponses" in several
    assert (
        '<ul class="answer-list"><li>Leurs centres d’intérêt</li>'
        "<li>Ce qu’ils attendent de votre entreprise</li></ul>"
    ) in several
    assert ", Ce qu’ils" not in page
    # In running text (live sessions, exports): each between guillemets.
    question = {
        "kind": "multiple",
        "given": ["a", "b"],
        "choices": [
            {"id": "a", "text": "Facebook", "correct": True},
            {"id": "b", "text": "Répondre aux avis", "correct": True},
            {"id": "c", "text": "Acheter des abonnés", "correct": False},
        ],
    }
    expected = "«\u00a0Facebook\u00a0», «\u00a0Répondre aux avis\u00a0»"
    assert describe_answer(question) == describe_right_answer(question) == expected
    assert describe_answer({**question, "given": ["b"]}) == "Répondre aux avis"
