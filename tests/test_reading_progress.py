"""When a lesson counts as read (its end reached, or its quiz), and how a visitor's reading is
kept when they sign up, as their quiz attempts are."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from lessons.models import LessonRead
from tests.account_helpers import sign_up_and_activate
from tests.factories import LessonPageFactory
from tests.quiz_helpers import answers, right_answer, start, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(quiz):
    """The quiz's lesson, in a course of three lessons."""
    for _ in range(2):
        LessonPageFactory(parent=quiz.lesson.get_parent())
    return quiz.lesson


@pytest.fixture
def course(lesson):
    return lesson.get_parent()


def reach_the_end(client, page):
    """What the lesson page's script does when the end of the lesson comes into view: ask for a
    CSRF token, then post it."""
    url = reverse("lessons:read", args=[page.pk])
    token = client.get(url).json()["csrf_token"]
    return client.post(url, HTTP_X_CSRFTOKEN=token)


def test_opening_a_lesson_does_not_mark_it_read(client, django_user_model, lesson, course):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    assert client.get(lesson.url).status_code == 200
    assert not LessonRead.objects.filter(user=user).exists()
    assert ">Lue</span>" not in client.get(course.url).content.decode()


def test_the_lesson_page_says_where_its_end_is_reported(client, lesson):
    content = client.get(lesson.url).content.decode()
    assert f'data-lesson-read="{reverse("lessons:read", args=[lesson.pk])}"' in content


def test_reaching_the_end_of_a_lesson_marks_it_read(django_user_model, lesson, course):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    assert reach_the_end(browser, lesson).status_code == 204
    # Once is enough; twice changes nothing.
    assert reach_the_end(browser, lesson).status_code == 204
    assert list(LessonRead.objects.filter(user=user).values_list("lesson", flat=True)) == [
        lesson.pk
    ]
    assert browser.get(course.url).content.decode().count(">Lue</span>") == 1


def test_marking_a_lesson_read_needs_the_csrf_token(django_user_model, lesson):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    assert browser.post(reverse("lessons:read", args=[lesson.pk])).status_code == 403
    assert not LessonRead.objects.exists()


def test_only_a_published_lesson_can_be_marked_read(client, lesson):
    page = lesson
    assert client.get(reverse("lessons:read", args=[page.pk])).status_code == 200
    page.unpublish()
    assert client.get(reverse("lessons:read", args=[page.pk])).status_code == 404
    assert client.post(reverse("lessons:read", args=[page.pk])).status_code == 404
    assert client.get(reverse("lessons:read", args=[999999])).status_code == 404


def test_the_lesson_page_stays_in_the_page_cache_for_visitors(client, lesson):
    client.get(lesson.url)
    response = client.get(lesson.url)
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies


def test_opening_the_lessons_quiz_marks_it_read_without_javascript(
    client, django_user_model, quiz, lesson
):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    client.get(reverse("quizzes:detail", args=[quiz.slug]))
    assert LessonRead.objects.filter(user=user, lesson=lesson).exists()


def test_a_visitors_reading_is_kept_when_they_sign_up(client, django_user_model, lesson, course):
    reach_the_end(client, lesson)
    other = lesson.get_next_sibling()
    reach_the_end(client, other)
    assert not LessonRead.objects.exists()  # nothing in the database without an account
    page = client.get(course.url).content.decode()
    assert page.count(">Lue</span>") == 2  # the visitor sees it on the course page

    response = sign_up_and_activate(client, "camille@exemple.fr")
    user = django_user_model.objects.get(email="camille@exemple.fr")
    assert set(LessonRead.objects.filter(user=user).values_list("lesson", flat=True)) == {
        lesson.pk,
        other.pk,
    }
    space = client.get(response.url).content.decode()
    assert "2 leçons lues sur 3" in space
    assert "leçons lues avant" in html.unescape(space)  # the welcome says they were kept


def test_a_visitors_quiz_on_a_lesson_marks_it_read_and_both_are_kept(
    client, django_user_model, quiz
):
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token, pick=right_answer))
    response = sign_up_and_activate(client, "camille@exemple.fr")
    user = django_user_model.objects.get(email="camille@exemple.fr")
    assert LessonRead.objects.filter(user=user, lesson=quiz.lesson).exists()
    welcome = html.unescape(client.get(response.url).content.decode())
    assert "résultats aux quiz" in welcome and "leçons lues avant" in welcome


def test_signing_in_keeps_a_visitors_reading_too(client, django_user_model, lesson):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    reach_the_end(client, lesson)
    client.post(
        reverse("accounts:login"), {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
    )
    assert LessonRead.objects.filter(user=user, lesson=lesson).exists()
