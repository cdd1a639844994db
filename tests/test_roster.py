"""Who may sign is fixed by a trainer: learners invited by name and e-mail (a personal link that
admits the account with that address), or join requests the trainer accepts. A joiner not
accepted signs nothing; two people of the same name are told apart on the sheet; the learner's
employer is printed on their certificate."""

import re
from datetime import date, time

import pytest
from django.core import mail
from django.urls import reverse

from attendance import codes, services
from attendance.models import Presence
from jobs import periodic
from tests.clock import at, instant
from tests.mail_server import parts
from tests.workshop_helpers import PASSWORD, make_user, make_workshop
from workshops.models import (
    Admission,
    Invitation,
    JoinRequest,
    Membership,
    TrainingBody,
    WorkshopSession,
)

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 23)


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.fixture
def workshop(people):
    """Tina's workshop with Léa on its roster, and a morning on 23 November 2026."""
    workshop, _assignment = make_workshop(people["trainer"], [people["learner"]])
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.starts_on = workshop.ends_on = DAY
    workshop.save()
    WorkshopSession.objects.create(
        workshop=workshop, date=DAY, starts_at=time(9), ends_at=time(12, 30), room="Salle 2"
    )
    return workshop


def invite(client, trainer, workshop, **fields):
    data = {"first_name": "Nina", "last_name": "Garcia", "email": "Nina@Test.fr", **fields}
    return as_user(client, trainer).post(reverse("workshops:invite", args=[workshop.pk]), data)


def sign_in_the_room(client, learner, workshop, moment="2026-11-23 09:05"):
    sheet = services.sheet_for(workshop.sessions.get())
    as_user(client, learner)
    with at(moment):
        code = codes.code_at(sheet, instant(moment))
        return client.post(
            reverse("attendance:sign_sheet", args=[sheet.pk]),
            {"confirmed": "on", "code": code},
            follow=True,
        )


def test_an_invitation_by_name_and_e_mail_admits_only_the_account_with_that_address(
    client, people, workshop, django_user_model, django_capture_on_commit_callbacks, smtp
):
    trainer = people["trainer"]
    body = TrainingBody.load()
    body.name = "CCI Formation Loire"
    body.save()
    with at("2026-11-10 10:00"), django_capture_on_commit_callbacks(execute=True):
        response = invite(client, trainer, workshop, company="Boulangerie Garcia")
    assert response.status_code == 302
    invitation = Invitation.objects.get(workshop=workshop)
    assert (invitation.email, invitation.company) == ("nina@test.fr", "Boulangerie Garcia")
    # The e-mail, sent by the task worker, read from the SMTP server: typeset, in text and
    # HTML, who invites, the sessions, the personal link, the site's and the body's names.
    (message,) = smtp.to("nina@test.fr")
    subject = "Invitation à l’atelier «\u00a0Réseaux sociaux pour artisans\u00a0»"
    assert message["Subject"].strip() == subject
    text, html, _files = parts(message)
    for expected in [
        "Bonjour Nina,",
        "Tina vous inscrit à l’atelier «\u00a0Réseaux sociaux pour artisans\u00a0» sur "
        "Atelier Réseaux. La formation est dispensée par CCI Formation Loire.",
        "lundi 23 novembre 2026, 09:00 – 12:30 — Salle 2",
        "valable jusqu’au 10 décembre 2026",
        "CCI Formation Loire\r\nAtelier Réseaux · https://atelier-reseaux.test/",
    ]:
        assert expected in text, expected
    assert "'" not in text  # typographic apostrophes only
    link = re.search(r"https?://\S+/ateliers/invitation/\S+/", text).group(0)
    assert f'<a href="{link}">' in html
    assert "<strong>«\u00a0Réseaux sociaux pour artisans\u00a0»</strong>" in html
    assert "CCI Formation Loire" in html and "Atelier Réseaux</a>" in html
    path = link[link.index("/ateliers/") :]
    html = as_user(client, trainer).get(workshop.get_absolute_url()).content.decode()
    assert "Invitations en attente" in html and "nina@test.fr" in html

    # Not signed in: sign in or up with that address, and come back.
    client.logout()
    html = client.get(path).content.decode()
    assert "avec l’adresse nina@test.fr" in html
    assert f"/compte/connexion/?next={path}" in html

    # Another account cannot use it.
    with at("2026-11-12 10:00"):
        as_user(client, people["other_learner"])
        html = client.get(path).content.decode()
        assert "Cette invitation est adressée à nina@test.fr" in html
        response = client.post(path, follow=True)
    assert "Cette invitation est adressée à nina@test.fr" in response.content.decode()
    assert not workshop.memberships.filter(user=people["other_learner"]).exists()

    # Hers does; her account had no name: it gets the one the trainer typed.
    nina = make_user(django_user_model, "nina@test.fr")
    with at("2026-11-12 10:00"):
        as_user(client, nina)
        response = client.post(path)
    assert response.url == reverse("workshops:my_workshop", args=[workshop.pk])
    membership = Membership.objects.get(workshop=workshop, user=nina)
    assert membership.admission == Admission.INVITATION
    assert membership.admitted_by == trainer and membership.admitted_by_name == "Tina"
    assert membership.company == "Boulangerie Garcia"
    nina.refresh_from_db()
    assert (nina.first_name, nina.last_name) == ("Nina", "Garcia")
    # The link has served: it admits no one else.
    assert not Invitation.objects.exists()
    assert client.get(path).status_code == 404
    html = as_user(client, trainer).get(workshop.get_absolute_url()).content.decode()
    assert "Boulangerie Garcia" in html and "sur invitation (Tina)" in html


