"""Attendance that holds up as evidence: sheets only for scheduled sessions, signing in the room
with the projector's rotating code (or a personal link at a distance) during the session only,
each signature's proof, the trainer's countersignature at the end that seals the sheet, and what
follows the seal as amendments. Hours come only from countersigned sheets."""

import hashlib
import html
import io
import json
import re
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from attendance import codes, services
from attendance.models import Amendment, Presence, Sheet
from caching.addresses import public_url
from tests.clock import at, instant
from tests.mail_server import parts
from tests.workshop_helpers import held_session, make_workshop, schedule_post
from workshops.models import WorkshopSession

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 23)  # a Monday, in winter time (UTC+1)


def flat(content):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture
def workshop(people):
    """Léa and Omar's workshop, run by Tina, on 23 and 24 November 2026, with its first
    morning (9:00–12:30, room 2) scheduled."""
    omar = people["other_learner"]
    workshop, _assignment = make_workshop(people["trainer"], [people["learner"], omar])
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.starts_on, workshop.ends_on = DAY, DAY + timedelta(days=1)
    workshop.save()
    return workshop


@pytest.fixture
def morning(workshop):
    return WorkshopSession.objects.create(
        workshop=workshop,
        date=DAY,
        starts_at=time(9, 0),
        ends_at=time(12, 30),
        topic="Module 1 : le CRM",
        room="Salle 2",
        address="12 rue des Arts, 42000 Saint-Étienne",
    )


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def sign(client, sheet, code=None, moment=None, **data):
    """Post the learner's signature on the sheet's page, at `moment` (Paris time), with the
    code the projector shows then unless `code` is given."""
    with at(moment or "2026-11-23 09:05"):
        shown = codes.code_at(sheet, instant(moment or "2026-11-23 09:05"))
        data = {"confirmed": "on", "code": shown if code is None else code, **data}
        return client.post(
            reverse("attendance:sign_sheet", args=[sheet.pk]),
            data,
            follow=True,
            HTTP_USER_AGENT="Mozilla/5.0 (iPhone)",
            REMOTE_ADDR="198.51.100.23",
        )


# The schedule.


def test_the_trainer_writes_the_programme_session_by_session(client, people, workshop):
    as_user(client, people["trainer"])
    url = reverse("workshops:schedule", args=[workshop.pk])
    evening = {
        "date": "2026-11-24",
        "starts_at": "18:30",
        "ends_at": "21:30",
        "topic": "Module 2 : Instagram",
        "remote": "on",
        "remote_tool": "Zoom",
        "remote_link": "https://zoom.example/j/42",
    }
    morning = {
        "date": "2026-11-23",
        "starts_at": "09:00",
        "ends_at": "13:30",  # a morning that runs past 13:00
        "topic": "Module 1 : le CRM",
        "room": "Salle 2",
    }
    with at("2026-11-01 10:00"):
        response = client.post(url, schedule_post(workshop, morning, evening))
    assert response.status_code == 302, response.context["formset"].errors
    first, second = workshop.sessions.all()
    assert (first.starts_at, first.ends_at, first.hours()) == (time(9), time(13, 30), 4.5)
    assert second.remote and second.place() == "À distance (Zoom)" and second.hours() == 3
    assert str(second.start()) == "2026-11-24 18:30:00+01:00"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"ends_at": "08:00"}, "La séance doit finir après son début."),
        ({"date": "2026-11-25"}, "La séance doit avoir lieu pendant l’atelier"),
        ({"room": ""}, "Indiquez la salle ou l’adresse de la séance."),
        ({"remote": "on", "room": ""}, "Indiquez l’outil de la séance à distance."),
        ({"starts_at": "12:00", "ends_at": "14:00"}, "Deux séances se chevauchent le 23/11/2026."),
    ],
)
def test_a_session_that_cannot_be_is_refused_in_french(
    client, people, workshop, morning, change, message
):
    as_user(client, people["trainer"])
    row = {"date": "2026-11-23", "starts_at": "13:30", "ends_at": "17:00", "topic": "Module 2"}
    row |= {"room": "Salle 2"} | change
    with at("2026-11-01 10:00"):
        response = client.post(
            reverse("workshops:schedule", args=[workshop.pk]),
            schedule_post(workshop, row, existing=[morning]),
        )
    assert response.status_code == 200 and message in response.content.decode()
    assert list(workshop.sessions.all()) == [morning]


