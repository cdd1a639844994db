"""When the entry and final tests may be taken (Qualiopi 8 and 11): the entry test closes the
second the programme's first session starts (the trainer may reopen it for one learner, with a
reason on record), and its score on the attestation is the one from before; the final test opens
when the last session starts, for those who signed its sheet only. The clock stands still at the
boundaries (tests/clock.py)."""

from datetime import date, time

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from attendance import services
from attendance.models import Presence
from quizzes.attempts import new_attempt
from quizzes.models import Attempt
from tests.clock import at, instant
from tests.quiz_helpers import wrong_answer
from tests.workshop_helpers import assign, held_session, make_workshop, open_assignment
from workshops.models import EntryReopening, Stage, WorkshopSession
from workshops.progress import record_attempt

pytestmark = pytest.mark.django_db

FIRST_DAY, LAST_DAY = date(2026, 11, 23), date(2026, 11, 24)


@pytest.fixture
def programme(people):
    """Léa and Omar's workshop on 23 and 24 November 2026: its first session on the 23rd at
    9:00, its last on the 24th from 14:00 to 17:30, which Léa signed and Omar did not. Its entry
    test's own date limit is later than the first session (the closing is the server's rule,
    not the date typed); its final test has another quiz."""
    learner, omar, trainer = people["learner"], people["other_learner"], people["trainer"]
    workshop, entry = make_workshop(
        trainer,
        [learner, omar],
        stage=Stage.ENTRY,
        opens_at=instant("2026-11-16 09:00"),
        due_at=instant("2026-11-23 18:00"),
    )
    workshop.starts_on, workshop.ends_on = FIRST_DAY, LAST_DAY
    workshop.save()
    final = assign(
        workshop,
        stage=Stage.FINAL,
        opens_at=instant("2026-11-16 09:00"),
        due_at=instant("2026-11-30 18:00"),
    )
    WorkshopSession.objects.create(
        workshop=workshop,
        date=FIRST_DAY,
        starts_at=time(9),
        ends_at=time(12, 30),
        topic="Module 1 : le CRM",
        room="Salle 2",
    )
    last = held_session(
        workshop, trainer, [learner], LAST_DAY, "14:00", "17:30", countersigned=False
    )
    return {"workshop": workshop, "entry": entry, "final": final, "last_sheet": last}


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def submit_at(client, assignment, opened, sent, pick=None):
    """Open the assigned quiz at `opened` and send it at `sent` (Paris time)."""
    with at(opened):
        form, token = open_assignment(client, assignment)
    from tests.quiz_helpers import answers

    data = answers(form, token, pick=pick) if pick else answers(form, token)
    with at(sent):
        return client.post(reverse("workshops:submit", args=[assignment.pk]), data)


def opening_refused(client, assignment, moment):
    """The quiz's page, opened at `moment`, refuses: its French reason."""
    with at(moment):
        return refusal(client.get(reverse("workshops:take", args=[assignment.pk])))


def refusal(response):
    assert response.status_code == 403, response
    return response.content.decode().replace("&#x27;", "'")


# The entry test.


def test_the_entry_test_is_accepted_the_second_before_the_first_session_and_not_at_it(
    client, people, programme
):
    entry = programme["entry"]
    as_user(client, people["learner"])
    accepted = submit_at(client, entry, "2026-11-23 08:50", "2026-11-23 08:59:59")
    assert accepted.status_code == 302
    as_user(client, people["other_learner"])
    refused = submit_at(client, entry, "2026-11-23 08:50", "2026-11-23 09:00:00")
    html = refusal(refused)
    assert "il a fermé au début de la première séance" in html
    assert "Votre formateur peut le rouvrir pour vous." in html
    assert Attempt.objects.filter(user=people["other_learner"]).count() == 0
    # Nor can the quiz even be opened then.
    with at("2026-11-23 09:00"):
        assert client.get(reverse("workshops:take", args=[entry.pk])).status_code == 403


def test_the_entry_test_cannot_be_retaken_after_the_training_and_the_old_retake_does_not_count(
    client, people, programme
):
    """Léa placed herself at 0 % before the training. Retaking it at its end is refused; and a
    retake recorded before this rule existed does not change her starting point."""
    learner, entry, workshop = people["learner"], programme["entry"], programme["workshop"]
    as_user(client, learner)
    submit_at(client, entry, "2026-11-23 08:30", "2026-11-23 08:40", pick=wrong_answer)
    html = refusal(submit_at(client, entry, "2026-11-23 08:45", "2026-11-25 10:05"))
    assert "il a fermé au début de la première séance" in html
    with at("2026-11-25 10:00"):
        refusal(client.get(reverse("workshops:take", args=[entry.pk])))
    with at("2026-11-25 10:10"):  # an older retake, recorded without the rule
        record_attempt(
            entry,
            new_attempt(
                entry.quiz,
                [{"id": "q", "kind": "true_false", "given": ["true"], "is_correct": True}],
                title=entry.quiz.title,
                pass_mark=50,
                user=learner,
                started_at=timezone.now(),
            ),
        )
    assert Attempt.objects.filter(user=learner, score=100).exists()
    page = as_user(client, people["trainer"]).get(reverse("workshops:detail", args=[workshop.pk]))
    rows = {row.learner.name: row for row in page.context["positioning"].learners}
    assert rows["Léa Roux"].entry == 0


