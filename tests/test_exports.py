"""Every spreadsheet the site hands out (a workshop's results, a live session's results, the
admin's snippet listings and its reports) passes each cell that comes from someone's text
(headers included) through the one formula guard, figures.exports.safe_cell: a hostile value
in each such field, read back cell by cell."""

import csv
import io

import pytest
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page, PageLogEntry

from figures.models import Statistic
from lessons.models import LessonPage, Resource
from tests.factories import QuizFactory, StatisticFactory, UserFactory
from tests.live_helpers import phone, start_session
from tests.workshop_helpers import make_workshop

pytestmark = pytest.mark.django_db

# What a spreadsheet would run, and the cell that must be written instead.
FORMULAS = [
    ('=HYPERLINK("http://x.fr","y")', '\'=HYPERLINK("http://x.fr","y")'),
    ("+cmd", "'+cmd"),
    ("-1+1", "'-1+1"),
    ("@SUM(A1)", "'@SUM(A1)"),
]
# A tab or carriage return first: kept where a field keeps it (a title), else trimmed away.
HOSTILE = [*FORMULAS, ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1")]


def csv_rows(response, delimiter=","):
    content = getattr(response, "streaming_content", None)
    raw = b"".join(content) if content is not None else response.content
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def xlsx_rows(response):
    """The sheet's rows, each cell read as its value; no cell may be a formula. A carriage
    return reads back as a line feed or as itself, depending on the XML writer openpyxl finds
    installed (lxml or its own): both read here as a line feed."""
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows())
    assert not [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
    return [
        [
            cell.value.replace("\r", "\n")
            if isinstance(cell.value, str)
            else ("" if cell.value is None else cell.value)
            for cell in row
        ]
        for row in rows
    ]


# A workshop's results (workshops:export).


@pytest.mark.parametrize(("title", "written"), HOSTILE)
def test_the_workshop_csv_header_neutralises_a_quiz_title(client, people, title, written):
    workshop, _ = make_workshop(people["trainer"], [people["learner"]], QuizFactory(title=title))
    client.force_login(people["trainer"])
    rows = csv_rows(client.get(reverse("workshops:export", args=[workshop.pk])), ";")
    assert rows[0][2:] == [
        f"{written} — score (%)",
        f"{written} — réussite",
        f"{written} — état",
        f"{written} — tentatives",
        f"{written} — envoyé le",
    ]


def test_the_workshop_csv_neutralises_each_learner_s_name_and_e_mail(client, people):
    names = [
        UserFactory(email=f"nom{index}@test.fr", first_name=value, last_name="")
        for index, (value, _) in enumerate(FORMULAS)
    ]
    # Sign-up accepts these addresses (Django's e-mail validator): each starts a formula.
    emails = [
        UserFactory(email=email, first_name="Sam", last_name="")
        for email in ("=1+1@test.fr", "+cmd@test.fr", "-1+1@test.fr")
    ]
    workshop, _ = make_workshop(people["trainer"], [*names, *emails])
    client.force_login(people["trainer"])
    rows = csv_rows(client.get(reverse("workshops:export", args=[workshop.pk])), ";")
    by_email = {row[1]: row[0] for row in rows[1:]}
    assert by_email == {
        "nom0@test.fr": FORMULAS[0][1],
        "nom1@test.fr": FORMULAS[1][1],
        "nom2@test.fr": FORMULAS[2][1],
        "nom3@test.fr": FORMULAS[3][1],
        "'=1+1@test.fr": "Sam",
        "'+cmd@test.fr": "Sam",
        "'-1+1@test.fr": "Sam",
    }


# A live session's results (live:export).


@pytest.mark.parametrize(
    ("nickname", "written"),
    # A nickname's spaces are trimmed when it joins: a tab first is gone, the formula is not.
    [*FORMULAS, ("\t=1+1", "'=1+1"), ("\r@SUM(A1)", "'@SUM(A1)")],
)
def test_the_live_csv_neutralises_each_nickname(client, people, nickname, written):
    session = start_session(people["trainer"])
    phone(session, "Léa")
    phone(session, nickname)
    client.force_login(people["trainer"])
    rows = csv_rows(client.get(reverse("live:export", args=[session.code])), ";")
    table = rows[[row[:1] for row in rows].index(["Pseudonyme"]) :]  # after the session's facts
    assert [row[0] for row in table[1:]] == ["Léa", written]


# The admin's snippet listings (their CSV and XLSX exports).


def free_text_fields(model, names):
    """The exported fields an editor types freely (not a choice among the model's own)."""
    fields = [field for field in model._meta.get_fields() if field.name in names]
    return [
        field.name
        for field in fields
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    ]


EXPORTED = {
    "figures_statistic": (Statistic, lambda: StatisticFactory()),
    "lessons_resource": (Resource, lambda: Resource.objects.first()),
}


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize("listing", EXPORTED)
def test_snippet_exports_neutralise_every_free_text_field(client, editor, listing, export):
    model, pick = EXPORTED[listing]
    url = reverse(f"wagtailsnippets_{listing}:list")
    client.force_login(editor)
    names = client.get(url).context["view"].list_export
    fields = free_text_fields(model, names)
    assert "slug" in fields and len(fields) >= 3, fields
    # Each field gets one of the hostile values in turn; the slug one a slug may hold.
    hostile = {name: HOSTILE[index % len(HOSTILE)] for index, name in enumerate(fields)}
    hostile["slug"] = ("-piege", "'-piege")
    instance = pick()
    model.objects.filter(pk=instance.pk).update(**{name: v for name, (v, _) in hostile.items()})
    response = client.get(url, {"export": export})
    assert response.status_code == 200
    rows = csv_rows(response) if export == "csv" else xlsx_rows(response)
    columns = [names.index(name) for name in fields]
    (row,) = [row for row in rows[1:] if row[names.index("slug")] == "'-piege"]
    written = [hostile[name][1] for name in fields]
    if export == "xlsx":  # a carriage return reads back as a line feed (xlsx_rows)
        written = [cell.replace("\r", "\n") for cell in written]
    assert [row[column] for column in columns] == written


# Wagtail's own reports, which editors and moderators export too.


def hostile_lesson(title):
    lesson = LessonPage.objects.live().first()
    Page.objects.filter(pk=lesson.pk).update(title=title)
    return lesson


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize(("title", "written"), HOSTILE)
def test_the_aging_pages_report_neutralises_a_page_title(client, moderator, title, written, export):
    hostile_lesson(title)
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": export})
    rows = csv_rows(response) if export == "csv" else xlsx_rows(response)
    titles = [row[0] for row in rows[1:]]
    if export == "xlsx":  # a carriage return reads back as a line feed (xlsx_rows)
        written = written.replace("\r", "\n")
    assert written in titles


@pytest.mark.parametrize(("text", "written"), FORMULAS)
def test_the_site_history_report_neutralises_a_page_title_and_a_user_name(client, text, written):
    admin = UserFactory(email="admin@test.fr", first_name=text, last_name="", is_superuser=True)
    lesson = LessonPage.objects.live().first()
    PageLogEntry.objects.log_action(lesson, "wagtail.edit", user=admin, title=text)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    header, *rows = csv_rows(response)
    (row,) = [row for row in rows if row[header.index("Nom")] == written]
    assert row[header.index("Utilisateur")] == written


def test_the_locked_pages_report_neutralises_a_page_title(client, moderator):
    lesson = hostile_lesson(FORMULAS[0][0])
    Page.objects.filter(pk=lesson.pk).update(locked=True, locked_by=moderator)
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_reports:locked_pages"), {"export": "csv"})
    titles = [row[0] for row in csv_rows(response)[1:]]
    assert titles == [FORMULAS[0][1]]
