"""Whose address a request is counted under (caching.rate.client_address): REMOTE_ADDR without
a proxy; behind PROXY_COUNT proxies, the address the last of them appended to X-Forwarded-For,
whatever the client wrote there itself. Seen through the live join limit, the sign-in records
and lock-outs, and the sign-up limit."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse

from live.models import Participant
from tests.account_helpers import sign_up
from tests.live_helpers import start_session

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # what the app server sees of the proxy in front


def join(session, nickname, **meta):
    return Client().post(reverse("live:join"), {"code": session.code, "nickname": nickname}, **meta)


def fail_sign_in(email, **meta):
    return Client().post("/compte/connexion/", {"username": email, "password": "mauvais"}, **meta)


@override_settings(AXES_ENABLED=True)
@pytest.mark.parametrize(
    ("proxies", "meta", "counted_as"),
    [
        # No proxy: the header is anyone's to write, and ignored.
        (0, {"REMOTE_ADDR": "198.51.100.4", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "198.51.100.4"),
        # One proxy (nginx): the address it appended.
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "203.0.113.9"),
        # A header the client forged: nginx appends the client's address after it.
        (
            1,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.9"},
            "203.0.113.9",
        ),
        # Two proxies (a load balancer, then nginx), the client's forgery before them.
        (
            2,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.9, 192.0.2.1"},
            "203.0.113.9",
        ),
        # Fewer addresses than proxies, or garbage: not through the proxies, REMOTE_ADDR.
        (2, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, PROXY),
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "moi"}, PROXY),
        (1, {"REMOTE_ADDR": PROXY}, PROXY),
    ],
)
def test_sign_in_records_name_the_client_the_proxies_saw(proxies, meta, counted_as):
    with override_settings(PROXY_COUNT=proxies):
        assert fail_sign_in("lea@test.fr", **meta).status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [counted_as]


@override_settings(LIVE_JOINS_PER_MINUTE=2, PROXY_COUNT=1)
def test_behind_the_proxy_each_client_has_its_own_join_limit(people):
    session = start_session(people["trainer"])
    room = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert [join(session, name, **room).status_code for name in ("Un", "Deux")] == [302, 302]
    # The room's third phone is refused, even with a header of its own making in front.
    for forged in ("", "10.0.0.1, ", "10.0.0.2, 10.0.0.3, "):
        meta = {**room, "HTTP_X_FORWARDED_FOR": forged + "203.0.113.9"}
        response = join(session, "Trois", **meta)
        assert response.status_code == 429
        assert "Trop de connexions depuis votre réseau" in response.content.decode()
    # Another room behind the same proxy joins.
    other_room = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    assert join(session, "Quatre", **other_room).status_code == 302
    assert Participant.objects.filter(session=session).count() == 3


@override_settings(LIVE_JOINS_PER_MINUTE=2, PROXY_COUNT=0)
def test_without_a_proxy_a_forged_header_escapes_no_join_limit(people):
    session = start_session(people["trainer"])
    statuses = [
        join(session, f"Phone {n}", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


@override_settings(
    AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, LOGIN_ADDRESS_FAILURE_LIMIT=4, PROXY_COUNT=1
)
def test_behind_the_proxy_a_lock_out_is_one_clients(django_user_model):
    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    sprayer = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    statuses = [fail_sign_in(f"cible{n}@test.fr", **sprayer).status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    # Locked out, whatever it writes in front of the proxy's address.
    forged = {**sprayer, "HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.9"}
    assert fail_sign_in("cible9@test.fr", **forged).status_code == 429
    # Another client behind the same proxy signs in.
    other = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    response = Client().post(
        "/compte/connexion/", {"username": "lea@test.fr", "password": "Mot-de-passe-42"}, **other
    )
    assert response.status_code == 302


@override_settings(SIGNUP_LIMITS={"per_ip": 1, "per_email": 3}, PROXY_COUNT=1)
def test_behind_the_proxy_sign_ups_are_limited_per_client(client):
    first = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert sign_up(client, "a@test.fr", extra=first).status_code == 302
    forged = {**first, "HTTP_X_FORWARDED_FOR": "10.0.0.1, 203.0.113.9"}
    assert sign_up(client, "b@test.fr", extra=forged).status_code == 429
    other = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert sign_up(client, "b@test.fr", extra=other).status_code == 302
