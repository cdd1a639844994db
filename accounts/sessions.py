"""Sessions for several app servers: kept in the database, read through the shared cache.

Django's cached_db engine, with two fewer round trips when a session starts: it asks the
database whether a new random key is taken, though saving a new session refuses a taken key
anyway (Django then draws another); and it writes a new session to the cache twice.
"""

import base64
import secrets

from django.contrib.sessions.backends import cached_db


def new_session_key():
    """32 characters from a-z and 2-7 (160 random bits; Django's keys carry 165), read from
    the system in one call: Django's get_random_string makes one per character, about 55
    system calls for a session key."""
    return base64.b32encode(secrets.token_bytes(20)).decode().lower()


class SessionStore(cached_db.SessionStore):
    def _get_new_session_key(self):
        return new_session_key()

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # which saves it, to the database and the cache, once
        return super().save(must_create)
