"""Trainers' workshops: access, assignments enforced by the server's clock, results, export."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Quiz
from tests.quiz_helpers import answers, wrong_answer
from workshops.models import AssignedAttempt, Assignment, AssignmentProgress, Membership, Workshop
from workshops.seed import build_large_group

pytestmark = pytest.mark.django_db

QUIZ = "quiz-fideliser-ses-clients"


def make_user(django_user_model, email, group=None, **fields):
    user = django_user_model.objects.create_user(email=email, password="Mot-de-passe-42", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(django_user_model, editor):
    return {
        "learner": make_user(django_user_model, "lea@test.fr", first_name="Léa"),
        "other_learner": make_user(django_user_model, "omar@test.fr"),
        "trainer": make_user(django_user_model, "tina@test.fr", "Trainers"),
        "other_trainer": make_user(django_user_model, "theo@test.fr", "Trainers"),
        "editor": editor,
    }


def make_workshop(trainer, members, **assignment_fields):
    workshop = Workshop.objects.create(name=f"Atelier de {trainer.email}")
    workshop.trainers.add(trainer)
    for member in members:
        Membership.objects.create(workshop=workshop, user=member)
    now = timezone.now()
    fields = {"opens_at": now - timedelta(hours=1), "due_at": now + timedelta(days=7)}
    fields.update(assignment_fields)
    assignment = Assignment.objects.create(
        workshop=workshop, quiz=Quiz.objects.get(slug=QUIZ), **fields
    )
    return workshop, assignment


@pytest.fixture
def setting(people):
    workshop, assignment = make_workshop(people["trainer"], [people["learner"]])
    other, _ = make_workshop(people["other_trainer"], [people["other_learner"]])
    return {"workshop": workshop, "assignment": assignment, "other": other}


def take(client, assignment, pick=None):
    response = client.get(reverse("workshops:take", args=[assignment.pk]))
    assert response.status_code == 200, response.content.decode()
    form, token = response.context["form"], response.context["token"]
    data = answers(form, token, pick=pick) if pick else answers(form, token)
    return client.post(reverse("workshops:submit", args=[assignment.pk]), data)


# The access matrix: URL × role -> status. 404 where one may not know the object exists.

ROLES = ["anonymous", "learner", "other_learner", "trainer", "other_trainer", "editor"]
TRAINER_ONLY = [302, 403, 403, 200, 200, 403]
TRAINER_OF_IT = [302, 403, 403, 200, 404, 403]
TRAINER_OF_IT_POST = [302, 403, 403, 302, 404, 403]
MEMBER_OF_IT = [302, 200, 404, 404, 404, 404]


def matrix(setting, people, attempt):
    w, a = setting["workshop"].pk, setting["assignment"].pk
    learner = people["learner"].pk
    return [
        ("get", reverse("workshops:dashboard"), TRAINER_ONLY),
        ("get", reverse("workshops:create"), TRAINER_ONLY),
        ("get", reverse("workshops:detail", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:results", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:export", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:create_assignment", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:assignment_detail", args=[a]), TRAINER_OF_IT),
        ("post", reverse("workshops:add_trainer", args=[w]), TRAINER_OF_IT_POST),
        ("post", reverse("workshops:archive", args=[w]), TRAINER_OF_IT_POST),
        ("post", reverse("workshops:remove_member", args=[w, learner]), TRAINER_OF_IT_POST),
        ("get", reverse("workshops:my_workshop", args=[w]), MEMBER_OF_IT),
        ("get", reverse("workshops:take", args=[a]), MEMBER_OF_IT),
        ("post", reverse("workshops:submit", args=[a]), [302, 400, 404, 404, 404, 404]),
        ("get", attempt.get_absolute_url(), [404, 200, 404, 404, 404, 404]),
        ("get", reverse("accounts:my_data"), [302, 200, 200, 200, 200, 200]),
        ("get", reverse("accounts:space"), [302, 200, 200, 200, 200, 200]),
        ("get", reverse("workshops:join"), [302, 200, 200, 200, 200, 200]),
    ]


def test_access_matrix(client, people, setting):
    client.force_login(people["learner"])
    take(client, setting["assignment"])
    attempt = Attempt.objects.get()
    client.logout()
    failures = []
    for method, url, expected in matrix(setting, people, attempt):
        for role, status in zip(ROLES, expected, strict=True):
            client.logout()
            if role != "anonymous":
                client.force_login(people[role])
            response = getattr(client, method)(url)
            if response.status_code != status:
                failures.append(
                    f"{method.upper()} {url} as {role}: {response.status_code} != {status}"
                )
            # Undo what a permitted POST changed, so the next role sees the same state.
            if method == "post" and response.status_code == 302 and role == "trainer":
                Membership.objects.get_or_create(
                    workshop=setting["workshop"], user=people["learner"]
                )
                Workshop.objects.filter(pk=setting["workshop"].pk).update(archived=False)
    assert not failures, "\n".join(failures)


def test_trainer_pages_follow_the_trainers_group_at_the_next_request(client, people):
    trainer = people["trainer"]
    client.force_login(trainer)
    page = client.get(reverse("workshops:dashboard"))
    assert page.status_code == 200 and "Mes ateliers" in page.content.decode()
    trainer.groups.clear()
    assert client.get(reverse("workshops:dashboard")).status_code == 403
    assert "Mes ateliers" not in client.get("/cours/").content.decode()


def test_trainers_and_editors_get_no_rights_over_users_in_the_admin(client, people):
    client.force_login(people["trainer"])
    assert client.get("/admin/").status_code == 302  # no admin access at all
    client.force_login(people["editor"])
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/").status_code == 200


# Trainer space.


def test_trainer_creates_a_workshop_and_assigns_a_quiz(client, people):
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
    response = client.post(
        reverse("workshops:create_assignment", args=[workshop.pk]),
        {
            "quiz": Quiz.objects.get(slug=QUIZ).pk,
            "opens_at": "2026-12-01T09:00",
            "due_at": "2026-12-08T18:00",
            "max_attempts": "2",
            "scoring_rule": "last",
            "reveal": "deadline",
        },
    )
    assignment = workshop.assignments.get()
    assert assignment.max_attempts == 2 and assignment.reveal == "deadline"
    assert timezone.localtime(assignment.due_at).hour == 18  # Paris time


def test_assignment_dates_are_checked(client, people, setting):
    client.force_login(people["trainer"])
    response = client.post(
        reverse("workshops:create_assignment", args=[setting["workshop"].pk]),
        {
            "quiz": Quiz.objects.get(slug=QUIZ).pk,
            "opens_at": "2026-12-08T09:00",
            "due_at": "2026-12-01T18:00",
            "scoring_rule": "best",
            "reveal": "submission",
        },
    )
    assert "La date limite doit venir après l&#x27;ouverture." in response.content.decode()
    assert setting["workshop"].assignments.count() == 1


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


# Learners join.


def test_learner_joins_with_the_code(client, people, setting):
    workshop = setting["workshop"]
    newcomer = people["other_learner"]
    client.force_login(newcomer)
    response = client.post(reverse("workshops:join"), {"code": workshop.join_code.lower()})
    assert response.url == reverse("workshops:my_workshop", args=[workshop.pk])
    assert workshop.members.filter(pk=newcomer.pk).exists()
    html = client.get(response.url).content.decode()
    assert "Quiz : fidéliser ses clients" in html


def test_unknown_code_gets_a_clear_message(client, people):
    client.force_login(people["learner"])
    response = client.post(reverse("workshops:join"), {"code": "ZZZZZZZZ"})
    assert "Ce code ne correspond à aucun atelier ouvert." in response.content.decode()


def test_join_link_sends_newcomers_through_sign_up_and_back(client, setting):
    workshop = setting["workshop"]
    link = workshop.get_join_url()
    html = client.get(link).content.decode()
    assert f"/compte/inscription/?next={link}" in html
    response = client.post(
        f"/compte/inscription/?next={link}",
        {
            "email": "nina@test.fr",
            "password1": "Un-mot-de-passe-solide-42",
            "password2": "Un-mot-de-passe-solide-42",
            "next": link,
        },
    )
    assert response.url == link
    assert "Rejoindre l'atelier" in client.get(link).content.decode()
    response = client.post(link)
    assert response.url == reverse("workshops:my_workshop", args=[workshop.pk])
    assert workshop.members.filter(email="nina@test.fr").exists()


def test_archived_workshop_cannot_be_joined(client, people, setting):
    Workshop.objects.filter(pk=setting["workshop"].pk).update(archived=True)
    client.force_login(people["other_learner"])
    assert client.get(setting["workshop"].get_join_url()).status_code == 404


# The server's clock and the attempt limit.


def assert_refused(response, message):
    assert response.status_code == 403
    assert message in response.content.decode().replace("&#x27;", "'")


def test_submission_before_opening_is_refused(client, people):
    now = timezone.now()
    _, assignment = make_workshop(
        people["trainer"], [people["learner"]], opens_at=now + timedelta(days=1)
    )
    client.force_login(people["learner"])
    response = client.get(reverse("workshops:take", args=[assignment.pk]))
    assert_refused(response, "Ce quiz n'est pas encore ouvert")
    assert not Attempt.objects.exists()


def test_submission_after_the_deadline_is_refused_and_nothing_saved(client, people, setting):
    client.force_login(people["learner"])
    assignment = setting["assignment"]
    response = client.get(reverse("workshops:take", args=[assignment.pk]))
    data = answers(response.context["form"], response.context["token"])
    Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(minutes=1))
    response = client.post(reverse("workshops:submit", args=[assignment.pk]), data)
    assert_refused(response, "La date limite est passée")
    assert not Attempt.objects.exists() and not AssignedAttempt.objects.exists()


def test_submission_over_the_limit_is_refused(client, people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]], max_attempts=1)
    client.force_login(people["learner"])
    first = client.get(reverse("workshops:take", args=[assignment.pk]))
    take(client, assignment)
    assert Attempt.objects.count() == 1
    # A second form opened before the first submission is refused too.
    data = answers(first.context["form"], first.context["token"])
    response = client.post(reverse("workshops:submit", args=[assignment.pk]), data)
    assert_refused(response, "Vous avez utilisé vos 1 tentative(s) autorisée(s)")
    assert_refused(client.get(reverse("workshops:take", args=[assignment.pk])), "tentative")
    assert Attempt.objects.count() == 1


def test_public_quiz_token_cannot_be_used_for_an_assignment(client, people, setting):
    client.force_login(people["learner"])
    response = client.get(reverse("quizzes:detail", args=[QUIZ]))
    data = answers(response.context["form"], response.context["token"])
    response = client.post(reverse("workshops:submit", args=[setting["assignment"].pk]), data)
    assert response.status_code == 400
    assert not Attempt.objects.exists()


def test_correction_is_hidden_until_the_deadline_when_the_trainer_chose_so(client, people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]], reveal="deadline")
    client.force_login(people["learner"])
    url = take(client, assignment).url
    html = client.get(url).content.decode()
    assert "La correction sera visible après la date limite" in html
    assert "Revoir la leçon" not in html
    Attempt.objects.update(reveal_after=timezone.now() - timedelta(seconds=1))
    assert "Revoir la leçon" in client.get(url).content.decode()


# Results.


def test_results_table_applies_each_assignments_rule_and_status(client, people):
    learner, other = people["learner"], people["other_learner"]
    workshop, best = make_workshop(people["trainer"], [learner, other])
    now = timezone.now()
    quiz = Quiz.objects.get(slug=QUIZ)
    last = Assignment.objects.create(
        workshop=workshop,
        quiz=quiz,
        opens_at=now - timedelta(days=1),
        due_at=now + timedelta(days=1),
        scoring_rule="last",
    )
    Assignment.objects.create(  # already past its deadline: "late" for everyone
        workshop=workshop,
        quiz=quiz,
        opens_at=now - timedelta(days=2),
        due_at=now - timedelta(days=1),
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
    row = html[html.index("Léa") : html.index("</tr>", html.index("Léa"))]
    assert row.count("100 %") == 1 and "0 %" in row
    assert "en retard" in row
    other_row = html[html.index("omar@test.fr") :]
    assert "en cours" in other_row and "pas commencé" in other_row
    # Counted as attempts were recorded, as a recount from the attempts finds it.
    counted = list(AssignmentProgress.objects.order_by("pk").values_list())
    AssignmentProgress.recount(workshop.assignments.all())
    assert list(AssignmentProgress.objects.order_by("pk").values_list()) == counted
    progress = AssignmentProgress.objects.get(assignment=last, user=learner)
    assert (progress.attempt_count, progress.best_score, progress.last_score) == (2, 100, 0)


def test_per_question_rates_point_to_the_weakest_lessons(client, people, setting):
    client.force_login(people["learner"])
    take(client, setting["assignment"], pick=wrong_answer)
    client.force_login(people["trainer"])
    url = reverse("workshops:assignment_detail", args=[setting["assignment"].pk])
    html = client.get(url).content.decode()
    assert "À reprendre en priorité" in html
    assert 'href="/cours/fideliser-ses-clients/#' in html
    assert "0 %" in html
    assert '<svg class="chart__svg"' in html and "Répartition des scores" in html


def test_csv_export_opens_in_french_excel_and_neutralises_formulas(
    client, django_user_model, people
):
    evil = make_user(django_user_model, "evil@test.fr", first_name='=HYPERLINK("http://x","y")')
    plus = make_user(django_user_model, "plus@test.fr", first_name="+33 6 00", last_name="@moi")
    workshop, assignment = make_workshop(people["trainer"], [evil, plus, people["learner"]])
    client.force_login(people["learner"])
    take(client, assignment)
    client.force_login(people["trainer"])
    response = client.get(reverse("workshops:export", args=[workshop.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Nom" and "score (%)" in rows[0][2]
    names = {row[1]: row[0] for row in rows[1:]}
    assert names["evil@test.fr"] == '\'=HYPERLINK("http://x","y")'
    assert names["plus@test.fr"] == "'+33 6 00 @moi"
    lea = next(row for row in rows if row[1] == "lea@test.fr")
    assert lea[2] == "100" and lea[3] == "fait"


def test_results_and_export_run_a_fixed_number_of_queries(client):
    workshop, trainer, users, assignments = build_large_group(learners=20, assignments=3)
    small = {}
    client.force_login(trainer)
    for name in ("results", "export"):
        url = reverse(f"workshops:{name}", args=[workshop.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        small[name] = len(queries)
    workshop, trainer, users, assignments = build_large_group(
        learners=200, assignments=10, name="Grand groupe"
    )
    attempts = Attempt.objects.bulk_create(
        Attempt(
            quiz=assignments[0].quiz,
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
        AssignedAttempt(assignment=assignments[0], attempt=attempt, user=attempt.user)
        for attempt in attempts
    )
    AssignmentProgress.recount(assignments)
    client.force_login(trainer)
    for name in ("results", "export"):
        url = reverse(f"workshops:{name}", args=[workshop.pk])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(queries) == small[name], f"{name}: {len(queries)} != {small[name]}"
        assert response.content.decode("utf-8-sig").count("100") >= 200


def test_learner_space_lists_assigned_quizzes_with_deadline_and_status(client, people, setting):
    client.force_login(people["learner"])
    html = client.get(reverse("accounts:space")).content.decode()
    todo = html[html.index("Assignés par mes formateurs") :]
    assert "Quiz : fidéliser ses clients" in todo and "à rendre avant le" in todo
    assert "à faire" in todo


# Data rights.


def test_learner_downloads_all_their_data(client, people, setting):
    client.force_login(people["learner"])
    client.get("/cours/fideliser-ses-clients/")
    take(client, setting["assignment"])
    response = client.get(reverse("accounts:my_data"))
    data = json.loads(response.content)
    assert data["compte"]["email"] == "lea@test.fr"
    assert data["lecons_lues"][0]["lecon"] == "Fidéliser ses clients"
    assert data["tentatives"][0]["score"] == 100 and data["tentatives"][0]["questions"]
    assert data["ateliers"][0]["atelier"] == setting["workshop"].name


def test_deleted_account_leaves_no_attempt_anywhere(client, people, setting):
    learner = people["learner"]
    client.force_login(learner)
    take(client, setting["assignment"])
    response = client.post(reverse("accounts:delete"), {"password": "mauvais"})
    assert "Mot de passe incorrect" in response.content.decode()
    assert Attempt.objects.count() == 1
    client.post(reverse("accounts:delete"), {"password": "Mot-de-passe-42"})
    assert not type(learner).objects.filter(pk=learner.pk).exists()
    assert not Attempt.objects.exists() and not AssignedAttempt.objects.exists()
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:results", args=[setting["workshop"].pk])).content
    assert b"lea@test.fr" not in html and "Léa".encode() not in html


def test_purge_deletes_only_old_anonymous_attempts(client, people, settings):
    from django.core.management import call_command

    def attempt(user, days_old):
        made = Attempt.objects.create(
            quiz_title="Q",
            user=user,
            questions=[],
            correct_count=0,
            question_count=1,
            score=0,
            started_at=timezone.now(),
        )
        Attempt.objects.filter(pk=made.pk).update(
            submitted_at=timezone.now() - timedelta(days=days_old)
        )
        return made

    settings.ANONYMOUS_ATTEMPT_RETENTION_DAYS = 30
    old_anonymous, recent_anonymous = attempt(None, 31), attempt(None, 2)
    old_learner = attempt(people["learner"], 400)
    call_command("purge_anonymous_attempts", verbosity=0)
    remaining = set(Attempt.objects.values_list("pk", flat=True))
    assert remaining == {recent_anonymous.pk, old_learner.pk}
    assert old_anonymous.pk not in remaining


def test_privacy_page_says_what_is_kept_and_for_how_long(client):
    html = client.get("/donnees-personnelles/").content.decode()
    assert "30 jours" in html and "tant que le compte existe" in html


def test_demo_group_command_builds_learners_assignments_and_attempts(client):
    from django.core.management import call_command

    call_command("build_demo_group", learners=12, assignments=3, attempts=30, verbosity=0)
    workshop = Workshop.objects.get(name="Groupe de démonstration (12 apprenants)")
    assert workshop.members.count() == 12 and workshop.assignments.count() == 3
    assert AssignedAttempt.objects.filter(assignment__workshop=workshop).count() == 30
    client.force_login(workshop.trainers.get())
    html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    assert html.count("fait") >= 12
