"""Every time window and period of the product at its edges, with the clock fixed (tests/clock.py):
the instant before, at and after; in Paris time, in winter, in summer and on the days the hour
changes; through the pages that people use, and the purge as the product runs it."""

import importlib
import io
import re
from datetime import date, time, timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from django_tasks_db.models import DBTaskResult

from attendance import codes
from attendance.models import Presence, Sheet
from attendance.services import sheet_for
from attestations.models import Attestation
from attestations.services import issue
from convocations.models import Convocation
from jobs.models import Job
from live.models import Participant
from privacy import registry
from quizzes.models import Attempt
from recall.models import ReviewAnswer
from satisfaction.models import Summary
from tests.account_helpers import link_in_last_email, sign_up, sign_up_and_activate
from tests.clock import at, instant
from tests.factories import PASSWORD, QuizFactory, TrainerFactory, UserFactory, WorkshopFactory
from tests.live_helpers import phone, start_session
from tests.quiz_helpers import answers, wrong_answer
from tests.quiz_helpers import start as start_quiz
from tests.quiz_helpers import submit as submit_quiz
from tests.workshop_helpers import assign, held_session, open_assignment
from workshops.models import (
    AssignedAttempt,
    AssignmentProgress,
    Invitation,
    Membership,
    WorkshopSession,
)

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def page_text(response):
    return strip_tags(response.content.decode()).replace("\u00a0", " ").replace("&#x27;", "'")


@pytest.fixture
def room():
    """A trainer's workshop with three participants."""
    trainer = TrainerFactory(email="tina@test.fr", first_name="Tina", last_name="")
    learners = [
        UserFactory(email=f"{first.lower()}@test.fr", first_name=first, last_name="Roux")
        for first in ("Léa", "Omar", "Sam")
    ]
    workshop = WorkshopFactory(name="Atelier daté", trainers=[trainer], members=learners)
    return {"trainer": trainer, "learners": learners, "workshop": workshop}


# Attendance: a learner signs from 15 minutes before a session to 15 minutes after it, the
# trainer countersigns from 30 minutes before its end to 2 hours after; in Paris time.

DAYS = {
    "winter, UTC+1": "2026-01-15",
    "summer, UTC+2": "2026-07-15",
    "spring change, 02:00 becomes 03:00": "2026-03-29",
    "autumn change, 03:00 becomes 02:00": "2026-10-25",
}


def scheduled(room, day, start="09:00", end="12:30"):
    """A session of the room's programme on `day`, and its sheet."""
    session = WorkshopSession.objects.create(
        workshop=room["workshop"],
        date=date.fromisoformat(day),
        starts_at=time.fromisoformat(start),
        ends_at=time.fromisoformat(end),
        topic="Séance datée",
        room="Salle 1",
    )
    return sheet_for(session)


def signs(client, clock, learner, sheet, moment):
    """The participant signs on their phone at `moment`, with the code shown then: whether
    their signature was recorded."""
    clock.move_to(moment)
    code = codes.code_at(sheet, instant(moment))
    as_user(client, learner).post(
        reverse("attendance:sign_sheet", args=[sheet.pk]), {"confirmed": "on", "code": code}
    )
    return Presence.objects.filter(sheet=sheet, user=learner, status="signed").exists()


def sheets_to_sign(client, clock, learner, moment):
    """The sheets the participant's phone offers to sign at `moment`."""
    clock.move_to(moment)
    html = as_user(client, learner).get(reverse("attendance:sign_list")).content.decode()
    return {int(pk) for pk in re.findall(r'id="sheet-(\d+)"', html)}


@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_a_session_takes_signatures_from_its_grace_before_to_its_grace_after(
    client, clock, room, day
):
    lea, omar, sam = room["learners"]
    morning = scheduled(room, day)
    assert sheets_to_sign(client, clock, lea, f"{day} 08:44:59") == set()
    assert not signs(client, clock, lea, morning, f"{day} 08:44:59")
    assert sheets_to_sign(client, clock, lea, f"{day} 08:45") == {morning.pk}
    assert signs(client, clock, lea, morning, f"{day} 08:45")  # its first second
    assert signs(client, clock, omar, morning, f"{day} 12:45")  # its last second
    assert sheets_to_sign(client, clock, sam, f"{day} 12:45:01") == set()
    assert not signs(client, clock, sam, morning, f"{day} 12:45:01")
    signed = Presence.objects.filter(status="signed").values_list("name", "signed_at")
    assert sorted(signed) == [
        ("Léa Roux", instant(f"{day} 08:45")),
        ("Omar Roux", instant(f"{day} 12:45")),
    ]