def test_a_session_that_has_started_no_longer_changes(client, people, workshop, morning):
    as_user(client, people["trainer"])
    data = schedule_post(workshop, existing=[morning])
    data["sessions-0-ends_at"] = "17:00"
    with at("2026-11-23 09:00"):
        response = client.post(reverse("workshops:schedule", args=[workshop.pk]), data)
    assert "Cette séance a commencé" in response.content.decode()
    morning.refresh_from_db()
    assert morning.ends_at == time(12, 30)
    with at("2026-11-23 08:59"):  # the minute before, it still could
        client.post(reverse("workshops:schedule", args=[workshop.pk]), data)
    morning.refresh_from_db()
    assert morning.ends_at == time(17)


# Signing: the window, the room's code, the proof.


def test_a_learner_signs_in_the_room_with_the_projected_code_and_the_proof_is_kept(
    client, people, morning
):
    sheet = services.sheet_for(morning)
    as_user(client, people["learner"])
    with at("2026-11-23 09:05"):
        page = client.get(reverse("attendance:sign_list")).content.decode()
    assert "Réseaux sociaux pour artisans" in page and "Code affiché dans la salle" in page
    response = sign(client, sheet, signature="M10 10 L50 60")
    assert "Signature enregistrée" in response.content.decode()
    presence = Presence.objects.get(sheet=sheet)
    assert presence.signed_at == instant("2026-11-23 09:05")
    assert (presence.method, presence.identified_by) == ("drawn", "account")
    assert presence.code == codes.code_at(sheet, instant("2026-11-23 09:05"))
    assert presence.ip_address == "198.51.100.23"
    assert presence.user_agent == "Mozilla/5.0 (iPhone)"


@pytest.mark.parametrize(
    "moment, signed",
    [
        ("2026-11-23 08:44:59", False),  # before the 15 minutes' grace
        ("2026-11-23 08:45", True),
        ("2026-11-23 12:45", True),  # the end, plus 15 minutes
        ("2026-11-23 12:45:01", False),
        ("2026-11-23 22:30", False),  # the evening of a morning session
        ("2026-11-24 09:05", False),  # the next day, at the same hour
    ],
)
def test_signing_opens_and_closes_with_the_session_in_paris_time(
    client, people, morning, moment, signed
):
    sheet = services.sheet_for(morning)
    response = sign(as_user(client, people["learner"]), sheet, moment=moment)
    assert Presence.objects.filter(sheet=sheet).exists() == signed
    if not signed:
        assert "est ouvert de 08:45 à 12:45, le 23/11/2026" in response.content.decode()


def test_the_window_follows_paris_time_across_the_change_to_summer_time(client, people, workshop):
    workshop.starts_on = workshop.ends_on = date(2026, 3, 29)  # clocks go forward at 2:00
    workshop.save()
    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=date(2026, 3, 29),
        starts_at=time(9),
        ends_at=time(12),
        topic="Dimanche",
        room="Salle 1",
    )
    assert str(session.start()) == "2026-03-29 09:00:00+02:00"
    sheet = services.sheet_for(session)
    as_user(client, people["learner"])
    sign(client, sheet, moment="2026-03-29T06:44:00+00:00")  # 8:44 in Paris: too early
    assert not Presence.objects.exists()
    sign(client, sheet, moment="2026-03-29T06:46:00+00:00")  # 8:46 in Paris
    assert Presence.objects.filter(sheet=sheet).exists()


@pytest.mark.parametrize(
    "code, signed",
    [
        ("", False),
        ("000000", False),
        ("shown 30 s ago", True),  # typed as it changed
        ("shown 60 s ago", False),  # a photo sent home arrives too late
    ],
)
def test_signing_in_the_room_needs_the_code_shown_now(client, people, morning, code, signed):
    sheet = services.sheet_for(morning)
    sheet.code_secret = "fixed: 9:04, 9:04:30, 9:05 differ"
    sheet.save()
    now = instant("2026-11-23 09:05")
    typed = {
        "shown 30 s ago": codes.code_at(sheet, now - timedelta(seconds=30)),
        "shown 60 s ago": codes.code_at(sheet, now - timedelta(seconds=60)),
    }.get(code, code)
    assert len({codes.code_at(sheet, now - timedelta(seconds=s)) for s in (0, 30, 60)}) == 3
    response = sign(as_user(client, people["learner"]), sheet, code=typed)
    assert Presence.objects.filter(sheet=sheet).exists() == signed
    if not signed:
        assert "Code de la salle incorrect ou expiré" in response.content.decode()


