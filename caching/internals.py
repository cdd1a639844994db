"""Every use of a framework's private attributes, in one place. Each is pinned by
tests/test_framework_internals.py, which fails as soon as an upgrade of Django or Wagtail changes
one of them: fix it here, and nowhere else."""

from django.contrib.sessions.backends.base import SessionBase


def give_wagtail_the_route(request, site, route):
    """Where Wagtail keeps the site and the route it found for a request: Site.find_for_request
    and Page.route_for_request read them before doing any work of their own."""
    request._wagtail_site = site
    request._wagtail_route_for_request = route


def session_data_to_save(store, must_create):
    """The session's data as Django's own save reads it (not loaded again for a new session)."""
    return store._get_session(no_load=must_create)


class SessionKeyFromOneRead(SessionBase):
    """Django draws a new session key with `_get_new_session_key`: here, from one read of the
    system's randomness rather than one per character (about 55 system calls)."""

    def _get_new_session_key(self):
        import base64
        import secrets

        # 32 characters from a-z and 2-7: 160 random bits (Django's keys carry 165).
        return base64.b32encode(secrets.token_bytes(20)).decode().lower()