@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_the_trainer_countersigns_at_the_session_s_end_not_before_nor_long_after(
    client, clock, room, day
):
    sheets = [scheduled(room, day) for _number in range(2)]
    sheets += [scheduled({**room, "workshop": WorkshopFactory(trainers=[room["trainer"]])}, day)]

    def countersign(sheet, moment, **late):
        clock.move_to(moment)
        response = as_user(client, room["trainer"]).post(
            reverse("attendance:countersign", args=[sheet.pk]),
            {"confirmed": "on", **late},
            follow=True,
        )
        sheet.refresh_from_db()
        return sheet.countersigned_at, page_text(response)

    when, text = countersign(sheets[0], f"{day} 11:59:59")
    assert when is None and "On contresigne à la fin de la séance, de 12:00 à 14:30" in text
    when, text = countersign(sheets[0], f"{day} 12:00")
    assert when == instant(f"{day} 12:00") and "Feuille contresignée et scellée." in text
    when, _text = countersign(sheets[1], f"{day} 14:30")
    assert when == instant(f"{day} 14:30")
    # After the window: only late, with a reason, which the sheet keeps.
    when, text = countersign(sheets[2], f"{day} 14:30:01")
    assert when is None and "La contresignature de cette séance a fermé à 14:30" in text
    when, _text = countersign(sheets[2], f"{day} 14:30:01", late_reason="Oubli")
    assert when == instant(f"{day} 14:30:01") and sheets[2].trainer_late_reason == "Oubli"
    assert not sheets[1].trainer_late_reason


def test_a_session_in_the_hour_that_autumn_repeats_lasts_its_real_length(room):
    """25 October 2026: 02:00–03:00 happens twice; Python counts wall time, so a session of
    01:30–03:30 counts 2 hours, where 3 passed. The programme's hours are wall-clock hours, as
    the learners' watches show them."""
    sheet = scheduled(room, "2026-10-25", "01:30", "03:30")
    assert sheet.session.hours() == 2
    assert str(sheet.session.start()) == "2026-10-25 01:30:00+02:00"


# Assigned quizzes: open from their opening (included) to their deadline (excluded).

DEADLINES = {
    "winter": ("2026-11-13 09:00", "2026-11-20 18:00", "20 novembre 2026 à 18:00"),
    "summer, past midnight": ("2026-06-24 09:00", "2026-07-01 00:30", "1 juillet 2026 à 00:30"),
}


def second_before(moment):
    return instant(moment) - timedelta(seconds=1)


def assigned(room, opens, due):
    return assign(room["workshop"], opens_at=instant(opens), due_at=instant(due), reveal="deadline")


def my_assigned_quizzes(client, learner):
    html = page_text(as_user(client, learner).get(reverse("accounts:space")))
    return html[html.index("Assignés par mes formateurs") : html.index("Rejoindre un atelier")]


def results_row(client, room, learner):
    html = as_user(client, room["trainer"]).get(
        reverse("workshops:results", args=[room["workshop"].pk])
    )
    row = re.search(
        rf'<th scope="row">{learner.first_name} Roux</th>(.*?)</tr>', html.content.decode()
    )
    return strip_tags(row.group(1))


@pytest.mark.parametrize("opens, due, shown", DEADLINES.values(), ids=DEADLINES.keys())
def test_an_assigned_quiz_opens_at_its_first_second(client, clock, room, opens, due, shown):
    lea = room["learners"][0]
    clock.move_to(second_before(opens))
    assignment = assigned(room, opens, due)
    response = as_user(client, lea).get(reverse("workshops:take", args=[assignment.pk]))
    assert response.status_code == 403
    assert "Ce quiz n’est pas encore ouvert : il ouvre le" in page_text(response)
    assert "pas encore ouvert" in my_assigned_quizzes(client, lea)
    clock.move_to(opens)
    assert client.get(reverse("workshops:take", args=[assignment.pk])).status_code == 200