def test_an_invitation_expires_and_a_new_one_replaces_the_old_link(
    client, people, workshop, django_user_model, django_capture_on_commit_callbacks, settings
):
    settings.INVITATION_VALID_DAYS = 30
    with at("2026-10-01 10:00"), django_capture_on_commit_callbacks(execute=True):
        invite(client, people["trainer"], workshop)
    old = Invitation.objects.get().token
    nina = make_user(django_user_model, "nina@test.fr")
    path = reverse("workshops:invitation", args=[old])
    with at("2026-10-31 10:00"):  # 30 days after it was sent, to the second: expired
        assert as_user(client, nina).post(path).status_code == 404
    assert "n’est plus valable" in client.get(path).content.decode()
    invitation = Invitation.objects.get()
    with at("2026-10-31 10:05"), django_capture_on_commit_callbacks(execute=True):
        as_user(client, people["trainer"]).post(
            reverse("workshops:reinvite", args=[workshop.pk, invitation.pk])
        )
    new = Invitation.objects.get().token
    assert new != old and new in mail.outbox[-1].body
    with at("2026-10-31 10:10"):
        assert as_user(client, nina).get(path).status_code == 404  # the old link stays dead
        assert client.post(reverse("workshops:invitation", args=[new])).status_code == 302
    assert workshop.memberships.filter(user=nina).exists()


def test_an_invitation_the_mail_server_refuses_is_shown_failed_with_its_reason(
    client, people, workshop, smtp, django_capture_on_commit_callbacks
):
    smtp.refused = {"nina@test.fr"}
    with at("2026-11-10 10:00"), django_capture_on_commit_callbacks(execute=True):
        invite(client, people["trainer"], workshop)
    assert not smtp.messages
    html = as_user(client, people["trainer"]).get(workshop.get_absolute_url()).content.decode()
    pending = re.sub(r"<[^>]+>", "", html.split("Invitations en attente")[1])
    assert "échec — L’adresse nina@test.fr a été refusée par le serveur de messagerie" in pending
    assert "550 5.1.1 Adresse inconnue" in pending
    # Her address corrected on the server's side, the trainer sends it again: it arrives once.
    smtp.refused = set()
    invitation = Invitation.objects.get()
    with at("2026-11-10 10:05"), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("workshops:reinvite", args=[workshop.pk, invitation.pk]))
    assert len(smtp.to("nina@test.fr")) == 1
    html = client.get(workshop.get_absolute_url()).content.decode()
    assert "échec" not in html.split("Invitations en attente")[1].split("</ul>")[0]


