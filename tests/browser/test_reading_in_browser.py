"""A lesson counts as read when the reader scrolls to its end, not when the page opens."""

import pytest

from lessons.models import LessonRead
from tests.browser.helpers import sign_in
from tests.factories import LessonPageFactory, lesson_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAGRAPH = (
    "<p>Avant de publier, demandez-vous qui vous voulez toucher, ce que ces personnes attendent "
    "de vous et où elles passent leur temps en ligne. Un commerce de quartier ne parle pas à ses "
    "clients comme une marque nationale : il connaît leurs prénoms, leurs habitudes, leurs "
    "questions. Gardez ce ton, et répondez à chacun comme vous le feriez au comptoir.</p>"
)


@pytest.fixture
def lesson(site):
    """A lesson several screens long (its end is out of view when it opens), in a course with
    another lesson, which stays unread."""
    sections = [(f"Étape {n}", f"etape-{n}", PARAGRAPH * 2) for n in range(1, 9)]
    lesson = LessonPageFactory(title="Définir une stratégie", body=lesson_body(sections))
    LessonPageFactory(parent=lesson.get_parent())
    return lesson


def test_a_lesson_is_read_once_its_end_comes_into_view(site, lesson, page, django_user_model):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    sign_in(page, site, "lea@test.fr", "Mot-de-passe-42")
    page.wait_for_url("**/compte/mon-espace/")
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(site + lesson.url)
    page.wait_for_timeout(500)
    assert not LessonRead.objects.filter(user=user).exists()  # opened, not read

    with page.expect_response(lambda r: "/lue/" in r.url and r.request.method == "POST") as posted:
        page.locator(".lesson__end").scroll_into_view_if_needed()
    assert posted.value.status == 204
    assert LessonRead.objects.filter(user=user, lesson=lesson).exists()
    page.goto(site + lesson.get_parent().url)
    assert page.locator(".state--done").count() == 1


def test_a_visitors_lesson_read_to_its_end_shows_on_the_course(site, lesson, page):
    page.goto(site + lesson.url)
    with page.expect_response(lambda r: "/lue/" in r.url and r.request.method == "POST") as posted:
        page.locator(".lesson__end").scroll_into_view_if_needed()
    assert posted.value.status == 204
    assert not LessonRead.objects.exists()  # in the visitor's session until they sign up
    page.goto(site + lesson.get_parent().url)
    assert page.locator(".state--done").count() == 1
