"""A lesson counts as read when the reader scrolls to its end, not when the page opens."""

import pytest

from lessons.models import LessonPage, LessonRead
from tests.browser.helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LESSON = "/cours/definir-une-strategie/"


def test_a_lesson_is_read_once_its_end_comes_into_view(site, page, django_user_model):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    sign_in(page, site, "lea@test.fr", "Mot-de-passe-42")
    page.wait_for_url("**/compte/mon-espace/")
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(site + LESSON)
    page.wait_for_timeout(500)
    assert not LessonRead.objects.filter(user=user).exists()  # opened, not read

    with page.expect_response(lambda r: "/lue/" in r.url and r.request.method == "POST") as posted:
        page.locator(".lesson__end").scroll_into_view_if_needed()
    assert posted.value.status == 204
    lesson = LessonPage.objects.get(slug="definir-une-strategie")
    assert LessonRead.objects.filter(user=user, lesson=lesson).exists()
    page.goto(site + "/cours/")
    assert page.locator(".state--done").count() == 1


def test_a_visitors_lesson_read_to_its_end_shows_on_the_course(site, page):
    page.goto(site + LESSON)
    with page.expect_response(lambda r: "/lue/" in r.url and r.request.method == "POST") as posted:
        page.locator(".lesson__end").scroll_into_view_if_needed()
    assert posted.value.status == 204
    assert not LessonRead.objects.exists()  # in the visitor's session until they sign up
    page.goto(site + "/cours/")
    assert page.locator(".state--done").count() == 1
