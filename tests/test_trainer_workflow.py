"""A trainer's workflow: editing a workshop, assigning several quizzes, changing or removing an
assignment, and reading the results (table, class figures, attempts, answer spread, CSV)."""

import csv
import io
import re
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Quiz
from tests.clock import at
from tests.factories import CoursePageFactory, LessonPageFactory, QuizFactory
from tests.quiz_helpers import right_answer, wrong_answer
from tests.workshop_helpers import assign, make_user, make_workshop, take
from typography.french import typeset
from workshops import kept_table, results
from workshops.export import safe_cell
from workshops.models import AssignedAttempt, Assignment, AssignmentProgress, Membership, Workshop
from workshops.seed import build_large_group

pytestmark = pytest.mark.django_db


def local(value):
    return timezone.localtime(value)


# The workshop itself.


def test_trainer_creates_then_edits_a_workshop(client, people):
    client.force_login(people["trainer"])
    response = client.post(
        reverse("workshops:create"),
        {"name": "Commerçants de Lille", "description": "Mardi matin", "starts_on": "2026-12-01"},
    )
    workshop = Workshop.objects.get(name="Commerçants de Lille")
    assert response.url == workshop.get_absolute_url()
    assert list(workshop.trainers.all()) == [people["trainer"]]
    html = client.get(workshop.get_absolute_url()).content.decode()
    assert workshop.join_code in html and "<svg" in html  # the QR code
    edit = reverse("workshops:edit", args=[workshop.pk])
    assert 'value="Commerçants de Lille"' in client.get(edit).content.decode()
    response = client.post(
        edit,
        {
            "name": "Commerçants de Roubaix",
            "description": "Jeudi",
            "starts_on": "2026-12-03",
            "ends_on": "2026-12-10",
        },
    )
    assert response.url == workshop.get_absolute_url()
    workshop.refresh_from_db()
    assert (workshop.name, workshop.description) == ("Commerçants de Roubaix", "Jeudi")
    assert str(workshop.ends_on) == "2026-12-10"


def test_a_workshop_cannot_end_before_it_starts_and_nothing_changes(client, people, setting):
    workshop = setting["workshop"]
    client.force_login(people["trainer"])
    response = client.post(
        reverse("workshops:edit", args=[workshop.pk]),
        {"name": "Autre nom", "starts_on": "2026-12-10", "ends_on": "2026-12-01"},
    )
    assert response.status_code == 200
    assert "La fin doit venir après le début." in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.name != "Autre nom" and workshop.starts_on is None


def test_trainer_adds_a_co_trainer_removes_a_member_and_archives(client, people, setting):
    workshop = setting["workshop"]
    client.force_login(people["trainer"])
    client.post(reverse("workshops:add_trainer", args=[workshop.pk]), {"email": "lea@test.fr"})
    assert not workshop.trainers.filter(email="lea@test.fr").exists()  # not a trainer
    client.post(reverse("workshops:add_trainer", args=[workshop.pk]), {"email": "theo@test.fr"})
    assert workshop.trainers.filter(email="theo@test.fr").exists()
    learner = people["learner"]
    client.post(reverse("workshops:remove_member", args=[workshop.pk, learner.pk]))
    assert not workshop.members.filter(pk=learner.pk).exists()
    client.post(reverse("workshops:archive", args=[workshop.pk]))
    workshop.refresh_from_db()
    assert workshop.archived


# Assigning.


def new_assignments(client, workshop, quizzes, **fields):
    data = {
        "quizzes": [quiz.pk for quiz in quizzes],
        "opens_at": "2026-12-01T09:00",
        "due_at": "2026-12-08T18:00",
        "max_attempts": "",
        "scoring_rule": "best",
        "reveal": "submission",
    }
    data.update(fields)
    return client.post(reverse("workshops:create_assignment", args=[workshop.pk]), data)


def test_assign_several_quizzes_at_once_with_the_same_settings(client, people, setting):
    workshop = setting["workshop"]
    client.force_login(people["trainer"])
    quizzes = [QuizFactory(), QuizFactory()]
    response = new_assignments(
        client, workshop, quizzes, max_attempts="2", scoring_rule="last", reveal="submission"
    )
    assert response.url == workshop.get_absolute_url()
    created = workshop.assignments.exclude(pk=setting["assignment"].pk)
    assert sorted(created.values_list("quiz", flat=True)) == sorted(quiz.pk for quiz in quizzes)
    for assignment in created:
        assert assignment.max_attempts == 2 and assignment.scoring_rule == "last"
        assert local(assignment.due_at).hour == 18  # Paris time
    messages = [str(m) for m in client.get(workshop.get_absolute_url()).context["messages"]]
    assert "2 quiz assignés." in messages


