"""Before the action: the convocation sent to each learner on the roster, an update when the
programme changes, a reminder the day before; every message read from a real SMTP server, its
calendar file parsed."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from caching.addresses import public_url
from convocations import services
from convocations.models import Convocation
from jobs import periodic
from tests.clock import at, instant
from tests.mail_server import parts
from tests.workshop_helpers import make_workshop, schedule_post
from workshops.models import TrainingBody, WorkshopSession

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 11, 23)


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.fixture
def workshop(people):
    """Léa and Omar on the roster; a morning in room 2 and an evening at a distance."""
    workshop, _assignment = make_workshop(
        people["trainer"], [people["learner"], people["other_learner"]]
    )
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.starts_on, workshop.ends_on = DAY, date(2026, 11, 24)
    workshop.objectives = "Publier une offre sur Facebook\nRépondre à un avis client"
    workshop.save()
    WorkshopSession.objects.create(
        workshop=workshop,
        date=DAY,
        starts_at=time(9),
        ends_at=time(12, 30),
        topic="Module 1 : le CRM",
        room="Salle 2",
        address="12 rue des Arts, 42000 Saint-Étienne",
    )
    WorkshopSession.objects.create(
        workshop=workshop,
        date=date(2026, 11, 24),
        starts_at=time(18, 30),
        ends_at=time(21),
        topic="Module 2 : Instagram",
        remote=True,
        remote_tool="Zoom",
        remote_link="https://zoom.example/j/42",
    )
    body = TrainingBody.load()
    body.name = "CCI Formation Loire"
    body.accessibility_contact = "Sophie Blanc, handicap@cci-loire.fr"
    body.save()
    return workshop


def send(client, trainer, workshop):
    return as_user(client, trainer).post(
        reverse("convocations:send", args=[workshop.pk]), follow=True
    )


def events(files):
    content, mimetype = files["programme.ics"]
    assert mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    return sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))


def test_each_learner_receives_the_programme_their_sessions_and_a_calendar(
    client, people, workshop, smtp
):
    with at("2026-11-10 10:00"):
        response = send(client, people["trainer"], workshop)
    assert "Convocation envoyée à 2 participants." in response.content.decode()
    (message,) = smtp.to("lea@test.fr")
    assert message["Subject"].strip() == "Convocation\u00a0: Réseaux sociaux pour artisans"
    text, html, files = parts(message)
    for expected in [
        "Bonjour Léa,",
        "CCI Formation Loire vous convoque à la formation "
        "«\u00a0Réseaux sociaux pour artisans\u00a0».",
        "- Publier une offre sur Facebook",
        "lundi 23 novembre 2026, 09:00 – 12:30\u00a0: Module 1\u00a0: le CRM",
        "Salle 2, 12 rue des Arts, 42000 Saint-Étienne",
        "mardi 24 novembre 2026, 18:30 – 21:00",
        "À distance (Zoom)\u00a0: https://zoom.example/j/42",
        "Formateur\u00a0: Tina",
        "référent handicap\u00a0: Sophie Blanc, handicap@cci-loire.fr",
        public_url("/emargement/"),  # absolute, at the configured site's address
    ]:
        assert expected in text, expected
    assert "<strong>«\u00a0Réseaux sociaux pour artisans\u00a0»</strong>" in html
    assert '<a href="https://zoom.example/j/42">' in html
    morning, evening = events(files)
    assert morning.decoded("dtstart") == datetime(2026, 11, 23, 9, tzinfo=PARIS)
    assert morning.decoded("dtend") == datetime(2026, 11, 23, 12, 30, tzinfo=PARIS)
    assert str(morning["location"]) == "Salle 2, 12 rue des Arts, 42000 Saint-Étienne"
    assert str(evening["url"]) == "https://zoom.example/j/42"
    assert str(morning["summary"]) == "Réseaux sociaux pour artisans — Module 1 : le CRM"
    assert morning["sequence"] == 0
    assert len(smtp.to("omar@test.fr")) == 1
    html_page = response.content.decode()
    assert html_page.count("remis au serveur de messagerie") == 2
    # Sending again reaches nobody twice.
    response = send(client, people["trainer"], workshop)
    assert "Chaque participant inscrit a déjà reçu sa convocation." in response.content.decode()
    assert len(smtp.messages) == 2


def test_a_change_of_the_programme_sends_an_update_once(client, people, workshop, smtp):
    with at("2026-11-10 10:00"):
        send(client, people["trainer"], workshop)
        morning, evening = workshop.sessions.order_by("date")
        data = schedule_post(workshop, existing=[morning, evening])
        data["sessions-0-starts_at"] = "09:30"  # the morning starts later
        data["sessions-1-remote"] = "on"
        data["sessions-1-remote_tool"] = "Zoom"
        data["sessions-1-remote_link"] = "https://zoom.example/j/42"
        url = reverse("workshops:schedule", args=[workshop.pk])
        assert as_user(client, people["trainer"]).post(url, data).status_code == 302
    update = smtp.to("lea@test.fr")[-1]
    assert update["Subject"].strip() == "Programme modifié\u00a0: Réseaux sociaux pour artisans"
    text, _html, files = parts(update)
    assert "lundi 23 novembre 2026, 09:30 – 12:30" in text
    moved, _evening = events(files)
    assert moved.decoded("dtstart") == datetime(2026, 11, 23, 9, 30, tzinfo=PARIS)
    assert moved["sequence"] == 1  # the same event, moved in the learner's calendar
    assert len(smtp.messages) == 4
    # Saved again unchanged: nothing more.
    with at("2026-11-10 10:05"):
        data = schedule_post(workshop, existing=list(workshop.sessions.order_by("date")))
        data["sessions-1-remote"] = "on"
        data["sessions-1-remote_tool"] = "Zoom"
        data["sessions-1-remote_link"] = "https://zoom.example/j/42"
        client.post(url, data)
    assert len(smtp.messages) == 4


def test_the_reminder_goes_the_day_before_once_with_how_to_sign(client, people, workshop, smtp):
    with at("2026-11-10 10:00"):
        send(client, people["trainer"], workshop)
    with at("2026-11-22 09:59"):
        assert services.send_reminders(instant("2026-11-22 09:59")) == 0
    with at("2026-11-22 10:00"):  # the task worker's check, every minute
        assert periodic.run(instant("2026-11-22 10:00"))["convocation reminders sent"] == 2
        assert services.send_reminders(instant("2026-11-22 10:01")) == 0  # once a day
    reminder = smtp.to("lea@test.fr")[-1]
    assert reminder["Subject"].strip() == "Rappel\u00a0: Réseaux sociaux pour artisans, demain"
    text, _html, files = parts(reminder)
    assert "lundi 23 novembre 2026, 09:00 – 12:30" in text and "Module 2" not in text
    assert "saisissez le code affiché dans la salle" in text and not files
    # The evening at a distance: the reminder of its day carries Léa's personal link.
    with at("2026-11-23 10:00"):
        assert services.send_reminders(instant("2026-11-23 10:00")) == 2
    text = parts(smtp.to("lea@test.fr")[-1])[0]
    link = text.split("signez avec ce lien personnel, pendant la séance. ")[1].split()[0]
    with at("2026-11-24 18:35"):
        page = as_user(client, people["learner"]).get(link.replace(public_url(""), ""))
    assert page.status_code == 200 and "Léa Roux" in page.content.decode()
    assert Convocation.objects.filter(kind="reminder").count() == 4


def test_an_address_the_server_refuses_is_shown_failed_and_can_be_sent_again(
    client, people, workshop, smtp
):
    smtp.refused = {"omar@test.fr"}
    with at("2026-11-10 10:00"):
        response = send(client, people["trainer"], workshop)
    page = response.content.decode().replace("&#x27;", "'")
    assert "L’adresse omar@test.fr a été refusée par le serveur de messagerie" in page
    assert "550 5.1.1 Adresse inconnue" in page
    assert len(smtp.to("lea@test.fr")) == 1 and not smtp.to("omar@test.fr")
    # His address works again: only he is sent it again, Léa is not sent a second one.
    smtp.refused = set()
    with at("2026-11-10 10:05"):
        response = send(client, people["trainer"], workshop)
    assert "Convocation envoyée à 1 participant." in response.content.decode()
    assert len(smtp.to("omar@test.fr")) == 1 and len(smtp.to("lea@test.fr")) == 1


def test_a_failed_convocation_is_sent_again_by_itself_once_a_day_later(
    client, people, workshop, smtp
):
    smtp.refused = {"omar@test.fr"}
    with at("2026-11-10 10:00"):
        send(client, people["trainer"], workshop)
    smtp.refused = set()
    with at("2026-11-10 18:00"):  # the same day: not yet
        assert periodic.run(instant("2026-11-10 18:00"))["convocations sent again"] == 0
    with at("2026-11-11 10:01"):
        assert periodic.run(instant("2026-11-11 10:01"))["convocations sent again"] == 1
        assert periodic.run(instant("2026-11-11 10:02"))["convocations sent again"] == 0
    (message,) = smtp.to("omar@test.fr")
    assert "Module 1 : le CRM" in parts(message)[0].replace("\u00a0", " ")
    assert len(smtp.to("lea@test.fr")) == 1  # delivered the first time: never again
    page = as_user(client, people["trainer"]).get(
        reverse("convocations:workshop", args=[workshop.pk])
    )
    assert "Chaque participant inscrit a reçu sa convocation." in page.content.decode()
    # Failed again: left to the trainer, who sees it failed; never a third time by itself.
    smtp.refused = {"lea@test.fr"}
    Convocation.objects.filter(user=people["learner"]).delete()
    with at("2026-11-12 10:00"):
        send(client, people["trainer"], workshop)
    with at("2026-11-13 10:01"):
        assert periodic.run(instant("2026-11-13 10:01"))["convocations sent again"] == 1
    with at("2026-11-15 10:01"):
        assert periodic.run(instant("2026-11-15 10:01"))["convocations sent again"] == 0
    assert len(smtp.to("lea@test.fr")) == 1
    # Once the workshop has started, a failed convocation is not sent again.
    smtp.refused = set()
    Convocation.objects.filter(user=people["learner"]).delete()
    smtp.refused = {"lea@test.fr"}
    with at("2026-11-22 09:00"):
        send(client, people["trainer"], workshop)
    smtp.refused = set()
    with at("2026-11-23 09:30"):
        assert periodic.run(instant("2026-11-23 09:30"))["convocations sent again"] == 0


def test_no_convocation_without_a_programme_or_a_roster(client, people, smtp):
    empty, _assignment = make_workshop(people["trainer"], [people["learner"]])
    response = send(client, people["trainer"], empty)
    assert "Écrivez d’abord le programme" in response.content.decode()
    assert not smtp.messages and not Convocation.objects.exists()
