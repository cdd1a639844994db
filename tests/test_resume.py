"""Where a reader stopped: the section they last reached, kept like the lessons they read (in the
session for a visitor, in the account once signed in, merged when they sign up or in), and the
"Reprendre" it gives on the home page, the course page and "Mon espace"."""

import html
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home.models import HomePage
from lessons.models import ReadingPosition
from tests.account_helpers import sign_up_and_activate
from tests.factories import CoursePageFactory, LessonPageFactory, site_home
from tests.quiz_helpers import answers, start, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    """A course of three lessons of three sections each (tests/factories.py SECTIONS), which
    the home page leads to."""
    course = CoursePageFactory(title="Le cours des commerçants")
    for title in ["Connaître les réseaux", "Fidéliser ses clients", "Trouver des clients"]:
        LessonPageFactory(parent=course, title=title)
    home = site_home()
    HomePage.objects.filter(pk=home.pk).update(course_page=course)
    return course


def lessons_of(course):
    return list(course.lessons())


def token(client, lesson):
    """What the lesson page's script does first: ask for a CSRF token."""
    return client.get(reverse("lessons:read", args=[lesson.pk])).json()["csrf_token"]


def reach(client, lesson, anchor):
    """What the lesson page's script does when a section's heading has stayed in view."""
    return client.post(
        reverse("lessons:position", args=[lesson.pk]),
        {"section": anchor},
        HTTP_X_CSRFTOKEN=token(client, lesson),
    )


def reach_the_end(client, lesson):
    return client.post(
        reverse("lessons:read", args=[lesson.pk]), HTTP_X_CSRFTOKEN=token(client, lesson)
    )


def text(response):
    return html.unescape(response.content.decode()).replace("\u00a0", " ")


def resume_link(response):
    """The href and text of the "Reprendre" link of a page, or None."""
    content = html.unescape(response.content.decode())
    marker = 'resume" href="'
    if marker not in content:
        return None
    start = content.index(marker) + len(marker)
    href = content[start : content.index('"', start)]
    label = content[content.index(">", start) + 1 : content.index("</a>", start)]
    return href, label.replace("\u00a0", " ")


def test_a_visitor_who_has_read_nothing_is_offered_to_start(client, course):
    assert "Commencer le cours" in text(client.get("/"))
    assert resume_link(client.get("/")) is None
    page = text(client.get(course.url))
    assert "Commencer le cours" in page and "Reprendre" not in page


def test_a_visitors_sections_lead_back_to_the_last_one_reached(client, course):
    _first, second, _third = lessons_of(course)
    browser = Client(enforce_csrf_checks=True)
    assert reach(browser, second, "connaitre-ses-clients").status_code == 204
    assert reach(browser, second, "repondre-aux-avis").status_code == 204
    assert not ReadingPosition.objects.exists()  # a visitor's is in their session
    expected = (
        f"{second.url}#repondre-aux-avis",
        "Reprendre : Fidéliser ses clients, Répondre aux avis",
    )
    assert resume_link(browser.get("/")) == expected
    assert "Commencer le cours" not in text(browser.get("/"))
    assert resume_link(browser.get(course.url)) == expected
    # Going back to an earlier section is where they stopped now.
    reach(browser, second, "connaitre-ses-clients")
    assert resume_link(browser.get("/"))[0] == f"{second.url}#connaitre-ses-clients"