def test_the_code_changes_every_30_seconds_and_the_qr_code_carries_it(client, people, morning):
    sheet = services.sheet_for(morning)
    as_user(client, people["trainer"])
    with at("2026-11-23 09:05:00"):
        first = client.get(reverse("attendance:projector_state", args=[sheet.pk])).json()
    with at("2026-11-23 09:05:29"):
        same = client.get(reverse("attendance:projector_state", args=[sheet.pk])).json()
    with at("2026-11-23 09:05:30"):
        next_one = client.get(reverse("attendance:projector_state", args=[sheet.pk])).json()
    assert first["code"] == same["code"] != next_one["code"]
    assert first["seconds_left"] == 30 and same["seconds_left"] == 1
    with at("2026-11-23 09:05:00"):
        page = client.get(reverse("attendance:projector", args=[sheet.pk])).content.decode()
    assert first["code"] in page and "<svg" in page
    # The QR code leads to the sheet with that code: the phone has only to sign.
    as_user(client, people["learner"])
    landing = f"{reverse('attendance:sign_sheet', args=[sheet.pk])}?code={first['code']}"
    with at("2026-11-23 09:05:00"):
        form = client.get(landing).content.decode()
    assert f'value="{first["code"]}"' in form


@pytest.fixture
def evening(workshop):
    return WorkshopSession.objects.create(
        workshop=workshop,
        date=DAY,
        starts_at=time(18, 30),
        ends_at=time(21),
        topic="Module 2",
        remote=True,
        remote_tool="Zoom",
    )


def test_a_remote_session_is_signed_through_each_learner_s_own_link(client, people, evening):
    sheet = services.sheet_for(evening)
    # Without the link, from the account: refused.
    sign(as_user(client, people["learner"]), sheet, moment="2026-11-23 18:35")
    assert not Presence.objects.exists()
    client.logout()
    link = services.personal_link_url(sheet, people["learner"].pk)
    with at("2026-11-23 18:35"):
        response = client.post(link, {"confirmed": "on"}, follow=True)
    assert "Signature enregistrée" in response.content.decode()
    presence = Presence.objects.get()
    assert presence.user == people["learner"] and presence.identified_by == "link"
    forged = link.replace("/lien/", "/lien/x")
    assert client.get(forged).status_code == 404


def test_the_learner_s_page_shows_no_form_for_a_session_signed_by_link_only(
    client, people, evening
):
    """At a distance, a form on the Émargement page could only be refused: the page says how
    to sign instead; the personal link's page has the form, and so does a leave to sign late."""
    sheet = services.sheet_for(evening)
    lea = as_user(client, people["learner"])
    with at("2026-11-23 18:35"):
        page = lea.get(reverse("attendance:sign_list")).content.decode()
        alone = lea.get(reverse("attendance:sign_sheet", args=[sheet.pk])).content.decode()
    for shown in (page, alone):
        assert "vous signez avec votre lien personnel, reçu par e-mail" in shown
        assert 'name="confirmed"' not in shown
    with at("2026-11-23 18:35"):
        by_link = client.get(services.personal_link_url(sheet, people["learner"].pk))
    assert 'name="confirmed"' in by_link.content.decode()
    services.allow_late(sheet, people["learner"], people["trainer"], "Connexion coupée")
    with at("2026-11-23 21:30"):
        page = as_user(client, people["learner"]).get(reverse("attendance:sign_list"))
    assert 'name="confirmed"' in page.content.decode()


def link_in(message):
    text = parts(message)[0]
    return text.split("pendant la séance (de 18:15 à 21:15)\u00a0:")[1].split()[0]


def test_the_links_are_e_mailed_each_to_its_learner_and_the_trainer_never_sees_them(
    client, people, evening, smtp
):
    as_user(client, people["trainer"])
    with at("2026-11-23 17:00"):
        page = client.get(reverse("attendance:sheet", args=[evening.workshop.pk])).content.decode()
        assert "Envoyer les liens par e-mail" in page and "/emargement/lien/" not in page
        response = client.post(
            reverse("attendance:send_links", args=[evening.pk]), follow=True
        ).content.decode()
    assert "Liens personnels envoyés par e-mail à 2 participants, chacun le sien." in response
    assert "/emargement/lien/" not in response
    (to_lea,) = smtp.to("lea@test.fr")
    (to_omar,) = smtp.to("omar@test.fr")
    assert (
        to_lea["Subject"].strip() == "Votre lien d’émargement\u00a0: Réseaux sociaux pour artisans"
    )
    lea_link, omar_link = link_in(to_lea), link_in(to_omar)
    assert lea_link != omar_link and lea_link.startswith(public_url("/emargement/lien/"))
    assert "ne le transmettez à personne, pas même au formateur" in parts(to_lea)[0]
    # Léa opens hers, from her phone where she is not signed in: it signs as her.
    client.logout()
    with at("2026-11-23 18:35"):
        client.post(lea_link.replace(public_url(""), ""), {"confirmed": "on"})
    assert Presence.objects.get().user == people["learner"]


def line_of(page, name):
    """The text of `name`'s line on the Émargement page, without its tags."""
    line = page.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]
    return " ".join(html.unescape(re.sub("<[^>]+>", " ", line)).replace("\u00a0", " ").split())


