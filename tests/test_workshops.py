"""Trainers' workshops: who sees what, joining, and assignments enforced by the server's clock."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from attendance.services import personal_link_token
from attestations.services import issue
from attestations.tasks import documents_zip
from jobs.background import start
from quizzes.models import Attempt
from tests.account_helpers import sign_up_and_activate
from tests.quiz_helpers import answers
from tests.workshop_helpers import (
    PASSWORD,
    held_session,
    make_user,
    make_workshop,
    open_assignment,
    take,
)
from workshops.models import AssignedAttempt, Assignment, Membership, Workshop

pytestmark = pytest.mark.django_db


# The access matrix: URL × role -> status. 404 where one may not know the object exists.

ROLES = ["anonymous", "learner", "other_learner", "trainer", "other_trainer", "editor"]
TRAINER_ONLY = [302, 403, 403, 200, 200, 403]
TRAINER_OF_IT = [302, 403, 403, 200, 404, 403]
TRAINER_OF_IT_POST = [302, 403, 403, 302, 404, 403]
MEMBER_OF_IT = [302, 200, 404, 404, 404, 404]
SIGNED_IN = [302, 200, 200, 200, 200, 200]
OWNER_ONLY = [302, 404, 404, 200, 404, 404]  # the trainer started it


def matrix(setting, people, attempt, sheet, attestation, job):
    w, a = setting["workshop"].pk, setting["assignment"].pk
    learner = people["learner"].pk
    h, token = sheet.pk, attestation.token
    presence = sheet.presences.get().pk
    link = personal_link_token(sheet, people["learner"].pk)
    return [
        ("get", reverse("workshops:dashboard"), TRAINER_ONLY),
        ("get", reverse("workshops:create"), TRAINER_ONLY),
        ("get", reverse("workshops:detail", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:edit", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:results", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:export", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:create_assignment", args=[w]), TRAINER_OF_IT),
        ("get", reverse("workshops:edit_assignment", args=[a]), TRAINER_OF_IT),
        ("get", reverse("workshops:delete_assignment", args=[a]), TRAINER_OF_IT),
        ("get", reverse("workshops:assignment_detail", args=[a]), TRAINER_OF_IT),
        ("get", reverse("workshops:learner_attempt", args=[w, attempt.pk]), TRAINER_OF_IT),
        ("post", reverse("workshops:add_trainer", args=[w]), TRAINER_OF_IT_POST),
        ("post", reverse("workshops:archive", args=[w]), TRAINER_OF_IT_POST),
        ("post", reverse("workshops:remove_member", args=[w, learner]), TRAINER_OF_IT_POST),
        ("get", reverse("workshops:my_workshop", args=[w]), MEMBER_OF_IT),
        ("get", reverse("workshops:take", args=[a]), MEMBER_OF_IT),
        ("post", reverse("workshops:submit", args=[a]), [302, 400, 404, 404, 404, 404]),
        ("get", reverse("workshops:result", args=[a, attempt.token]), MEMBER_OF_IT),
        ("get", attempt.get_absolute_url(), [404, 200, 404, 404, 404, 404]),
        ("get", reverse("accounts:my_data"), SIGNED_IN),
        ("get", reverse("accounts:my_data_download"), SIGNED_IN),
        ("get", reverse("accounts:space"), SIGNED_IN),
        ("get", reverse("workshops:join"), SIGNED_IN),
        # Attendance
        ("get", reverse("attendance:sign_list"), SIGNED_IN),
        ("get", reverse("attendance:sign_sheet", args=[h]), MEMBER_OF_IT),
        ("post", reverse("attendance:sign_sheet", args=[h]), [302, 200, 404, 404, 404, 404]),
        # The personal link is the learner's identity: nobody signed in as another uses it.
        ("get", reverse("attendance:sign_by_link", args=[link]), [200, 200, 403, 403, 403, 403]),
        ("get", reverse("attendance:sheet", args=[w]), TRAINER_OF_IT),
        ("get", reverse("attendance:sheet_pdf", args=[w]), TRAINER_OF_IT),
        ("get", reverse("attendance:projector", args=[h]), TRAINER_OF_IT),
        ("get", reverse("attendance:projector_state", args=[h]), TRAINER_OF_IT),
        ("post", reverse("attendance:send_links", args=[sheet.session_id]), TRAINER_OF_IT_POST),
        (
            "post",
            reverse("attendance:send_link", args=[sheet.session_id, learner]),
            TRAINER_OF_IT_POST,
        ),
        ("get", reverse("attendance:proof_file", args=[h]), TRAINER_OF_IT),
        ("post", reverse("attendance:absent", args=[h, learner]), TRAINER_OF_IT_POST),
        ("post", reverse("attendance:allow_late", args=[h, learner]), TRAINER_OF_IT_POST),
        ("post", reverse("attendance:countersign", args=[h]), TRAINER_OF_IT_POST),
        ("post", reverse("attendance:contest", args=[presence]), TRAINER_OF_IT_POST),
        # Attestations
        ("get", reverse("attestations:workshop", args=[w]), TRAINER_OF_IT),
        ("post", reverse("attestations:prepare_documents", args=[w]), TRAINER_OF_IT_POST),
        ("post", reverse("attestations:prepare_report", args=[w]), TRAINER_OF_IT_POST),
        # A job's pages: only for whoever started it.
        ("get", reverse("jobs:detail", args=[job.pk]), OWNER_ONLY),
        ("get", reverse("jobs:state", args=[job.pk]), OWNER_ONLY),
        ("get", reverse("jobs:download", args=[job.pk]), OWNER_ONLY),
        ("post", reverse("jobs:retry", args=[job.pk]), [302, 404, 404, 302, 404, 404]),
        ("get", attestation.get_download_url(), [302, 200, 404, 200, 404, 404]),
        ("get", attestation.get_download_url("certificat"), [302, 200, 404, 200, 404, 404]),
        ("get", attestation.get_verify_url(), [200] * 6),
        ("get", reverse("attestations:revoke", args=[token]), TRAINER_OF_IT),
        ("post", reverse("attestations:revoke", args=[token]), TRAINER_OF_IT),  # no reason
        ("get", reverse("attestations:reissue", args=[token]), TRAINER_OF_IT),
        ("get", reverse("attestations:reissue_all", args=[w]), TRAINER_OF_IT),
        (
            "get",
            reverse("attestations:issue_without_attendance", args=[w, learner]),
            TRAINER_OF_IT,
        ),
        ("post", reverse("attestations:issue", args=[w]), TRAINER_OF_IT_POST),
    ]


def test_access_matrix(client, people, setting):
    client.force_login(people["learner"])
    take(client, setting["assignment"])
    attempt = Attempt.objects.get()
    client.logout()
    sheet = held_session(
        setting["workshop"],
        people["trainer"],
        [people["learner"]],
        timezone.localdate() - timedelta(days=1),
        countersigned=False,
    )
    (attestation,) = issue(setting["workshop"], [people["learner"]], people["trainer"])
    job = start(
        documents_zip,
        title="ZIP",
        owner=people["trainer"],
        workshop_id=setting["workshop"].pk,
    )
    failures = []
    for method, url, expected in matrix(setting, people, attempt, sheet, attestation, job):
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


def test_the_trainer_s_pages_give_each_id_once(client, people, setting):
    """The workshop's page holds two forms with an e-mail field (invite a learner, add a
    co-trainer): a label must lead to its own field (W3C and pa11y refused a duplicate id)."""
    import re
    from collections import Counter

    client.force_login(people["trainer"])
    workshop = setting["workshop"]
    for url in (
        reverse("workshops:detail", args=[workshop.pk]),
        reverse("attendance:sheet", args=[workshop.pk]),
    ):
        ids = Counter(re.findall(r'\sid="([^"]+)"', client.get(url).content.decode()))
        assert [name for name, count in ids.items() if count > 1] == [], url


def test_dashboard_lists_only_the_trainers_own_workshops_and_codes(client, people, setting):
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:dashboard")).content.decode()
    assert setting["workshop"].name in html and setting["workshop"].join_code in html
    assert setting["other"].name not in html and setting["other"].join_code not in html


def test_trainer_pages_follow_the_trainers_group_at_the_next_request(client, people):
    trainer = people["trainer"]
    client.force_login(trainer)
    page = client.get(reverse("workshops:dashboard"))
    assert page.status_code == 200 and "Mes ateliers" in page.content.decode()
    trainer.groups.clear()
    assert client.get(reverse("workshops:dashboard")).status_code == 403
    assert "Mes ateliers" not in client.get("/").content.decode()


def test_trainers_and_editors_get_no_rights_over_users_in_the_admin(client, people):
    client.force_login(people["trainer"])
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    client.force_login(people["editor"])
    response = client.get("/admin/users/")
    assert response.status_code == 302 and not response.url.startswith("/admin/users/")
    assert client.get("/admin/").status_code == 200


# Signing in.


@pytest.mark.parametrize(
    ("role", "landing"), [("trainer", "/ateliers/"), ("learner", "/compte/mon-espace/")]
)
def test_trainers_land_on_their_workshops_after_signing_in(client, people, role, landing):
    response = client.post(
        reverse("accounts:login"), {"username": people[role].email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == landing


def test_signing_in_still_goes_where_next_says(client, people):
    response = client.post(
        reverse("accounts:login") + "?next=/cours/",
        {"username": people["trainer"].email, "password": PASSWORD, "next": "/cours/"},
    )
    assert response.url == "/cours/"


# Learners join.


def test_learner_joins_with_the_code(client, people, setting):
    workshop = setting["workshop"]
    newcomer = people["other_learner"]
    client.force_login(newcomer)
    response = client.post(reverse("workshops:join"), {"code": workshop.join_code.lower()})
    assert response.url == reverse("workshops:my_workshop", args=[workshop.pk])
    # A request: the trainer admits them to the roster (tests/test_roster.py).
    assert workshop.join_requests.filter(user=newcomer).exists()
    assert not workshop.members.filter(pk=newcomer.pk).exists()
    html = client.get(response.url).content.decode()
    assert "Demande envoyée" in html and setting["quiz"].title not in html
    client.force_login(people["trainer"])
    client.post(reverse("workshops:join_requests", args=[workshop.pk]), {"request": "all"})
    client.force_login(newcomer)
    assert setting["quiz"].title in client.get(response.url).content.decode()


def test_joining_asks_for_the_name_the_trainer_will_see(client, django_user_model, setting):
    workshop = setting["workshop"]
    nameless = make_user(django_user_model, "anonyme@test.fr")
    client.force_login(nameless)
    response = client.post(reverse("workshops:join"), {"code": workshop.join_code})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Prénom" in html and "Votre formateur verra ce nom" in html
    assert not workshop.members.filter(pk=nameless.pk).exists()
    response = client.post(
        reverse("workshops:join"),
        {"code": workshop.join_code, "first_name": " Nadia ", "last_name": "Benali"},
    )
    assert response.url == reverse("workshops:my_workshop", args=[workshop.pk])
    nameless.refresh_from_db()
    assert (nameless.first_name, nameless.last_name) == ("Nadia", "Benali")
    assert workshop.join_requests.filter(user=nameless).exists()


def test_a_learner_with_a_name_joins_without_being_asked(client, people, setting):
    client.force_login(people["other_learner"])
    link = setting["workshop"].get_join_url()
    assert "Prénom" not in client.get(link).content.decode()
    assert client.post(link).status_code == 302
    assert setting["workshop"].join_requests.filter(user=people["other_learner"]).exists()


def test_unknown_code_gets_a_clear_message(client, people):
    client.force_login(people["learner"])
    response = client.post(reverse("workshops:join"), {"code": "ZZZZZZZZ"})
    assert "Ce code ne correspond à aucun atelier ouvert." in response.content.decode()
    assert not Membership.objects.filter(user=people["learner"]).exists()


def test_join_link_sends_newcomers_through_sign_up_and_back(client, setting):
    workshop = setting["workshop"]
    link = workshop.get_join_url()
    html = client.get(link).content.decode()
    assert f"/compte/inscription/?next={link}" in html
    response = sign_up_and_activate(client, "nina@test.fr", next_url=link)
    assert response.url == link
    html = client.get(link).content.decode()
    assert "Demander à rejoindre l’atelier" in html and "Prénom" in html
    assert client.post(link).status_code == 200  # the name is missing
    assert not workshop.members.filter(email="nina@test.fr").exists()
    response = client.post(link, {"first_name": "Nina", "last_name": "Garcia"})
    assert response.url == reverse("workshops:my_workshop", args=[workshop.pk])
    assert workshop.join_requests.filter(
        user__email="nina@test.fr", user__last_name="Garcia"
    ).exists()


def test_a_member_without_a_name_is_asked_for_it_on_the_workshop_page(
    client, django_user_model, setting
):
    workshop = setting["workshop"]
    member = make_user(django_user_model, "ancien@test.fr")
    Membership.objects.create(workshop=workshop, user=member)
    client.force_login(member)
    url = reverse("workshops:my_workshop", args=[workshop.pk])
    assert "Votre nom pour le formateur" in client.get(url).content.decode()
    client.post(url, {"first_name": "Paul", "last_name": "Martin"})
    member.refresh_from_db()
    assert member.get_full_name() == "Paul Martin"
    assert "Votre nom pour le formateur" not in client.get(url).content.decode()


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
    assert_refused(response, "Ce quiz n’est pas encore ouvert")
    assert not Attempt.objects.exists()


def test_submission_after_the_deadline_is_refused_and_nothing_saved(client, people, setting):
    client.force_login(people["learner"])
    assignment = setting["assignment"]
    form, token = open_assignment(client, assignment)
    Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(minutes=1))
    response = client.post(reverse("workshops:submit", args=[assignment.pk]), answers(form, token))
    assert_refused(response, "La date limite est passée")
    assert not Attempt.objects.exists() and not AssignedAttempt.objects.exists()


def test_submission_over_the_limit_is_refused(client, people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]], max_attempts=1)
    client.force_login(people["learner"])
    first = open_assignment(client, assignment)
    take(client, assignment)
    assert Attempt.objects.count() == 1
    # A second form opened before the first submission is refused too.
    response = client.post(reverse("workshops:submit", args=[assignment.pk]), answers(*first))
    assert_refused(response, "Vous avez utilisé la tentative autorisée pour ce quiz.")
    assert_refused(client.get(reverse("workshops:take", args=[assignment.pk])), "tentative")
    assert Attempt.objects.count() == 1


def test_public_quiz_token_cannot_be_used_for_an_assignment(client, people, setting):
    client.force_login(people["learner"])
    response = client.get(reverse("quizzes:detail", args=[setting["quiz"].slug]))
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
    assert "Revoir la leçon" not in html and "La bonne réponse" not in html
    Attempt.objects.update(reveal_after=timezone.now() - timedelta(seconds=1))
    html = client.get(url).content.decode()
    assert "Revoir la leçon" in html and "La bonne réponse" in html


def test_learner_space_lists_assigned_quizzes_with_deadline_and_status(client, people, setting):
    client.force_login(people["learner"])
    html = client.get(reverse("accounts:space")).content.decode()
    todo = html[html.index("Assignés par mes formateurs") :]
    assert setting["quiz"].title in todo and "à rendre avant le" in todo
    assert "à faire" in todo


# Data rights.


def test_learner_downloads_all_their_data(client, people, setting):
    client.force_login(people["learner"])
    lesson = setting["quiz"].lesson
    client.post(reverse("lessons:read", args=[lesson.pk]))  # read to its end
    take(client, setting["assignment"])
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert reverse("accounts:my_data_download") in page
    response = client.get(reverse("accounts:my_data_download"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["compte"]["email"] == "lea@test.fr"
    assert data["lecons_lues"][0]["lecon"] == lesson.title
    attempt = data["tentatives"][0]
    assert attempt["score"] == 100 and attempt["correction_visible_le"] is None
    assert all("is_correct" in question for question in attempt["questions"])
    assert data["ateliers"][0]["atelier"] == setting["workshop"].name


def test_data_download_holds_back_a_correction_until_its_date(client, people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]], reveal="deadline")
    client.force_login(people["learner"])
    take(client, assignment)
    exported = client.get(reverse("accounts:my_data_download")).content.decode()
    data = json.loads(exported)["tentatives"][0]
    assert data["score"] == 100 and data["correction_visible_le"]
    hidden = {"is_correct", "correct", "explanation", "answer", "answer_display", "feedback"}
    for question in data["questions"]:
        assert question["given"] and question["text"]
        assert not hidden & set(question), question
        for choice in question.get("choices", []):
            assert set(choice) == {"id", "text"}
    quiz = assignment.quiz
    for child in quiz.questions:
        assert strip_tags(child.value["explanation"].source)[:40] not in exported
    # Once the date has passed, the whole correction is there.
    Attempt.objects.update(reveal_after=timezone.now() - timedelta(seconds=1))
    data = json.loads(client.get(reverse("accounts:my_data_download")).content)["tentatives"][0]
    assert all(
        "is_correct" in question and question["explanation"] for question in data["questions"]
    )


def test_deleted_account_leaves_its_workshop_attempt_without_account_or_name(
    client, people, setting
):
    """Its attempt is the workshop's evidence (tests/test_retention.py): it stays, pseudonymised;
    the results table names no one who left."""
    learner = people["learner"]
    client.force_login(learner)
    take(client, setting["assignment"])
    response = client.post(reverse("accounts:delete"), {"password": "mauvais"})
    assert "Mot de passe incorrect" in response.content.decode()
    assert Attempt.objects.count() == 1
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert not type(learner).objects.filter(pk=learner.pk).exists()
    assert Attempt.objects.get().user is None
    assert AssignedAttempt.objects.get().former_user_id == learner.pk
    client.force_login(people["trainer"])
    html = client.get(reverse("workshops:results", args=[setting["workshop"].pk])).content
    assert b"lea@test.fr" not in html and "Léa".encode() not in html


def test_a_workshop_whose_only_trainer_leaves_is_archived(client, people, setting):
    trainer = people["trainer"]
    shared, _ = make_workshop(trainer, [])
    shared.trainers.add(people["other_trainer"])
    client.force_login(trainer)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    alone = Workshop.objects.get(pk=setting["workshop"].pk)
    assert alone.archived and not alone.trainers.exists()
    assert not Workshop.objects.get(pk=shared.pk).archived  # its co-trainer runs it
    assert not Workshop.objects.get(pk=setting["other"].pk).archived
    client.force_login(people["other_learner"])
    assert client.get(alone.get_join_url()).status_code == 404
    response = client.post(reverse("workshops:join"), {"code": alone.join_code})
    assert "Ce code ne correspond à aucun atelier ouvert." in response.content.decode()


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
