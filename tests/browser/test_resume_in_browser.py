"""Coming back where one stopped, in a real browser: a visitor reads two sections of a lesson, the
home page offers "Reprendre" there and leads to it; signing up keeps it. Then a failed quiz, whose
result leads first to the sections to review. Screenshots of each page at 1280 and 375 px
(`BROWSER_SCREENSHOTS=/tmp/shots`)."""

import pytest

from lessons.models import ReadingPosition
from tests.account_helpers import STRONG_PASSWORD, link_in_last_email
from tests.browser.helpers import answer_every_question, screenshot
from tests.factories import (
    SECTIONS,
    CoursePageFactory,
    LessonPageFactory,
    QuizFactory,
    lesson_body,
    site_home,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAGRAPH = (
    "<p>Avant de publier, demandez-vous qui vous voulez toucher, ce que ces personnes attendent "
    "de vous et où elles passent leur temps en ligne. Un commerce de quartier ne parle pas à ses "
    "clients comme une marque nationale : il connaît leurs prénoms, leurs habitudes, leurs "
    "questions. Gardez ce ton, et répondez à chacun comme vous le feriez au comptoir.</p>"
)


@pytest.fixture
def course(site):
    """A course of two lessons, the first several screens long, with its quiz (each question
    pointing to one of its sections); the home page leads to the course."""
    course = CoursePageFactory(title="Les réseaux sociaux pour votre commerce")
    sections = [(heading, anchor, PARAGRAPH * 4) for heading, anchor, _text in SECTIONS]
    lesson = LessonPageFactory(
        parent=course, title="Fidéliser ses clients", body=lesson_body(sections)
    )
    LessonPageFactory(parent=course, title="Trouver de nouveaux clients")
    QuizFactory(lesson=lesson, title="Quiz : fidéliser ses clients", pass_mark=100)
    home = site_home()
    home.course_page = course
    home.save_revision().publish()
    return course


def read_up_to(page, anchor):
    """Scroll the section's heading to the top of the screen, and wait until the page has told
    the site (after the heading has stayed there a moment)."""
    with page.expect_response(
        lambda r: "/position/" in r.url and r.request.method == "POST", timeout=10_000
    ) as told:
        page.evaluate("id => document.getElementById(id).scrollIntoView()", anchor)
    assert told.value.status == 204


def shoot(page, site, name, url):
    """The page at `url`, whole, at 1280 and 375 px wide."""
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + url)
        screenshot(page.locator("body"), f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_visitor_resumes_where_they_stopped_and_keeps_it_on_signing_up(
    site, course, page, django_user_model
):
    lesson = course.lessons().first()
    page.goto(site + "/")
    assert page.get_by_role("link", name="Commencer le cours").is_visible()

    # Two sections read as a visitor.
    page.goto(site + lesson.url)
    read_up_to(page, "connaitre-ses-clients")
    read_up_to(page, "repondre-aux-avis")
    assert not ReadingPosition.objects.exists()  # in the visitor's session

    page.goto(site + "/")
    resume = page.get_by_role("link", name="Reprendre : Fidéliser ses clients, Répondre aux avis")
    assert resume.is_visible()
    assert page.get_by_role("link", name="Commencer le cours").count() == 0
    resume.click()
    page.wait_for_url(f"**{lesson.url}#repondre-aux-avis")
    # The section's heading comes to the top of the screen (once the page has loaded).
    page.wait_for_function(
        """() => {
            const top = document.getElementById("repondre-aux-avis").getBoundingClientRect().top;
            return top >= 0 && top < 100;
        }""",
        timeout=10_000,
    )

    # Signing up keeps it.
    page.get_by_role("link", name="Créer un compte", exact=True).click()
    page.get_by_label("Adresse e-mail").fill("camille@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill(STRONG_PASSWORD)
    page.get_by_label("Confirmation de mot de passe").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url("**/compte/inscription/envoyee/**")
    page.goto(site + link_in_last_email("camille@exemple.fr"))
    page.wait_for_url("**/compte/mon-espace/")
    user = django_user_model.objects.get(email="camille@exemple.fr")
    position = ReadingPosition.objects.get(user=user)
    assert (position.lesson_id, position.section) == (lesson.pk, "repondre-aux-avis")
    name = "Reprendre : Fidéliser ses clients, Répondre aux avis"
    assert page.get_by_role("link", name=name).is_visible()
    page.goto(site + course.url)
    assert page.get_by_role("link", name=name).is_visible()

    # A failed quiz: the first action is the first section to review, then a new try.
    page.goto(site + "/quiz/")
    page.get_by_role("link", name="Quiz : fidéliser ses clients").click()
    answer_every_question(page, number="-1000")  # the estimate wrong: 100 % is out of reach
    page.get_by_role("button", name="Valider mes réponses").click()
    page.wait_for_url("**/quiz/resultat/**")
    result = page.url.removeprefix(site)
    first = page.locator(".actions--top a").first
    assert first.inner_text().startswith("Revoir\u00a0: ")
    assert page.locator(".actions--top a").nth(1).inner_text() == "Réessayer le quiz"
    assert "Meilleur score" in page.goto(site + "/quiz/").text()

    for name, url in [
        ("reprendre-accueil", "/"),
        ("reprendre-cours", course.url),
        ("reprendre-mon-espace", "/compte/mon-espace/"),
        ("resultat-echoue", result),
    ]:
        shoot(page, site, name, url)