def test_a_link_that_did_not_arrive_is_shown_on_its_line_and_sent_again_alone(
    client, people, evening, smtp
):
    smtp.refused = {"omar@test.fr"}
    as_user(client, people["trainer"])
    sheet_url = reverse("attendance:sheet", args=[evening.workshop.pk])
    with at("2026-11-23 17:00"):
        client.post(reverse("attendance:send_links", args=[evening.pk]))
        page = client.get(sheet_url).content.decode()
    omar = line_of(page, "Omar Diallo")
    assert "Lien envoyé le 23 novembre à 17:00" in omar and "échec" in omar
    assert "omar@test.fr" in omar and "550" in omar  # the server's reason
    assert "remis au serveur de messagerie" in line_of(page, "Léa Roux")
    assert "Envoyer les liens qui manquent" in page
    # His address works again: the button sends only the missing link, Léa gets no second one.
    smtp.refused = set()
    with at("2026-11-23 17:05"):
        response = client.post(reverse("attendance:send_links", args=[evening.pk]), follow=True)
    assert "Lien personnel envoyé par e-mail à 1 participant." in response.content.decode()
    assert len(smtp.to("omar@test.fr")) == 1 and len(smtp.to("lea@test.fr")) == 1
    assert "remis au serveur de messagerie" in line_of(response.content.decode(), "Omar Diallo")
    with at("2026-11-23 17:06"):
        response = client.post(reverse("attendance:send_links", args=[evening.pk]), follow=True)
    assert "Chaque participant a déjà reçu son lien" in response.content.decode()
    assert len(smtp.messages) == 2
    # Léa lost hers: the trainer sends it to her alone, from her line.
    with at("2026-11-23 18:40"):
        page = client.get(sheet_url).content.decode()
        assert "Renvoyer son lien" in line_of(page, "Léa Roux")
        client.post(reverse("attendance:send_link", args=[evening.pk, people["learner"].pk]))
    assert len(smtp.to("lea@test.fr")) == 2 and len(smtp.to("omar@test.fr")) == 1
    # Someone not on the roster is sent nothing.
    with at("2026-11-23 18:41"):
        response = client.post(
            reverse("attendance:send_link", args=[evening.pk, people["editor"].pk]),
            follow=True,
        )
    assert "n’est pas inscrite à l’atelier" in response.content.decode()
    assert len(smtp.messages) == 3


def test_two_clicks_at_once_send_each_link_once(committed_db, people, evening, smtp):
    from tests.quiz_helpers import post_twice_at_once

    def send():
        try:
            return services.send_links(evening, people["trainer"])
        except services.Refused as refusal:
            return str(refusal)

    with at("2026-11-23 17:00"):
        results = post_twice_at_once(send)
    sent, refused = sorted(results, key=str)
    assert sent == 2 and refused.startswith("Chaque participant a déjà reçu son lien")
    assert len(smtp.to("lea@test.fr")) == 1 and len(smtp.to("omar@test.fr")) == 1
    assert services.sheet_for(evening).links_sent.count() == 2


@pytest.mark.parametrize("who", ["trainer", "other_learner", "editor"])
def test_a_personal_link_signs_for_nobody_but_its_learner(client, people, evening, who):
    """A trainer who had the link (or anyone signed in as someone else) cannot sign with it."""
    sheet = services.sheet_for(evening)
    link = services.personal_link_url(sheet, people["learner"].pk)
    as_user(client, people[who])
    with at("2026-11-23 18:35"):
        page = client.get(link)
        response = client.post(link, {"confirmed": "on", "signature": "M10 10 L50 60"})
    assert page.status_code == response.status_code == 403
    text = response.content.decode()
    assert "Ce lien n’est pas le vôtre" in text and "rien n’a été enregistré" in text
    assert not Presence.objects.exists()
    # Léa herself, signed in, signs with it.
    as_user(client, people["learner"])
    with at("2026-11-23 18:36"):
        client.post(link, {"confirmed": "on"})
    assert Presence.objects.get().user == people["learner"]


def test_links_are_not_sent_for_a_session_in_the_room_or_once_signing_closed(
    client, people, morning, evening, smtp
):
    as_user(client, people["trainer"])
    with at("2026-11-23 08:00"):
        response = client.post(reverse("attendance:send_links", args=[morning.pk]), follow=True)
    assert "Cette séance a lieu en salle" in response.content.decode()
    with at("2026-11-23 21:16"):
        response = client.post(reverse("attendance:send_links", args=[evening.pk]), follow=True)
    assert "L’émargement de cette séance est fermé" in response.content.decode()
    assert not smtp.messages
    # Another trainer's session: not found.
    as_user(client, people["other_trainer"])
    with at("2026-11-23 18:00"):
        assert client.post(reverse("attendance:send_links", args=[evening.pk])).status_code == 404