def test_only_a_section_of_the_lesson_moves_the_position(client, course):
    lesson = lessons_of(course)[0]
    browser = Client(enforce_csrf_checks=True)
    assert reach(browser, lesson, "pas-une-section").status_code == 400
    assert reach(browser, lesson, "").status_code == 400
    assert (
        browser.post(reverse("lessons:position", args=[lesson.pk]), {"section": "x"}).status_code
        == 403
    )
    assert client.get(reverse("lessons:position", args=[lesson.pk])).status_code == 405
    csrf = token(browser, lesson)
    lesson.unpublish()
    url = reverse("lessons:position", args=[lesson.pk])
    response = browser.post(url, {"section": "connaitre-ses-clients"}, HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 404
    assert resume_link(browser.get("/")) is None


def test_a_finished_lesson_leads_to_the_next_one(client, course):
    first, second, third = lessons_of(course)
    browser = Client(enforce_csrf_checks=True)
    reach(browser, first, "mesurer-les-resultats")
    assert reach_the_end(browser, first).status_code == 204
    assert resume_link(browser.get("/")) == (second.url, "Reprendre : Fidéliser ses clients")
    # The next one already read: the one after it.
    reach_the_end(browser, second)
    reach(browser, first, "connaitre-ses-clients")
    reach_the_end(browser, first)
    assert resume_link(browser.get("/"))[0] == third.url


def test_the_whole_course_read_offers_nothing_to_resume(client, course):
    browser = Client(enforce_csrf_checks=True)
    for lesson in lessons_of(course):
        reach_the_end(browser, lesson)
    assert resume_link(browser.get("/")) is None
    assert resume_link(browser.get(course.url)) is None


def test_without_javascript_opening_a_lesson_moves_a_signed_in_readers_position(
    client, django_user_model, course
):
    _first, second, _third = lessons_of(course)
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    assert resume_link(client.get("/")) is None  # nothing read yet
    client.get(second.url)
    position = ReadingPosition.objects.get(user=user)
    assert (position.lesson_id, position.section, position.finished) == (second.pk, "", False)
    assert resume_link(client.get("/")) == (second.url, "Reprendre : Fidéliser ses clients")
    # Opening the lesson again keeps the section reached in it.
    reach(client, second, "mesurer-les-resultats")
    client.get(second.url)
    assert ReadingPosition.objects.get(user=user).section == "mesurer-les-resultats"


def test_opening_a_lesson_starts_no_session_for_a_visitor(client, course):
    lesson = lessons_of(course)[0]
    response = client.get(lesson.url)
    assert not response.cookies
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"
    # A visitor who already has a session (a section reached): opening another lesson moves it.
    reach(client, lesson, "repondre-aux-avis")
    other = lessons_of(course)[2]
    client.get(other.url)
    assert resume_link(client.get("/")) == (other.url, "Reprendre : Trouver des clients")


def test_a_lessons_quiz_finishes_the_lesson_without_javascript(client, quiz):
    """A visitor's quiz at a lesson counts as reading it to its end (lessons.reading.mark_read)."""
    following = LessonPageFactory(parent=quiz.lesson.get_parent(), title="La leçon d'après")
    form, token_ = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token_))
    lessons = quiz.lesson.get_parent().specific
    assert resume_link(client.get(lessons.url)) == (following.url, "Reprendre : La leçon d’après")


def test_signing_up_keeps_the_visitors_position(client, django_user_model, course):
    second = lessons_of(course)[1]
    reach(client, second, "repondre-aux-avis")
    response = sign_up_and_activate(client, "camille@exemple.fr")
    user = django_user_model.objects.get(email="camille@exemple.fr")
    position = ReadingPosition.objects.get(user=user)
    assert (position.lesson_id, position.section) == (second.pk, "repondre-aux-avis")
    space = client.get(response.url)
    assert resume_link(space) == (
        f"{second.url}#repondre-aux-avis",
        "Reprendre : Fidéliser ses clients, Répondre aux avis",
    )
    assert resume_link(client.get("/")) == resume_link(space)


def test_signing_in_keeps_the_more_recent_position(client, django_user_model, course):
    first, second, third = lessons_of(course)
    user = django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")

    def sign_in(browser):
        browser.post(
            reverse("accounts:login"), {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
        )

    # Read as a visitor after the account's position was saved: the visitor's wins.
    ReadingPosition.objects.create(
        user=user,
        lesson=first,
        section="connaitre-ses-clients",
        moved_at=timezone.now() - timedelta(days=1),
    )
    reach(client, third, "mesurer-les-resultats")
    sign_in(client)
    position = ReadingPosition.objects.get(user=user)
    assert (position.lesson_id, position.section) == (third.pk, "mesurer-les-resultats")

    # A visitor's position older than the account's (read elsewhere since): the account's stays.
    other = Client()
    reach(other, second, "repondre-aux-avis")
    ReadingPosition.objects.filter(user=user).update(moved_at=timezone.now() + timedelta(hours=1))
    sign_in(other)
    assert ReadingPosition.objects.get(user=user).lesson_id == third.pk
    assert "reading_position" not in other.session  # merged, then gone from the session


def test_mon_espace_resumes_or_starts_each_course(client, django_user_model, course):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    space = client.get(reverse("accounts:space"))
    assert "Commencer le cours" in text(space) and resume_link(space) is None
    second = lessons_of(course)[1]
    reach(client, second, "mesurer-les-resultats")
    assert resume_link(client.get(reverse("accounts:space"))) == (
        f"{second.url}#mesurer-les-resultats",
        "Reprendre : Fidéliser ses clients, Mesurer les résultats",
    )


def test_a_section_renamed_away_leads_to_the_lessons_top(client, course):
    lesson = lessons_of(course)[0]
    reach(client, lesson, "repondre-aux-avis")
    lesson.body = [
        block
        for block in lesson.body.raw_data
        if block["type"] != "heading" or block["value"]["anchor"] != "repondre-aux-avis"
    ]
    lesson.save_revision().publish()
    assert resume_link(client.get("/")) == (lesson.url, "Reprendre : Connaître les réseaux")


def test_the_learners_export_holds_their_position(client, django_user_model, course):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    reach(client, lessons_of(course)[1], "repondre-aux-avis")
    data = client.get(reverse("accounts:my_data_download")).json()
    assert data["position_de_lecture"]["lecon"] == "Fidéliser ses clients"
    assert data["position_de_lecture"]["section"] == "repondre-aux-avis"