@pytest.mark.parametrize("opens, due, shown", DEADLINES.values(), ids=DEADLINES.keys())
def test_an_assigned_quiz_takes_answers_until_the_second_before_its_deadline(
    client, clock, room, opens, due, shown
):
    lea, omar, sam = room["learners"]
    clock.move_to(opens)
    assignment = assigned(room, opens, due)
    clock.move_to(instant(due) - timedelta(hours=1))
    forms = {
        learner: open_assignment(as_user(client, learner), assignment) for learner in (lea, omar)
    }

    clock.move_to(second_before(due))
    response = as_user(client, lea).post(
        reverse("workshops:submit", args=[assignment.pk]), answers(*forms[lea])
    )
    assert response.status_code == 302
    result = response.url
    assert "La correction sera visible après la date limite" in page_text(client.get(result))
    assert "La bonne réponse" not in page_text(client.get(result))
    assert "en cours" in my_assigned_quizzes(client, omar)
    assert "à faire" in my_assigned_quizzes(client, sam)
    assert "en cours" in results_row(client, room, omar)  # the table kept in the cache, then…
    assert "pas commencé" in results_row(client, room, sam)

    clock.move_to(due)  # the deadline's exact second
    response = as_user(client, omar).post(
        reverse("workshops:submit", args=[assignment.pk]), answers(*forms[omar])
    )
    assert response.status_code == 403
    assert (
        f"La date limite est passée ({shown}) : ce quiz n’accepte plus de réponses."
        in page_text(response)
    )
    assert list(Attempt.objects.values_list("user", flat=True)) == [lea.pk]
    assert (
        as_user(client, sam).get(reverse("workshops:take", args=[assignment.pk])).status_code == 403
    )
    assert "en retard" in my_assigned_quizzes(client, omar)
    assert "en retard" in my_assigned_quizzes(client, sam)
    assert "en retard" in results_row(client, room, omar)  # …the same table, now stale
    assert "en retard" in results_row(client, room, sam)
    assert "en retard" not in results_row(client, room, lea)
    assert "La bonne réponse" in page_text(as_user(client, lea).get(result))


# Retention: each kind of record, purged as the product runs it (the daily command), is kept up
# to the end of its period and gone after it, with a record of another kind kept beside it.

MADE = "2026-02-10 10:00"  # when every record of these tests is made


def purge():
    call_command("purge_expired_data", stdout=io.StringIO())


def quiz_taken(client, quiz):
    """A public quiz taken in this browser (signed in or not): the attempt."""
    form, token = start_quiz(client, quiz.slug)
    assert submit_quiz(client, quiz.slug, answers(form, token)).status_code == 302
    return Attempt.objects.latest("pk")


def learners_attempt(client, room):
    """A signed-in learner's attempt: kept while the account exists, whatever its age."""
    return Attempt.objects.filter(
        pk=quiz_taken(as_user(client, room["learners"][0]), QuizFactory()).pk
    )


def unactivated_sign_up(client, room):
    sign_up(client, "jamais@test.fr")
    sign_up_and_activate(Client(), "active@test.fr")
    users = get_user_model().objects
    return [users.filter(email="jamais@test.fr")], [users.filter(email="active@test.fr")]


def sign_in_records(client, room):
    records = []
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        extra = {"failures_since_start": 1} if model is AccessAttempt else {}
        made = model.objects.create(
            username="lea@test.fr", ip_address="10.0.0.1", user_agent="test", path_info="/", **extra
        )
        records.append(model.objects.filter(pk=made.pk))
    return records, [learners_attempt(client, room)]


def signed_in_session(client, room):
    browser = Client()
    browser.force_login(room["learners"][1])
    session = Session.objects.filter(session_key=browser.session.session_key)
    return [session], sign_in_records(client, room)[0]


def anonymous_attempt(client, room):
    quiz = QuizFactory()
    anonymous = Attempt.objects.filter(pk=quiz_taken(Client(), quiz).pk, user=None)
    return [anonymous], [learners_attempt(client, room)]