def test_only_the_workshop_s_learners_sign_and_never_the_trainer_for_them(client, people, morning):
    sheet = services.sheet_for(morning)
    for outsider in (people["trainer"], people["editor"]):
        response = sign(as_user(client, outsider), sheet)
        assert response.status_code == 404
    assert not Presence.objects.exists()


# The late signature, the absence, the contest.


def test_a_late_signature_needs_the_trainer_s_leave_with_a_reason_and_shows_as_late(
    client, people, morning
):
    sheet = services.sheet_for(morning)
    learner = people["learner"]
    sign(as_user(client, learner), sheet, moment="2026-11-23 13:00")
    assert not Presence.objects.exists()
    as_user(client, people["trainer"])
    url = reverse("attendance:allow_late", args=[sheet.pk, learner.pk])
    with at("2026-11-23 12:55"):
        response = client.post(url, {"reason": ""}, follow=True)
        assert "Indiquez le motif" in response.content.decode()
        client.post(url, {"reason": "Arrivée à 9 h 40, train en retard"})
    sign(as_user(client, learner), sheet, code="", moment="2026-11-23 13:00")
    presence = Presence.objects.get()
    assert presence.late and presence.late_reason == "Arrivée à 9 h 40, train en retard"
    as_user(client, people["trainer"])
    with at("2026-11-23 13:00"):
        page = client.get(reverse("attendance:sheet", args=[morning.workshop.pk])).content.decode()
        pdf = flat(client.get(reverse("attendance:sheet_pdf", args=[morning.workshop.pk])).content)
    assert "signature tardive" in page and "train en retard" in page
    assert "Signature tardive : Arrivée à 9 h 40, train en retard" in pdf
    # Omar has no leave: still refused.
    sign(as_user(client, people["other_learner"]), sheet, code="", moment="2026-11-23 13:00")
    assert Presence.objects.count() == 1


def test_a_learner_allowed_to_sign_late_finds_the_sheet_on_their_page_without_a_code(
    client, people, morning
):
    sheet = services.sheet_for(morning)
    learner, omar = people["learner"], people["other_learner"]
    services.allow_late(
        sheet, learner, people["trainer"], "Arrivée à 9 h 40", now=instant("2026-11-23 12:55")
    )
    with at("2026-11-23 13:20"):  # the window closed at 12:45
        page = as_user(client, learner).get(reverse("attendance:sign_list")).content.decode()
        assert f'id="sheet-{sheet.pk}"' in page and "Arrivée à 9 h 40" in page
        assert 'name="code"' not in page  # no room code to type: the leave stands for it
        alone = client.get(reverse("attendance:sign_sheet", args=[sheet.pk])).content.decode()
        assert "Arrivée à 9 h 40" in alone and 'name="code"' not in alone
        # Omar has no leave: nothing open for him.
        other = as_user(client, omar).get(reverse("attendance:sign_list")).content.decode()
        assert f'id="sheet-{sheet.pk}"' not in other and "Aucun émargement" in other
    sign(as_user(client, learner), sheet, code="", moment="2026-11-23 13:20")
    assert Presence.objects.get(user=learner).late_reason == "Arrivée à 9 h 40"
    with at("2026-11-23 13:21"):  # the learner's own page says it was late, and why
        signed = client.get(reverse("attendance:sign_sheet", args=[sheet.pk])).content.decode()
    assert "Vous avez signé à 13:20." in signed
    assert "Signature tardive, avec l’accord du formateur\u00a0: Arrivée à 9 h 40." in signed
    # Once countersigned, the sheet is no longer offered.
    services.countersign(
        sheet, people["trainer"], "", True, services.Proof(None, ""), instant("2026-11-23 13:25")
    )
    with at("2026-11-23 13:30"):
        page = client.get(reverse("attendance:sign_list")).content.decode()
    assert f'id="sheet-{sheet.pk}"' not in page