def test_the_assign_form_lists_quizzes_in_course_order_with_workshop_defaults(client, people):
    workshop = Workshop.objects.create(
        name="Atelier daté", ends_on=timezone.localdate() + timedelta(days=3)
    )
    workshop.trainers.add(people["trainer"])
    course = CoursePageFactory()
    first, second = LessonPageFactory(parent=course), LessonPageFactory(parent=course)
    # Made in another order than the course's, and a quiz of the whole course (no lesson).
    whole = QuizFactory(lesson=None)
    later = QuizFactory(lesson=second)
    earlier = QuizFactory(lesson=first)
    client.force_login(people["trainer"])
    response = client.get(reverse("workshops:create_assignment", args=[workshop.pk]))
    form = response.context["form"]
    listed = list(form.fields["quizzes"].queryset)
    assert listed == list(Quiz.objects.live().in_course_order())
    ours = [quiz for quiz in listed if quiz in (earlier, later, whole)]
    assert ours == [earlier, later, whole]
    html = response.content.decode()
    positions = [html.index(quiz.title) for quiz in ours]
    assert positions == sorted(positions)
    opens, due = form.initial["opens_at"], form.initial["due_at"]
    assert abs((opens - timezone.now()).total_seconds()) < 120
    assert (local(due).date(), local(due).hour, local(due).minute) == (workshop.ends_on, 23, 59)


def test_assigning_a_quiz_again_is_allowed_with_a_warning(client, people, setting):
    workshop, quiz = setting["workshop"], setting["quiz"]
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:create_assignment", args=[workshop.pk])).content.decode()
    assert f"{quiz.title} (déjà assigné dans cet atelier)" in html
    response = new_assignments(client, workshop, [quiz])
    assert response.status_code == 302
    assert workshop.assignments.filter(quiz=quiz).count() == 2
    messages = [str(m) for m in client.get(workshop.get_absolute_url()).context["messages"]]
    assert any("était déjà assigné dans cet atelier" in message for message in messages)


def test_assigning_needs_a_quiz_and_dates_in_order_and_saves_nothing_otherwise(
    client, people, setting
):
    workshop = setting["workshop"]
    client.force_login(people["trainer"])
    response = new_assignments(client, workshop, [])
    assert "Choisissez au moins un quiz." in response.content.decode()
    response = new_assignments(
        client,
        workshop,
        [setting["quiz"]],
        opens_at="2026-12-08T09:00",
        due_at="2026-12-01T18:00",
    )
    assert "La date limite doit venir après l’ouverture." in response.content.decode()
    response = new_assignments(client, workshop, [setting["quiz"]], max_attempts="0")
    assert "Autorisez au moins une tentative" in response.content.decode()
    assert workshop.assignments.count() == 1


def test_trainer_edits_an_assignment(client, people, setting):
    assignment = setting["assignment"]
    client.force_login(people["trainer"])
    url = reverse("workshops:edit_assignment", args=[assignment.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "opens_at": "2026-12-02T08:30",
            "due_at": "2026-12-20T12:00",
            "max_attempts": "3",
            "scoring_rule": "last",
            "reveal": "submission",
        },
    )
    assert response.url == assignment.workshop.get_absolute_url()
    assignment.refresh_from_db()
    assert (local(assignment.opens_at).day, local(assignment.opens_at).hour) == (2, 8)
    assert assignment.max_attempts == 3 and assignment.scoring_rule == "last"


def test_deleting_an_assignment_says_how_many_attempts_go_with_it(client, people, setting):
    assignment = setting["assignment"]
    client.force_login(people["learner"])
    take(client, assignment)
    take(client, assignment, pick=wrong_answer)
    client.force_login(people["trainer"])
    url = reverse("workshops:delete_assignment", args=[assignment.pk])
    html = client.get(url).content.decode()
    assert "Les participants ont envoyé 2 tentatives pour ce quiz assigné." in html
    response = client.post(url, {"action": "delete"})
    assert response.url == assignment.workshop.get_absolute_url()
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    assert not Attempt.objects.exists() and not AssignedAttempt.objects.exists()