def anonymous_review_answer(client, room):
    """A visitor missed a question the day before, and reviewed it (Revoir mes erreurs) at
    MADE: their review answer goes as their attempts do; an account's stays."""
    visitor = Client()
    quiz = QuizFactory()
    with at(instant(MADE) - timedelta(days=1)):
        form, token = start_quiz(visitor, quiz.slug)
        data = answers(form, token, pick=wrong_answer)
        assert submit_quiz(visitor, quiz.slug, data).status_code == 302
    review = visitor.get(reverse("recall:review"))
    data = answers(review.context["form"], review.context["token"])
    data["round"] = data.pop("attempt")
    assert visitor.post(reverse("recall:submit"), data).status_code == 302
    return [ReviewAnswer.objects.filter(user=None)], [learners_attempt(client, room)]


def live_guest(client, room):
    session = start_session(room["trainer"])
    phone(session, "Invité")
    phone(session, "Léa", user=room["learners"][0])
    participants = Participant.objects.filter(session=session)
    return [participants.filter(nickname="Invité")], [participants.filter(nickname="Léa")]


def background_job(client, room):
    purge()  # the purge itself is a job
    return [Job.objects.filter(created_at=instant(MADE))], [learners_attempt(client, room)]


def finished_task(client, room):
    def task_result(status, finished_at=None):
        made = DBTaskResult.objects.create(
            status=status,
            finished_at=finished_at,
            args_kwargs={"args": [], "kwargs": {}},
            task_path="accounts.tasks.purge_expired_data",
            backend_name="background",
            run_after=instant(MADE),
            exception_class_path="",
            traceback="",
        )
        return DBTaskResult.objects.filter(pk=made.pk)

    finished = [task_result(status, instant(MADE)) for status in ("SUCCESSFUL", "FAILED")]
    return finished, [task_result("READY")]  # queued, not run yet: the worker still needs it


def attendance_sheet(client, room):
    day = date.fromisoformat(MADE[:10])
    held = held_session(room["workshop"], room["trainer"], [room["learners"][0]], day)
    sheet = Sheet.objects.filter(pk=held.pk)
    return [sheet, Presence.objects.filter(sheet=held)], [learners_attempt(client, room)]


def attestation(client, room):
    (issued,) = issue(room["workshop"], [room["learners"][0]], room["trainer"])
    # The sheet of the same day, kept longer (6 years).
    day = date.fromisoformat(MADE[:10])
    sheet = Sheet.objects.filter(pk=held_session(room["workshop"], room["trainer"], [], day).pk)
    return [Attestation.objects.filter(pk=issued.pk)], [sheet]


def invitation(client, room):
    """A trainer's invitation nobody answered: its link expires, then it goes."""
    as_user(client, room["trainer"]).post(
        reverse("workshops:invite", args=[room["workshop"].pk]),
        {"first_name": "Nina", "last_name": "Garcia", "email": "nina@test.fr"},
    )
    return [Invitation.objects.filter(email="nina@test.fr")], [learners_attempt(client, room)]


def convocation(client, room):
    """The convocation sent for a workshop of MADE's year: kept with its evidence."""
    WorkshopSession.objects.create(
        workshop=room["workshop"],
        date=date.fromisoformat(MADE[:10]),
        starts_at=time(9),
        ends_at=time(12),
        room="Salle 2",
    )
    as_user(client, room["trainer"]).post(reverse("convocations:send", args=[room["workshop"].pk]))
    return [Convocation.objects.filter(workshop=room["workshop"])], [learners_attempt(client, room)]


def satisfaction_summary(client, room):
    """The summary of a workshop's satisfaction answers, kept on the trainer's request with the
    workshop's evidence (a session of MADE's day)."""
    day = date.fromisoformat(MADE[:10])
    held_session(room["workshop"], room["trainer"], [room["learners"][0]], day)
    as_user(client, room["trainer"]).post(
        reverse("satisfaction:keep_summary", args=[room["workshop"].pk])
    )
    return [Summary.objects.filter(workshop=room["workshop"])], [learners_attempt(client, room)]


def days_after(days):
    """The instant `days` days after MADE: the end of a period counted from the record's time."""
    return instant(MADE) + timedelta(days=days)


