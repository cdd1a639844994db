"""Sessions for several app servers: kept in the database, read through the shared cache.

Django's cached_db engine, with fewer round trips to the database when a session is saved:
Django asks whether a new random key is taken, though saving a new session refuses a taken key
anyway (Django then draws another); it wraps the one INSERT or UPDATE in a transaction of its
own (BEGIN and COMMIT: two more round trips) even when none is open, as when the session
middleware saves it after the view; and it writes a new session to the cache twice.
"""

import base64
import secrets

from django.contrib.sessions.backends import cached_db, db
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, router, transaction


def new_session_key():
    """32 characters from a-z and 2-7 (160 random bits; Django's keys carry 165), read from
    the system in one call: Django's get_random_string makes one per character, about 55
    system calls for a session key."""
    return base64.b32encode(secrets.token_bytes(20)).decode().lower()


class OneStatementSave(db.SessionStore):
    """The database part of a save: one INSERT or UPDATE, without a transaction of its own when
    none is open (inside one, Django's savepoint keeps that transaction usable)."""

    def save(self, must_create=False):
        using = router.db_for_write(self.model)
        if transaction.get_connection(using).in_atomic_block:
            return super().save(must_create)
        obj = self.create_model_instance(self._get_session(no_load=must_create))
        try:
            obj.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError:
            if must_create:
                raise CreateError from None
            raise
        except DatabaseError:
            if not must_create:
                raise UpdateError from None
            raise


class SessionStore(cached_db.SessionStore, OneStatementSave):
    """cached_db's save writes to the database through OneStatementSave (next in line after it),
    then to the cache."""

    def _get_new_session_key(self):
        return new_session_key()

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # which saves it, to the database and the cache, once
        return super().save(must_create)