def test_closing_an_assignment_keeps_its_attempts_and_refuses_new_ones(client, people, setting):
    assignment = setting["assignment"]
    client.force_login(people["learner"])
    take(client, assignment)
    client.force_login(people["trainer"])
    url = reverse("workshops:delete_assignment", args=[assignment.pk])
    client.post(url, {"action": "close"})
    assignment.refresh_from_db()
    assert assignment.due_at <= timezone.now()
    assert Attempt.objects.count() == 1
    client.force_login(people["learner"])
    response = client.get(reverse("workshops:take", args=[assignment.pk]))
    assert response.status_code == 403


def test_deleting_without_a_choice_changes_nothing(client, people, setting):
    client.force_login(people["trainer"])
    url = reverse("workshops:delete_assignment", args=[setting["assignment"].pk])
    response = client.post(url, {"action": "oops"})
    assert response.status_code == 200
    assert "Choisissez\u00a0: supprimer, ou fermer" in response.content.decode()
    assert Assignment.objects.filter(pk=setting["assignment"].pk).exists()


# The results table.


def row_of(html, name):
    start = html.index(f'<th scope="row">{name}</th>')
    return html[start : html.index("</tr>", start)]


def cells(row):
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def texts(cell):
    return re.sub(r"<[^>]+>", " ", cell).replace("\u00a0", " ").split()


def test_results_apply_each_rule_and_show_pass_fail_attempts_and_links(client, people):
    learner, other = people["learner"], people["other_learner"]
    workshop, best = make_workshop(people["trainer"], [learner, other], max_attempts=3)
    last = assign(workshop, scoring_rule="last", opens_at=timezone.now() - timedelta(days=1))
    assign(  # already past its deadline: "late" for everyone
        workshop,
        opens_at=timezone.now() - timedelta(days=2),
        due_at=timezone.now() - timedelta(days=1),
    )
    client.force_login(learner)
    take(client, best)  # 100
    take(client, best, pick=wrong_answer)  # 0
    take(client, last)  # 100
    take(client, last, pick=wrong_answer)  # 0, the last one
    client.force_login(other)
    client.get(reverse("workshops:take", args=[best.pk]))  # opened, not sent
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    # Columns come by deadline: the late one first.
    late_cell, best_cell, last_cell = cells(row_of(html, "Léa Roux"))
    assert texts(best_cell) == ["100", "%", "réussi", "·", "2", "tentatives", "sur", "3"]
    assert texts(last_cell) == ["0", "%", "non", "réussi", "·", "2", "tentatives"]
    assert texts(late_cell) == ["en", "retard"]
    assert [texts(cell) for cell in cells(row_of(html, "Omar Diallo"))] == [
        ["en", "retard"],
        ["en", "cours"],
        ["pas", "commencé"],
    ]
    best_attempt = Attempt.objects.filter(assignment_link__assignment=best).get(score=100)
    last_attempt = Attempt.objects.filter(assignment_link__assignment=last).get(score=0)
    # Each score opens its attempt, at an address relative to the results page.
    assert f'href="{best_attempt.pk}/"' in best_cell and f'href="{last_attempt.pk}/"' in last_cell
    results_url = reverse("workshops:results", args=[workshop.pk])
    assert reverse("workshops:learner_attempt", args=[workshop.pk, best_attempt.pk]) == (
        f"{results_url}{best_attempt.pk}/"
    )
    # Counted as attempts were recorded, as a recount from the attempts finds it.
    counted = list(AssignmentProgress.objects.order_by("pk").values_list())
    AssignmentProgress.recount(workshop.assignments.all())
    assert list(AssignmentProgress.objects.order_by("pk").values_list()) == counted
    progress = AssignmentProgress.objects.get(assignment=last, user=learner)
    assert (progress.attempt_count, progress.best_score, progress.last_score) == (2, 100, 0)