def former_members_results(client, room):
    """Léa took a quiz of a workshop that had begun, then deleted her account: her membership,
    progress and attempt stay, without her account, with the workshop's evidence."""
    lea = room["learners"][0]
    day = date.fromisoformat(MADE[:10])
    sheet = held_session(room["workshop"], room["trainer"], [lea], day)
    assignment = assign(room["workshop"])
    form, token = open_assignment(as_user(client, lea), assignment)
    client.post(reverse("workshops:submit", args=[assignment.pk]), answers(form, token))
    attempts = list(Attempt.objects.filter(user=lea).values_list("pk", flat=True))
    assert len(attempts) == 1
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    kept = {"former_user_id": lea.pk}
    return [
        Membership.objects.filter(**kept),
        AssignmentProgress.objects.filter(**kept),
        AssignedAttempt.objects.filter(**kept),
        Attempt.objects.filter(pk__in=attempts, user=None),
    ], [Presence.objects.filter(sheet=sheet, former_user_id=lea.pk)]


def end_of_year_after(years):
    """Midnight (Paris) on 1 January after 31 December of MADE's year + `years`: the end of a
    period counted in years from the end of the year of the workshop's last payment (by default
    the year of its last session, here MADE's)."""
    return instant(f"{int(MADE[:4]) + years + 1}-01-01 00:00")


# Each kind of record, how to make one (what must go at the end of its period, and a record of
# another kind beside it that must stay), and when its period ends: what the privacy page and
# the account's deletion page promise (30 days, 7 days, two weeks; for training evidence, 3 and
# 6 years after the end of the year of the last payment, as the certificate says).
RETENTION = {
    "sign-ups never activated": (unactivated_sign_up, days_after(7)),
    "sign-in records": (sign_in_records, days_after(30)),
    "expired sessions": (signed_in_session, days_after(14)),
    "anonymous quiz attempts": (anonymous_attempt, days_after(30)),
    "anonymous review answers": (anonymous_review_answer, days_after(30)),
    "live guests": (live_guest, days_after(30)),
    "background jobs": (background_job, days_after(7)),
    "finished tasks": (finished_task, days_after(7)),
    "expired invitations": (invitation, days_after(30)),
    "attestations": (attestation, end_of_year_after(3)),
    "attendance sheets": (attendance_sheet, end_of_year_after(6)),
    "workshop results of deleted accounts": (former_members_results, end_of_year_after(3)),
    "convocations": (convocation, end_of_year_after(3)),
    "satisfaction summaries": (satisfaction_summary, end_of_year_after(3)),
}


def test_each_kind_of_record_with_a_period_is_tested_here():
    assert set(RETENTION) == {entry.expiry.label for entry in registry.entries() if entry.expiry}


@pytest.mark.parametrize("kind", RETENTION)
def test_each_kind_of_record_is_kept_to_the_end_of_its_period_and_gone_after(
    client, clock, room, kind
):
    make, end = RETENTION[kind]
    clock.move_to(MADE)
    going, staying = make(client, room)
    assert all(rows.exists() for rows in [*going, *staying])
    for moment in (end - timedelta(days=1), end - timedelta(seconds=1)):
        clock.move_to(moment)
        purge()
        assert all(rows.exists() for rows in going), f"gone too early, at {moment}"
    clock.move_to(end + timedelta(seconds=1))
    purge()
    assert not any(rows.exists() for rows in going), "kept past its period"
    assert all(rows.exists() for rows in staying), "another kind went with it"


def test_a_sheet_goes_at_midnight_paris_time_on_the_first_of_january(client, clock, room):
    """Its period ends with 31 December in Paris: at 00:00 there (23:00 UTC, the day before)."""
    clock.move_to(MADE)
    (sheet, _), _ = attendance_sheet(client, room)
    end = end_of_year_after(6)
    clock.move_to(end - timedelta(seconds=1))
    purge()
    assert sheet.exists()
    clock.move_to(end)
    purge()
    assert not sheet.exists()


def test_the_year_of_the_last_payment_moves_the_end_of_the_period(client, clock, room):
    """Paid the year after its last session: kept a year longer, counted from that year's end."""
    clock.move_to(MADE)
    (attestation_rows,), (sheet,) = attestation(client, room)
    workshop = room["workshop"]
    workshop.last_payment_year = int(MADE[:4]) + 1
    workshop.save()
    clock.move_to(end_of_year_after(4) - timedelta(seconds=1))
    purge()
    assert attestation_rows.exists() and sheet.exists()
    clock.move_to(end_of_year_after(4))
    purge()
    assert not attestation_rows.exists() and sheet.exists()


