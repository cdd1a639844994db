"""Scaling out: two app servers on different ports share PostgreSQL and Redis."""

import re

import pytest
import requests

from .servers import form_fields, sign_in

pytestmark = pytest.mark.production

# Moderators publish statistics (editors submit them for moderation).
MODERATOR = ("moderateur@atelier-reseaux.test", "Moderateur-demo-2026")
LEARNER = ("apprenant@atelier-reseaux.test", "Apprenant-demo-2026")


def test_content_published_through_one_server_is_served_by_the_other_at_once(shared_site):
    first, second = shared_site
    home = requests.get(second.url + "/")
    assert "68\u00a0%" in home.text
    assert requests.get(second.url + "/").headers.get("X-Page-Cache") == "hit"
    # The other server confirms the same copy (the validators follow the shared generation).
    etag = home.headers["ETag"]
    assert requests.get(first.url + "/", headers={"If-None-Match": etag}).status_code == 304

    moderator = requests.Session()
    assert sign_in(moderator, first.url, *MODERATOR, path="/admin/login/").status_code == 302
    listing = moderator.get(first.url + "/admin/snippets/figures/statistic/?q=inscrits").text
    for edit_path in re.findall(r"/admin/snippets/figures/statistic/edit/\d+/", listing):
        fields = form_fields(moderator.get(first.url + edit_path).text)
        if fields["slug"] == "france-inscrits":
            break
    assert fields["slug"] == "france-inscrits"
    fields.update(value="72", **{"action-publish": "action-publish"})
    response = moderator.post(first.url + edit_path, data=fields, allow_redirects=False)
    assert response.status_code == 302

    home = requests.get(second.url + "/", headers={"If-None-Match": etag})
    assert home.status_code == 200
    assert "72\u00a0%" in home.text and "68\u00a0%" not in home.text


def test_a_session_opened_on_one_server_works_on_the_other(shared_site):
    first, second = shared_site
    learner = requests.Session()
    assert sign_in(learner, first.url, *LEARNER).status_code == 302
    space = learner.get(second.url + "/compte/mon-espace/", allow_redirects=False)
    assert space.status_code == 200 and "Mon espace" in space.text
    assert "no-store" in space.headers["Cache-Control"]


def test_login_throttling_counts_failures_on_both_servers(shared_site):
    first, second = shared_site
    email = "formatrice@atelier-reseaux.test"
    for server in (first, second):
        assert sign_in(requests.Session(), server.url, email, "mauvais").status_code == 200
    assert sign_in(requests.Session(), first.url, email, "mauvais").status_code == 429
    # Locked on the other server too, even with the right password.
    response = sign_in(requests.Session(), second.url, email, "Formatrice-demo-2026")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.text