def test_countersigning_happens_at_the_end_and_seals_the_sheet(client, people, morning, settings):
    settings.PROXY_COUNT = 1  # behind one reverse proxy: the client's address is its last hop
    sheet = services.sheet_for(morning)
    sign(as_user(client, people["learner"]), sheet)
    as_user(client, people["trainer"])
    url = reverse("attendance:countersign", args=[sheet.pk])
    with at("2026-11-23 11:59"):  # a whole morning countersigned at its start: refused
        response = client.post(url, {"confirmed": "on"}, follow=True)
    assert "On contresigne à la fin de la séance, de 12:00 à 14:30" in response.content.decode()
    with at("2026-11-23 12:31"):
        client.post(
            url,
            {"signature": "M5 5 L80 40"},
            HTTP_USER_AGENT="Mozilla/5.0 (iPad)",
            HTTP_X_FORWARDED_FOR="10.0.0.1, 192.0.2.44",
            REMOTE_ADDR="127.0.0.1",
        )
    sheet.refresh_from_db()
    # The countersignature keeps its proof, as a signature does, sealed with the content.
    proof = {
        "method": "drawn",
        "identified_by": "account",
        "ip_address": "192.0.2.44",
        "user_agent": "Mozilla/5.0 (iPad)",
        "late_reason": "",
    }
    assert sheet.sealed_content["countersignature_proof"] == proof
    assert (sheet.trainer_ip_address, sheet.trainer_user_agent) == (
        "192.0.2.44",
        proof["user_agent"],
    )
    with at("2026-11-23 12:32"):
        record = client.get(reverse("attendance:proof_file", args=[sheet.pk])).json()
    assert record["countersignature"] == proof | {
        "by": "Tina",
        "at": "2026-11-23T11:31:00+00:00",
        "signature": "M5 5 L80 40",
    }
    assert sheet.countersigned_at == instant("2026-11-23 12:31") and sheet.trainer_name == "Tina"
    # The digest is the SHA-256 of the sealed content, which names the signer and its proof.
    text = json.dumps(
        sheet.sealed_content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert sheet.seal_digest == hashlib.sha256(text.encode()).hexdigest()
    (line,) = sheet.sealed_content["lines"]
    assert line["name"] == "Léa Roux" and line["ip_address"] == "198.51.100.23"
    assert (
        sheet.sealed_content["session"]["place"] == "Salle 2, 12 rue des Arts, 42000 Saint-Étienne"
    )
    # Sealed: nobody signs any more, even within the grace.
    response = sign(as_user(client, people["other_learner"]), sheet, moment="2026-11-23 12:40")
    assert "contresignée" in response.content.decode()
    assert Presence.objects.count() == 1


def test_a_sheet_the_trainer_forgot_to_countersign_is_countersigned_late_with_its_reason(
    client, people, morning
):
    sheet = services.sheet_for(morning)
    sign(as_user(client, people["learner"]), sheet)
    as_user(client, people["trainer"])
    url = reverse("attendance:countersign", args=[sheet.pk])
    page_url = reverse("attendance:sheet", args=[morning.workshop.pk])
    # The window closed at 14:30: the page says what that costs, and how to countersign now.
    with at("2026-11-24 09:00"):
        page = client.get(page_url).content.decode().replace("&#x27;", "'")
        response = client.post(url, {"confirmed": "on"}, follow=True)
    assert "la contresignature a fermé le 23 novembre à 14:30" in page
    assert "sans elle cette feuille ne justifie aucune heure" in page
    assert "Motif de la contresignature tardive" in page
    assert "La contresignature de cette séance a fermé à 14:30" in response.content.decode()
    sheet.refresh_from_db()
    assert not sheet.sealed and services.realised(morning.workshop) == {}
    # With the reason, it is sealed now, the reason sealed with it and shown everywhere.
    reason = "Oubli en fin de séance, contresignée le lendemain matin"
    with at("2026-11-24 09:01"):
        response = client.post(url, {"confirmed": "on", "late_reason": reason}, follow=True)
        record = client.get(reverse("attendance:proof_file", args=[sheet.pk])).json()
        pdf = client.get(reverse("attendance:sheet_pdf", args=[morning.workshop.pk])).content
    sheet.refresh_from_db()
    assert sheet.sealed and sheet.countersigned_at == instant("2026-11-24 09:01")
    assert sheet.sealed_content["countersignature_proof"]["late_reason"] == reason
    assert record["countersignature"]["late_reason"] == reason
    shown = response.content.decode().replace("\u00a0", " ")
    assert f"Contresignature tardive : {reason}. La feuille la montre ainsi." in shown
    assert f"Contresignature tardive, motif : {reason}." in flat(pdf)
    assert services.realised(morning.workshop) == {people["learner"].pk: (1, Decimal("3.5"))}
    # On time, a reason given by mistake is not kept: the sheet does not call it late.
    afternoon = held_session(
        morning.workshop, people["trainer"], [], DAY, "13:30", "17:00", countersigned=False
    )
    with at("2026-11-23 17:00"):
        client.post(
            reverse("attendance:countersign", args=[afternoon.pk]),
            {"confirmed": "on", "late_reason": "par erreur"},
        )
    afternoon.refresh_from_db()
    assert afternoon.sealed and afternoon.trainer_late_reason == ""


def test_changes_after_the_seal_are_amendments_printed_below_the_unchanged_content(
    client, people, morning
):
    sheet = held_session(
        morning.workshop, people["trainer"], [people["learner"]], DAY, "13:30", "17:00"
    )
    sealed, digest = sheet.sealed_content, sheet.seal_digest
    omar, lea = people["other_learner"], sheet.presences.get()
    as_user(client, people["trainer"])
    with at("2026-11-23 17:10"):
        client.post(
            reverse("attendance:absent", args=[sheet.pk, omar.pk]), {"reason": "Excusé : malade"}
        )
        client.post(
            reverse("attendance:contest", args=[lea.pk]),
            {"reason": "Partie à 14 h, signature du matin recopiée"},
        )
    sheet.refresh_from_db()
    assert (sheet.sealed_content, sheet.seal_digest) == (sealed, digest)
    assert list(sheet.amendments.values_list("kind", "about", "made_by_name")) == [
        ("absence", "Omar Diallo", "Tina"),
        ("contest", "Léa Roux", "Tina"),
    ]
    assert not Presence.objects.filter(user=omar).exists()  # the sealed lines did not change
    with at("2026-11-23 17:10"):
        pdf = flat(client.get(reverse("attendance:sheet_pdf", args=[morning.workshop.pk])).content)
        proof = client.get(reverse("attendance:proof_file", args=[sheet.pk])).json()
    assert digest in pdf.replace(" ", "") or digest in pdf
    assert "Modifications après le scellement" in pdf
    assert "signature contestée : Léa Roux. Motif : Partie à 14 h" in pdf
    assert "Contestée : Partie à 14 h, signature du matin recopiée" in pdf
    assert proof["seal_sha256"] == digest and len(proof["amendments"]) == 2
    assert proof["lines"][0]["user_agent"] == "Téléphone de test"
    # A contested signature proves no hours.
    assert services.realised(morning.workshop) == {}


def test_a_sealed_sheet_prints_from_its_sealed_content_not_the_accounts_as_they_are_now(
    client, people, morning
):
    lea = people["learner"]
    sheet = held_session(morning.workshop, people["trainer"], [lea], DAY, "13:30", "17:00")
    # After the seal, Léa's account is renamed (in the admin, or by herself).
    lea.first_name, lea.last_name = "Léa", "Martin-Roux"
    lea.save()
    as_user(client, people["trainer"])
    with at("2026-11-23 17:10"):
        pdf = flat(client.get(reverse("attendance:sheet_pdf", args=[morning.workshop.pk])).content)
        page = client.get(reverse("attendance:sheet", args=[morning.workshop.pk])).content.decode()
    assert "Léa Roux" in pdf and "Martin-Roux" not in pdf
    assert "Léa Roux" in page and "Martin-Roux" not in page.split("Modifier le programme")[0]
    # What is printed is what the printed digest seals.
    (line,) = sheet.sealed_content["lines"]
    assert (line["name"], line["status"]) == ("Léa Roux", "signed")
    assert services.digest(sheet.sealed_content) == sheet.seal_digest
    assert sheet.seal_digest in pdf.replace(" ", "")
    # Omar, on the roster, never signed it: named apart from the sealed lines.
    assert "Inscrits sans ligne sur la feuille scellée (pas de signature) : Omar Diallo" in pdf


def test_an_absence_before_the_seal_is_a_line_and_the_learner_s_own_signature_replaces_it(
    client, people, morning
):
    sheet = services.sheet_for(morning)
    omar = people["other_learner"]
    as_user(client, people["trainer"])
    with at("2026-11-23 09:01"):
        client.post(reverse("attendance:absent", args=[sheet.pk, omar.pk]))
    absence = Presence.objects.get(user=omar)
    assert absence.status == "absent" and absence.recorded_by == people["trainer"]
    sign(as_user(client, omar), sheet, moment="2026-11-23 09:20")
    absence.refresh_from_db()
    assert absence.status == "signed" and absence.recorded_by is None


@pytest.mark.parametrize(
    "data", [{}, {"signature": "<script>alert(1)</script>"}, {"signature": "M1 1 L2 2" * 5000}]
)
def test_an_empty_or_forged_signature_is_refused_in_french(client, people, morning, data):
    sheet = services.sheet_for(morning)
    with at("2026-11-23 09:05"):
        code = codes.code_at(sheet, instant("2026-11-23 09:05"))
        response = as_user(client, people["learner"]).post(
            reverse("attendance:sign_sheet", args=[sheet.pk]), {"code": code, **data}, follow=True
        )
    page = response.content.decode()
    assert "Signez dans le cadre" in page or "Signature illisible" in page
    assert not Presence.objects.exists()


def test_two_learners_of_the_same_name_are_told_apart_on_the_sheet(
    client, people, morning, django_user_model
):
    other_lea = django_user_model.objects.create_user(
        email="lea.roux@autre.fr", first_name="Léa", last_name="Roux"
    )
    morning.workshop.memberships.create(user=other_lea)
    services.sheet_for(morning)
    as_user(client, people["trainer"])
    with at("2026-11-23 09:05"):
        page = client.get(reverse("attendance:sheet", args=[morning.workshop.pk])).content.decode()
    assert "Léa Roux (l•••@test.fr)" in page and "Léa Roux (l•••@autre.fr)" in page


# Hours: only what countersigned sheets prove.


def test_realised_hours_come_only_from_countersigned_sheets_within_the_workshop_s_dates(
    people, workshop
):
    trainer, lea, omar = people["trainer"], people["learner"], people["other_learner"]
    held_session(workshop, trainer, [lea, omar], DAY)  # 3.5 h, countersigned
    held_session(workshop, trainer, [lea], DAY, "13:30", "17:20")  # 3 h 50 min
    held_session(workshop, trainer, [omar], DAY + timedelta(days=1), countersigned=False)
    held_session(workshop, trainer, [lea, omar], DAY - timedelta(days=7))  # before the dates
    hours = {learner: (n, round(h, 2)) for learner, (n, h) in services.realised(workshop).items()}
    assert hours == {lea.pk: (2, Decimal("7.33")), omar.pk: (1, Decimal("3.50"))}
    assert services.proving_sheets(workshop).count() == 2
    assert Sheet.objects.count() == 4


def test_no_sheet_no_hours_the_trainer_is_told_why_and_what_to_do(client, people, workshop):
    from attestations.models import Attestation
    from workshops.models import TrainingBody

    body = TrainingBody.load()
    body.name = "CCI Formation"
    body.save()
    workshop.duration_hours = 7
    workshop.save()
    as_user(client, people["trainer"])
    response = client.post(reverse("attestations:issue", args=[workshop.pk]), follow=True)
    page = response.content.decode()
    assert "au moins une feuille d’émargement contresignée" in page
    assert "sans feuille, aucune heure ne peut être certifiée" in page
    assert not Attestation.objects.exists()
    # An uncountersigned sheet is no proof either.
    held_session(workshop, people["trainer"], [people["learner"]], DAY, countersigned=False)
    client.post(reverse("attestations:issue", args=[workshop.pk]))
    assert not Attestation.objects.exists()


def test_the_sealed_amendment_kinds_are_french_on_the_page(people, morning):
    sheet = held_session(
        morning.workshop, people["trainer"], [people["learner"]], DAY, "13:30", "17:00"
    )
    amendment = services.contest(sheet.presences.get(), people["trainer"], "Doute")
    assert amendment.get_kind_display() == "signature contestée"
    assert Amendment.objects.count() == 1


# Layout at scale.


@pytest.mark.parametrize("learners", [1, 2, 30, 100])
def test_the_sheet_pdf_never_splits_a_row_across_pages(
    client, people, morning, django_user_model, learners, tmp_path
):
    """Each line with its drawn signature and a late reason over two lines: the name and the
    end of the reason are on the same page. The pages are also written as PNG (pdftoppm) in the
    test's folder, to look at."""
    import subprocess

    workshop = morning.workshop
    workshop.memberships.all().delete()
    crowd = [
        django_user_model.objects.create_user(
            email=f"p{i}@test.fr", first_name="Participante", last_name=f"Numéro {i:03d}"
        )
        for i in range(learners)
    ]
    workshop.memberships.bulk_create(
        [workshop.memberships.model(workshop=workshop, user=person) for person in crowd]
    )
    sheet = services.sheet_for(morning)
    trainer = people["trainer"]
    proof = services.Proof("203.0.113.7", "Téléphone de test")
    for number, person in enumerate(crowd):
        reason = f"Arrivée à 9 h 40 après un rendez-vous chez un client, fin {number:03d}"
        services.allow_late(sheet, person, trainer, reason, now=instant("2026-11-23 09:00"))
        services.sign(
            sheet,
            person,
            "M10 10 L50 60 L120 20 L200 80",
            False,
            proof,
            now=instant("2026-11-23 09:40"),
        )
    services.countersign(sheet, trainer, "", True, proof, now=instant("2026-11-23 12:30"))
    with at("2026-11-23 12:40"):
        content = (
            as_user(client, trainer)
            .get(reverse("attendance:sheet_pdf", args=[workshop.pk]))
            .content
        )
    reader = PdfReader(io.BytesIO(content))
    pages = [" ".join(page.extract_text().replace("\u00a0", " ").split()) for page in reader.pages]
    for number in range(learners):
        (page,) = [page for page in pages if f"Numéro {number:03d}" in page]
        assert f"client, fin {number:03d}" in page, number
    assert learners < 30 or len(pages) > 1
    path = tmp_path / "sheet.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(reader.pages)