def pending_invitations(client, trainer, workshop):
    html = as_user(client, trainer).get(workshop.get_absolute_url()).content.decode()
    return re.sub(r"<[^>]+>", "", html.split("Invitations en attente")[1].split("</ul>")[0])


def test_a_failed_invitation_is_sent_again_by_itself_once_a_day_later(
    client, people, workshop, smtp, django_capture_on_commit_callbacks
):
    smtp.refused = {"nina@test.fr"}
    with at("2026-11-10 10:00"), django_capture_on_commit_callbacks(execute=True):
        invite(client, people["trainer"], workshop)
    first_link = Invitation.objects.get().token
    assert "échec" in pending_invitations(client, people["trainer"], workshop)
    # The mail server accepts her address again; the same day, nothing is sent yet.
    smtp.refused = set()
    with at("2026-11-10 18:00"):
        assert periodic.run(instant("2026-11-10 18:00"))["invitations sent again"] == 0
    assert not smtp.messages
    # The next day's check sends it again, once, with a new link that admits her.
    with at("2026-11-11 10:01"), django_capture_on_commit_callbacks(execute=True):
        assert periodic.run(instant("2026-11-11 10:01"))["invitations sent again"] == 1
        assert periodic.run(instant("2026-11-11 10:02"))["invitations sent again"] == 0
    (message,) = smtp.to("nina@test.fr")
    invitation = Invitation.objects.get()
    assert invitation.token != first_link and invitation.token in parts(message)[0]
    pending = pending_invitations(client, people["trainer"], workshop)
    assert "échec" not in pending and "envoyée le 11 novembre 2026" in pending
    assert "renvoyée d’elle-même" in pending
    # One that fails again stays failed, shown to the trainer: it is not sent a third time.
    smtp.refused = {"nina@test.fr"}
    Invitation.objects.all().delete()
    with at("2026-11-12 10:00"), django_capture_on_commit_callbacks(execute=True):
        invite(client, people["trainer"], workshop)
    with at("2026-11-13 10:01"), django_capture_on_commit_callbacks(execute=True):
        assert periodic.run(instant("2026-11-13 10:01"))["invitations sent again"] == 1
    with at("2026-11-15 10:00"), django_capture_on_commit_callbacks(execute=True):
        assert periodic.run(instant("2026-11-15 10:00"))["invitations sent again"] == 0
    assert len(smtp.messages) == 1
    assert "échec" in pending_invitations(client, people["trainer"], workshop)


def test_inviting_someone_already_on_the_roster_is_refused(client, people, workshop):
    response = invite(client, people["trainer"], workshop, email="LEA@test.fr")
    assert "participe déjà à l’atelier" in response.content.decode()
    assert not Invitation.objects.exists()
    response = invite(client, people["trainer"], workshop, email="pas-une-adresse")
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_joiner_signs_nothing_until_the_trainer_accepts_them(client, people, workshop):
    omar = people["other_learner"]
    as_user(client, omar).post(
        reverse("workshops:join"), {"code": workshop.join_code, "company": "Diallo Cycles"}
    )
    assert JoinRequest.objects.filter(workshop=workshop, user=omar).exists()
    response = sign_in_the_room(client, omar, workshop)
    assert response.status_code == 403
    assert "attend l’accord du formateur" in response.content.decode()
    assert not Presence.objects.filter(user=omar).exists()
    # The trainer sees the request, with his employer, and accepts it.
    html = as_user(client, people["trainer"]).get(workshop.get_absolute_url()).content.decode()
    assert "1 demande à accepter" in html and "Diallo Cycles" in html
    join_request = JoinRequest.objects.get()
    client.post(
        reverse("workshops:join_requests", args=[workshop.pk]),
        {"request": join_request.pk, "decision": "accept"},
    )
    membership = Membership.objects.get(workshop=workshop, user=omar)
    assert membership.admission == Admission.REQUEST and membership.company == "Diallo Cycles"
    assert membership.admitted_by == people["trainer"]
    assert not JoinRequest.objects.exists()
    response = sign_in_the_room(client, omar, workshop)
    assert Presence.objects.filter(user=omar, status=Presence.Status.SIGNED).exists()