def test_results_show_the_class_average_median_and_pass_count(client, people, django_user_model):
    learners = [people["learner"], people["other_learner"]] + [
        make_user(django_user_model, f"l{i}@test.fr", first_name=f"L{i}", last_name="Test")
        for i in range(2)
    ]
    workshop, assignment = make_workshop(people["trainer"], learners)
    quiz_size = len(assignment.quiz.available_questions())
    # Scores 100, 0 and one right answer of the quiz; the fourth learner sends nothing.
    for learner, right in zip(learners[:3], [quiz_size, 0, 1], strict=True):
        client.force_login(learner)
        counter = iter(range(quiz_size))
        take(
            client,
            assignment,
            pick=lambda q, c=counter, n=right: right_answer(q) if next(c) < n else wrong_answer(q),
        )
    scores = sorted(Attempt.objects.values_list("score", flat=True))
    one = round(100 / quiz_size)
    assert scores == [0, one, 100]
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    footer = html[html.index("<tfoot>") : html.index("</tfoot>")]
    rows = {
        name: [" ".join(texts(cell)) for cell in cells(row)]
        for name, row in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', footer, re.S)
    }
    mean = round((100 + one) / 3, 1)
    assert rows["Moyenne"] == [f"{mean:g} %".replace(".", ",")]
    assert rows["Médiane"] == [f"{one} %"]
    assert rows["Ont rendu"] == ["3 sur 4"]
    assert rows["Ont réussi"] == ["1 sur 3"]


def test_no_row_of_the_results_is_an_email_or_an_empty_name(client, people, django_user_model):
    nameless = make_user(django_user_model, "sans-nom@test.fr")
    workshop, _ = make_workshop(people["trainer"], [people["learner"], nameless])
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    names = re.findall(r'<th scope="row">(.*?)</th>', html[: html.index("<tfoot>")])
    assert sorted(names) == ["Léa Roux", "Participant sans nom"]


def test_the_kept_results_table_shows_every_change_at_once(client, people):
    """The table's HTML is kept between requests, and no change is missed, not even one made
    without signals or by the mere passing of time."""
    learner, other, trainer = people["learner"], people["other_learner"], people["trainer"]
    workshop, assignment = make_workshop(trainer, [learner, other])
    url = reverse("workshops:results", args=[workshop.pk])

    def first_cell(name):
        client.force_login(trainer)
        html = client.get(url).content.decode()
        return html, texts(cells(row_of(html, name))[0]) if f">{name}<" in html else None

    html, cell = first_cell("Léa Roux")
    assert cell == ["pas", "commencé"]
    kept = cache.get(kept_table.cache_key(workshop))
    assert kept is not None
    assert first_cell("Léa Roux")[0] == html  # served from what was kept
    assert cache.get(kept_table.cache_key(workshop)) == kept

    client.force_login(learner)
    take(client, assignment)
    assert first_cell("Léa Roux")[1][:4] == ["100", "%", "réussi", "·"]
    # Changes that no signal announces.
    get_user_model().objects.filter(pk=learner.pk).update(first_name="Léna")
    assert first_cell("Léna Roux")[1][:2] == ["100", "%"]
    Quiz.objects.filter(pk=assignment.quiz_id).update(title="Quiz renommé")
    assert ">Quiz renommé</a>" in first_cell("Léna Roux")[0]
    # The deadline passes while nothing in the database changes.
    assert first_cell("Omar Diallo")[1] == ["pas", "commencé"]
    later = assignment.due_at + timedelta(minutes=1)
    with at(later):
        assert first_cell("Omar Diallo")[1] == ["en", "retard"]
    Membership.objects.filter(user=other).delete()
    assert first_cell("Omar Diallo")[1] is None


def test_a_kept_table_is_not_read_by_a_new_version_of_the_translations(tmp_path, settings):
    from workshops.kept_table import _table_code

    catalogue = tmp_path / "fr" / "LC_MESSAGES" / "django.mo"
    catalogue.parent.mkdir(parents=True)
    settings.LOCALE_PATHS = [tmp_path]
    catalogue.write_bytes(b"ancienne traduction")
    before = _table_code()
    catalogue.write_bytes(b"nouvelle traduction")
    assert _table_code() != before


def test_a_kept_table_s_version_covers_every_module_whose_code_builds_it(client, people):
    """A kept table is read again only by the code that built it: every module of the project
    that runs while a table is built is in the version the table is kept under."""
    workshop, assignment = make_workshop(
        people["trainer"], [people["learner"], people["other_learner"]]
    )
    client.force_login(people["learner"])
    take(client, assignment)
    ran = set()

    def profile(frame, event, _arg):
        if event == "call":
            ran.add(Path(frame.f_code.co_filename))

    sys.setprofile(profile)
    try:
        kept_table.results_table(workshop)
    finally:
        sys.setprofile(None)
    root = Path(kept_table.__file__).resolve().parent.parent
    ours = {path for path in ran if path.is_relative_to(root) and ".venv" not in path.parts}
    assert Path(results.__file__) in ours  # the table was built, not read from the cache
    hashed = {Path(kept_table.__file__)} | {Path(m.__file__) for m in kept_table.TABLE_MODULES}
    assert ours <= hashed, ours - hashed


