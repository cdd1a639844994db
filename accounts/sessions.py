"""Sessions for several app servers: kept in the database, read through the shared cache.

Django's cached_db engine, with two fewer round trips when a session starts: it asks the
database whether a new random key is taken, though saving a new session refuses a taken key
anyway (Django then draws another); and it writes a new session to the cache twice.
"""

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class SessionStore(cached_db.SessionStore):
    def _get_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # which saves it, to the database and the cache, once
        return super().save(must_create)
