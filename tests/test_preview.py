"""The preview panel: every previewable model (each page type of the site, the statistics,
series, resources and quizzes) previews the form as sent, in a response the admin's own frame
may show (frame-ancestors 'self'), with Wagtail's userbar, where its content checks run (word
count, reading time, accessibility). Every other response forbids framing to anyone."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from figures.models import Series, Statistic
from lessons.models import Resource
from quizzes.models import Quiz
from tests.html_forms import edit_form

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "KeyFiguresPage",
    "CoursePage",
    "LessonPage",
    "ResourcesPage",
    "ResultsPage",
]
SNIPPETS = [
    (Statistic, "label", "wagtailsnippets_figures_statistic"),
    (Series, "title", "wagtailsnippets_figures_series"),
    (Resource, "title", "wagtailsnippets_lessons_resource"),
    (Quiz, "title", "wagtailsnippets_quizzes_quiz"),
]
CHANGED = "Titre changé pour un aperçu"


def framing(response):
    return next(
        part.strip()
        for part in response["Content-Security-Policy"].split(";")
        if part.strip().startswith("frame-ancestors")
    )


def assert_previewed(client, preview_url, data):
    """The form is sent first (as the panel does on each change), then the preview read."""
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url + "?in_preview_panel=true")
    assert response.status_code == 200
    assert framing(response) == "frame-ancestors 'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert CHANGED in html
    # Wagtail's userbar, hidden in the panel: it runs the checks and reports them to the panel.
    assert "<wagtail-userbar>" in html and "wagtailadmin/js/userbar.js" in html
    return html


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_previews_its_form_in_the_admin_s_frame(admin_client, page_type):
    page = next(
        page.specific
        for page in Page.objects.filter(depth__gt=1).specific()
        if type(page).__name__ == page_type
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form(admin_client, edit_url, page) | {"title": CHANGED}
    assert_previewed(
        admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data
    )


@pytest.mark.parametrize(("model", "field", "admin"), SNIPPETS)
def test_every_snippet_previews_its_form_in_the_admin_s_frame(admin_client, model, field, admin):
    item = model.objects.filter(live=True).first()
    data = edit_form(admin_client, reverse(f"{admin}:edit", args=[item.pk]), item)
    data[field] = CHANGED
    assert_previewed(admin_client, reverse(f"{admin}:preview_on_edit", args=[item.pk]), data)


def test_an_editor_previews_a_lesson_changed_in_the_form(client, editor):
    from lessons.models import LessonPage

    lesson = LessonPage.objects.live().first()
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    data = edit_form(client, edit_url, lesson) | {"title": CHANGED}
    html = assert_previewed(
        client, reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk]), data
    )
    anchor, _heading = lesson.table_of_contents()[0]
    assert f'id="{anchor}"' in html  # the lesson's body, as in the form


def test_everything_else_forbids_framing_to_anyone(admin_client, client):
    from lessons.models import LessonPage

    lesson = LessonPage.objects.live().first()
    quiz = Quiz.objects.filter(live=True).first()
    responses = [
        client.get("/"),
        client.get(lesson.url),
        client.get(quiz.get_absolute_url()),
        admin_client.get(lesson.url),  # an editor reading the site
        admin_client.get(reverse("wagtailadmin_home")),
        admin_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])),
        admin_client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])),
        admin_client.post(
            reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk]),
            edit_form(admin_client, reverse("wagtailadmin_pages:edit", args=[lesson.pk]), lesson),
        ),  # the form's check answers in JSON: nothing to frame
    ]
    for response in responses:
        assert framing(response) == "frame-ancestors 'none'", response.request["PATH_INFO"]
        assert response["X-Frame-Options"] == "DENY"