def test_trainer_opens_a_learners_attempt_read_only_with_the_right_answers(client, people, setting):
    assignment = setting["assignment"]
    client.force_login(people["learner"])
    take(client, assignment, pick=wrong_answer)
    attempt = Attempt.objects.get()
    client.force_login(people["trainer"])
    url = reverse("workshops:learner_attempt", args=[assignment.workshop_id, attempt.pk])
    html = client.get(url).content.decode()
    assert "Tentative de Léa Roux" in html
    assert '<h2 id="score-title" class="score__value">0\u00a0%</h2>' in html
    assert html.count("Sa réponse") == attempt.question_count
    # "Les bonnes réponses" for the question with several.
    right = html.count("La bonne réponse") + html.count("Les bonnes réponses")
    assert right == attempt.question_count
    assert "<form" not in html[html.index("<main") :]  # read-only
    for question in attempt.questions:
        assert typeset(question["explanation"]).replace("'", "&#x27;") in html
    # Another trainer's attempt, or one of a learner who left, is not found.
    other_url = reverse("workshops:learner_attempt", args=[assignment.workshop_id, attempt.pk + 1])
    assert client.get(other_url).status_code == 404
    elsewhere = reverse("workshops:learner_attempt", args=[setting["other"].pk, attempt.pk])
    assert client.get(elsewhere).status_code == 404
    Membership.objects.filter(user=people["learner"]).delete()
    assert client.get(url).status_code == 404


def test_per_question_page_shows_the_right_answer_and_the_answer_spread(client, people):
    learners = [people["learner"], people["other_learner"]]
    _workshop, assignment = make_workshop(people["trainer"], learners)
    client.force_login(learners[0])
    take(client, assignment)  # all right
    client.force_login(learners[1])
    take(client, assignment, pick=wrong_answer)  # all wrong
    quiz = assignment.quiz
    single = next(child for child in quiz.questions if child.block_type == "single")
    choices = single.value["choices"]
    right = next(choice["text"] for choice in choices if choice["correct"])
    wrong = next(choice["text"] for choice in choices if not choice["correct"])
    untouched = [
        choice["text"] for choice in choices if not choice["correct"] and choice["text"] != wrong
    ]
    # As the page prints them (typeset).
    right, wrong = right.replace("'", "’"), wrong.replace("'", "’")
    untouched = [text.replace("'", "’") for text in untouched]
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:assignment_detail", args=[assignment.pk])).content
    html = html.decode()
    text = single.value["text"].replace("'", "’")  # typeset
    start = html.index(text, html.index('class="section question-report"'))
    section = html[start : html.index("</section>", start)]
    assert "Bonne réponse" in section and right in section
    assert "50 % (1 sur 2)" in section.replace("\u00a0", " ")
    table = section[section.index("<tbody>") : section.index("</tbody>")]
    spread = {
        " ".join(texts(label)): " ".join(texts(count))
        for label, count in re.findall(r'<th scope="row">(.*?)</th>\s*<td>(.*?)</td>', table, re.S)
    }
    assert spread[f"{right} (bonne réponse)"] == "1"
    assert spread[wrong] == "1"
    assert all(spread[text] == "0" for text in untouched)
    assert '<svg class="chart__svg"' in section
    assert f'href="{quiz.lesson.url}#' in section
    assert "Répartition des scores" in html and "À reprendre en priorité" in html


def test_a_learner_removed_from_the_workshop_leaves_every_figure(client, people):
    learners = [people["learner"], people["other_learner"]]
    workshop, assignment = make_workshop(people["trainer"], learners)
    client.force_login(learners[0])
    take(client, assignment)  # 100
    client.force_login(learners[1])
    take(client, assignment, pick=wrong_answer)  # 0
    client.force_login(people["trainer"])
    client.post(reverse("workshops:remove_member", args=[workshop.pk, learners[1].pk]))
    results = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    assert "Omar" not in results
    footer = results[results.index("<tfoot>") :].replace("\u00a0", " ")
    assert "<td>100 %</td>" in footer and "<td>50 %</td>" not in footer
    detail = client.get(reverse("workshops:assignment_detail", args=[assignment.pk]))
    html = detail.content.decode().replace("\u00a0", " ")
    assert "(1 sur 1)" in html and "sur 2" not in html
    chart = detail.context["chart"]
    assert [bar.item.value for row in chart.rows for bar in row.bars] == [0, 0, 0, 0, 1]
    assert all(report.total == 1 and report.rate == 100 for report in detail.context["reports"])