def test_without_a_payment_year_the_last_session_counts_not_the_first(client, clock, room):
    """A workshop whose sessions run into the next year: counted from the end of that year."""
    clock.move_to(MADE)
    (attestation_rows,), _ = attestation(client, room)
    held_session(room["workshop"], room["trainer"], [], date(int(MADE[:4]) + 1, 1, 12))
    clock.move_to(end_of_year_after(4) - timedelta(seconds=1))
    purge()
    assert attestation_rows.exists()
    clock.move_to(end_of_year_after(4))
    purge()
    assert not attestation_rows.exists()


def test_the_privacy_pages_promise_the_periods_tested_here(client, room):
    privacy = page_text(client.get("/donnees-personnelles/"))
    for promise in (
        "vos réponses aux quiz, liées à votre session, effacées au bout de 30 jours",
        "votre pseudonyme et vos réponses, effacés au bout de 30 jours",
        "ces traces sont effacées au bout de 30 jours",
        "une session de connexion expire au bout de deux semaines et est alors effacée",
        "une inscription jamais activée par le lien envoyé par e-mail est effacée au bout de 7 "
        "jours",
        "sont gardées 6 ans après la fin de l’année du dernier paiement de la formation",
        "sont gardés 3 ans après la fin de l’année du dernier paiement de la formation",
        # What an account's deletion leaves, as its own page says (privacy registry's `tells`).
        "les convocations et rappels envoyés pour l’atelier (votre nom, l’adresse e-mail à "
        "laquelle ils sont partis et leur date) sont gardés 3 ans après la fin de l’année du "
        "dernier paiement de la formation",
        "si le formateur a rouvert votre test d’entrée, cette réouverture et son motif restent "
        "aussi, sans votre nom, jusqu’à la même date",
    ):
        assert promise in privacy, promise
    deletion = page_text(as_user(client, room["learners"][0]).get(reverse("accounts:delete")))
    assert "feuilles d’émargement, sous votre nom (6 ans)" in deletion
    assert "délivrés, sous votre nom (3 ans)" in deletion


def test_an_existing_site_s_privacy_page_gets_the_new_sentences_once(
    room,
):
    from django.apps import apps

    from home.models import StandardPage

    migration = importlib.import_module(
        "home.migrations.0010_privacy_page_convocations_and_reopenings"
    )
    page = StandardPage.objects.get(slug=migration.SLUG)
    seeded = list(page.body.raw_data)
    as_before = []  # the page as the previous seed wrote it
    for item in seeded:
        if item["type"] == "text":
            value = item["value"]
            for old, new in migration.CHANGES:
                value = value.replace(new, old)
            item = {**item, "value": value}
        as_before.append(item)
    page.body = as_before
    page.save()
    page.refresh_from_db()
    assert not any("rouvert votre test" in str(item["value"]) for item in page.body.raw_data)
    migration.rewrite(apps, None)
    page.refresh_from_db()
    assert [item["value"] for item in page.body.raw_data] == [item["value"] for item in seeded]
    # Run again: nothing changes.
    migration.rewrite(apps, None)
    page.refresh_from_db()
    assert [item["value"] for item in page.body.raw_data] == [item["value"] for item in seeded]


# Links sent by e-mail.


def test_an_activation_link_works_for_three_days_and_no_longer(clock):
    """What the page of an expired link says: "expire au bout de trois jours"."""
    clock.move_to(MADE)
    links = {}
    for email in ("a-temps@test.fr", "trop-tard@test.fr"):
        assert sign_up(Client(), email).status_code == 302
        links[email] = link_in_last_email(email)
    clock.move_to(days_after(3))
    response = Client().get(links["a-temps@test.fr"])
    assert response.status_code == 302
    clock.move_to(days_after(3) + timedelta(seconds=1))
    response = Client().get(links["trop-tard@test.fr"])
    assert response.status_code == 400
    assert "expire au bout de trois jours" in page_text(response)
    users = get_user_model().objects
    assert users.get(email="a-temps@test.fr").is_active
    assert not users.get(email="trop-tard@test.fr").is_active
