"""Sessions for several app servers: kept in the database, read through the shared cache.

Django's cached_db engine, with fewer round trips to the database when a session is saved:
Django asks whether a new random key is taken, though saving a new session refuses a taken key
anyway (Django then draws another); it wraps the one INSERT or UPDATE in a transaction of its
own (BEGIN and COMMIT: two more round trips) even when none is open, as when the session
middleware saves it after the view; and it writes a new session to the cache twice.
"""

from django.contrib.sessions.backends import cached_db, db
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, router, transaction

from .internals import SessionKeyFromOneRead, session_data_to_save


class OneStatementSave(db.SessionStore):
    """The database part of a save: one INSERT or UPDATE, without a transaction of its own when
    none is open (inside one, Django's savepoint keeps that transaction usable)."""

    def save(self, must_create=False):
        using = router.db_for_write(self.model)
        if transaction.get_connection(using).in_atomic_block:
            return super().save(must_create)
        obj = self.create_model_instance(session_data_to_save(self, must_create))
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


class SessionStore(SessionKeyFromOneRead, cached_db.SessionStore, OneStatementSave):
    """cached_db's save writes to the database through OneStatementSave (next in line after it),
    then to the cache."""

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # which saves it, to the database and the cache, once
        return super().save(must_create)
