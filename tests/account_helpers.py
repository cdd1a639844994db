"""Signing up as a visitor does: the form, then the link of the e-mail it sends."""

import re

from django.core import mail
from django.urls import reverse

STRONG_PASSWORD = "Un-mot-de-passe-solide-42"


def sign_up(client, email, next_url="", extra=None, **fields):
    """Post the sign-up form (`extra`: request headers and environ); returns the response."""
    url = reverse("accounts:signup") + (f"?next={next_url}" if next_url else "")
    data = {"email": email, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}
    data.update(fields)
    if next_url:
        data["next"] = next_url
    return client.post(url, data, **(extra or {}))


def link_in_last_email(to):
    message = next(m for m in reversed(mail.outbox) if m.to == [to])
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def sign_up_and_activate(client, email, next_url="", **fields):
    """Sign up, then follow the activation link: signed in, where `next` said."""
    response = sign_up(client, email, next_url, **fields)
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(link_in_last_email(email))