def test_a_trainer_reopens_the_entry_test_for_one_learner_with_a_reason(client, people, programme):
    omar, learner, entry = people["other_learner"], people["learner"], programme["entry"]
    workshop = programme["workshop"]
    url = reverse("workshops:reopen_entry", args=[workshop.pk])
    as_user(client, people["trainer"])
    with at("2026-11-23 10:00"):
        response = client.post(url, {"user": omar.pk, "reason": " "}, follow=True)
    assert "Indiquez le motif" in response.content.decode()
    assert not EntryReopening.objects.exists()
    with at("2026-11-23 10:00"):
        client.post(url, {"user": omar.pk, "reason": "Train supprimé : arrivé à 10 h"})
        html = client.get(reverse("workshops:results", args=[workshop.pk])).content.decode()
    html = " ".join(html.replace("&#x27;", "'").replace("\u00a0", " ").split())
    assert "Rouvert pour Omar Diallo par Tina le 23 novembre 2026 à 10:00 : Train supprimé" in html
    # Omar takes it once, and once only, even past its date limit (the 23rd at 18:00); Léa,
    # for whom nothing was reopened, may not.
    as_user(client, omar)
    assert submit_at(client, entry, "2026-11-24 08:05", "2026-11-24 08:15").status_code == 302
    assert "Vous avez passé le test d’entrée" in opening_refused(client, entry, "2026-11-24 08:20")
    as_user(client, learner)
    assert "il a fermé" in opening_refused(client, entry, "2026-11-24 08:05")
    # His score is his starting point.
    page = as_user(client, people["trainer"]).get(reverse("workshops:detail", args=[workshop.pk]))
    rows = {row.learner.name: row for row in page.context["positioning"].learners}
    assert rows["Omar Diallo"].entry == 100 and rows["Léa Roux"].entry is None


def test_the_assignment_form_closes_the_entry_test_at_the_first_session_once(
    client, people, programme
):
    other = assign(programme["workshop"])
    url = reverse("workshops:edit_assignment", args=[other.pk])
    as_user(client, people["trainer"])
    with at("2026-11-20 10:00"):
        form = client.get(url + "?role=entry").context["form"]
    assert form.initial["stage"] == Stage.ENTRY and form.initial["max_attempts"] == 1
    assert form.initial["due_at"] == instant("2026-11-23 09:00")
    programme["entry"].stage = Stage.NONE  # the role is free for another quiz
    programme["entry"].save()
    with at("2026-11-20 10:00"):
        response = client.post(
            url,
            {
                "opens_at": "2026-11-20T10:00",
                "due_at": "2026-11-24T18:00",
                "scoring_rule": "best",
                "reveal": "submission",
                "stage": "entry",
                "confirm_public": "on",
            },
        )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.due_at == instant("2026-11-23 09:00") and other.max_attempts == 1
    notes = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("il ferme au début de la première séance" in note for note in notes)


# The final test.


def test_the_final_test_opens_during_the_last_session_for_those_who_signed_it(
    client, people, programme
):
    final = programme["final"]
    as_user(client, people["learner"])
    html = opening_refused(client, final, "2026-11-24 13:59:59")
    assert "Le test final ouvre pendant la dernière séance" in html
    assert submit_at(client, final, "2026-11-24 14:00", "2026-11-24 16:30").status_code == 302
    # Omar did not sign the last session's sheet.
    as_user(client, people["other_learner"])
    html = opening_refused(client, final, "2026-11-24 14:00")
    assert "réservé aux participants présents à la dernière séance" in html
    assert not Attempt.objects.filter(user=people["other_learner"]).exists()


def test_a_contested_signature_does_not_open_the_final_test(client, people, programme):
    presence = Presence.objects.get(sheet=programme["last_sheet"], user=people["learner"])
    services.contest(
        presence, people["trainer"], "Parti à 14 h 30", now=instant("2026-11-24 15:00")
    )
    as_user(client, people["learner"])
    html = opening_refused(client, programme["final"], "2026-11-24 15:30")
    assert "réservé aux participants présents" in html


# The same quiz before and after.


def test_the_same_quiz_as_entry_and_final_test_with_instant_correction_is_warned(
    client, people, programme
):
    entry, final = programme["entry"], programme["final"]
    final.quiz = entry.quiz
    final.save()
    url = reverse("workshops:edit_assignment", args=[final.pk])
    as_user(client, people["trainer"])
    html = client.get(url).content.decode().replace("&#x27;", "'")
    assert "Le même quiz sert de test d’entrée et de test final" in html
    data = {
        "opens_at": "2026-11-24T14:00",
        "due_at": "2026-11-30T18:00",
        "scoring_rule": "best",
        "reveal": "submission",
        "stage": "final",
        "confirm_public": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Le même quiz sert de test d'entrée" in message for message in messages)
    client.get(response.url)  # the workshop's page shows the warning once
    # With the entry test's correction after its date, nothing to warn about.
    entry.reveal = "deadline"
    entry.save()
    html = client.get(url).content.decode().replace("&#x27;", "'")
    assert "Le même quiz sert de test d'entrée" not in html