def test_csv_export_opens_in_french_excel_and_neutralises_formulas(
    client, django_user_model, people
):
    evil = make_user(django_user_model, "evil@test.fr", first_name='=HYPERLINK("http://x","y")')
    names = {
        "plus@test.fr": ("+33 6 00", "@moi"),
        "minus@test.fr": ("-2+3", "Moins"),
        "at@test.fr": ("@SUM(A1)", "Arobase"),
    }
    others = [
        make_user(django_user_model, email, first_name=first, last_name=last)
        for email, (first, last) in names.items()
    ]
    workshop, assignment = make_workshop(
        people["trainer"], [evil, *others, people["learner"]], max_attempts=2
    )
    client.force_login(people["learner"])
    take(client, assignment)
    client.force_login(people["trainer"])
    response = client.get(reverse("workshops:export", args=[workshop.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    title = assignment.quiz.title
    assert rows[0] == [
        "Nom",
        "E-mail",
        f"{title} — score (%)",
        f"{title} — réussite",
        f"{title} — état",
        f"{title} — tentatives",
        f"{title} — envoyé le",
    ]
    by_email = {row[1]: row for row in rows[1:]}
    assert by_email["evil@test.fr"][0] == '\'=HYPERLINK("http://x","y")'
    assert by_email["plus@test.fr"][0] == "'+33 6 00 @moi"
    assert by_email["minus@test.fr"][0] == "'-2+3 Moins"
    assert by_email["at@test.fr"][0] == "'@SUM(A1) Arobase"
    attempt = Attempt.objects.get()
    sent = local(attempt.submitted_at).strftime("%Y-%m-%d %H:%M")
    assert by_email["lea@test.fr"][2:] == ["100", "oui", "fait", "1", sent]
    assert by_email["at@test.fr"][2:] == ["", "", "pas commencé", "0", ""]


def group_with_attempts(learners, assignments, name):
    """A workshop where every learner sent one attempt to its first assigned quiz."""
    workshop, trainer, users, created = build_large_group(learners, assignments, name=name)
    attempts = Attempt.objects.bulk_create(
        Attempt(
            quiz=created[0].quiz,
            quiz_title="Q",
            user=user,
            questions=[],
            correct_count=1,
            question_count=1,
            score=100,
            started_at=timezone.now(),
        )
        for user in users
    )
    AssignedAttempt.objects.bulk_create(
        AssignedAttempt(assignment=created[0], attempt=attempt, user=attempt.user)
        for attempt in attempts
    )
    AssignmentProgress.recount(created)
    return workshop, trainer


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Léa = 1", "Léa = 1"),
        (42, "42"),
        (None, ""),
    ],
)
def test_every_formula_prefix_is_neutralised(value, written):
    assert safe_cell(value) == written


def test_results_and_export_run_a_fixed_number_of_queries(client):
    small_group = group_with_attempts(learners=20, assignments=3, name="Petit groupe")
    large_group = group_with_attempts(learners=200, assignments=10, name="Grand groupe")
    counts = {}
    for size, (workshop, trainer) in (("small", small_group), ("large", large_group)):
        client.force_login(trainer)
        for name in ("results", "export"):
            url = reverse(f"workshops:{name}", args=[workshop.pk])
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            counts[size, name] = len(queries)
        assert response.content.decode("utf-8-sig").count("100") >= 20
    for name in ("results", "export"):
        assert counts["large", name] == counts["small", name], counts


def test_demo_group_command_builds_learners_assignments_and_attempts(client):
    from django.core.management import call_command

    call_command("build_demo_group", learners=12, assignments=3, attempts=30, verbosity=0)
    workshop = Workshop.objects.get(name="Groupe de démonstration (12 apprenants)")
    assert workshop.members.count() == 12 and workshop.assignments.count() == 3
    assert AssignedAttempt.objects.filter(assignment__workshop=workshop).count() == 30
    client.force_login(workshop.trainers.get())
    html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    assert len(re.findall(r'<td class="result (?:passed|failed)"><a href="\d+/">', html)) == 30
    assert "Participant sans nom" not in html