def test_a_declined_request_admits_no_one_and_accepting_all_admits_each_once(
    client, people, workshop, django_user_model
):
    others = [
        make_user(django_user_model, f"p{i}@test.fr", first_name="P", last_name=str(i))
        for i in range(3)
    ]
    for person in others:
        as_user(client, person).post(reverse("workshops:join"), {"code": workshop.join_code})
    as_user(client, people["trainer"])
    url = reverse("workshops:join_requests", args=[workshop.pk])
    first = JoinRequest.objects.get(user=others[0])
    client.post(url, {"request": first.pk, "decision": "decline"})
    assert not workshop.memberships.filter(user=others[0]).exists()
    response = client.post(url, {"request": "all", "decision": "accept"}, follow=True)
    assert "2 participants inscrits." in response.content.decode()
    assert workshop.memberships.filter(user__in=others[1:]).count() == 2
    assert not JoinRequest.objects.exists()
    # A request answered already (another trainer's tab): a clear message, nothing changes.
    response = client.post(url, {"request": first.pk, "decision": "accept"}, follow=True)
    assert "Cette demande n’existe plus." in response.content.decode()
    assert not workshop.memberships.filter(user=others[0]).exists()


def test_a_learner_s_join_request_is_not_the_trainer_s_to_answer_for_another_workshop(
    client, people, workshop
):
    omar = people["other_learner"]
    as_user(client, omar).post(reverse("workshops:join"), {"code": workshop.join_code})
    other, _ = make_workshop(people["other_trainer"], [])
    as_user(client, people["other_trainer"]).post(
        reverse("workshops:join_requests", args=[other.pk]),
        {"request": JoinRequest.objects.get().pk, "decision": "accept"},
    )
    assert not workshop.memberships.filter(user=omar).exists()
    assert JoinRequest.objects.filter(user=omar).exists()
    # Nor the learner's own: the page is the trainer's.
    response = as_user(client, omar).post(
        reverse("workshops:join_requests", args=[workshop.pk]), {"request": "all"}
    )
    assert response.status_code == 403
    assert not workshop.memberships.filter(user=omar).exists()


def test_two_people_of_the_same_name_are_told_apart_on_the_sheet(
    client, people, workshop, django_user_model
):
    twins = [
        make_user(django_user_model, email, first_name="Léa", last_name="Roux")
        for email in ("lea.roux@fleurs.fr", "lroux@garage.fr")
    ]
    for person, company in zip(twins, ("Fleurs de Saison", "Garage Roux"), strict=True):
        Membership.objects.create(workshop=workshop, user=person, company=company)
    services.sheet_for(workshop.sessions.get())
    html = as_user(client, people["trainer"]).get(reverse("attendance:sheet", args=[workshop.pk]))
    text = html.content.decode()
    assert "Léa Roux (Fleurs de Saison)" in text and "Léa Roux (Garage Roux)" in text
    # The first Léa Roux has no employer on record: her e-mail, masked, tells her apart.
    assert "Léa Roux (l•••@test.fr)" in text
    assert "lea@test.fr" not in text


def test_deleting_an_account_deletes_its_pending_requests_and_exports_them(
    client, people, workshop
):
    omar = people["other_learner"]
    as_user(client, omar).post(
        reverse("workshops:join"), {"code": workshop.join_code, "company": "Diallo Cycles"}
    )
    export = client.get(reverse("accounts:my_data_download")).json()
    assert export["demandes_d_inscription"][0]["entreprise"] == "Diallo Cycles"
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert not JoinRequest.objects.exists()
