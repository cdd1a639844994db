"""The content generation: one value that changes whenever published content changes, shared by
every worker and every server. Cached pages, template fragments and each process's memo are keyed
by it, so one change empties them all at once, everywhere.

It lives in the "shared" cache (settings.CACHES): Redis when there is one, else a table of the
database, which every worker of every server reads. Either way, one round trip per request.
"""

import secrets
import time

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "content:generation"


def shared_cache():
    return caches["shared"]


def new_value():
    """Unique whatever the clocks of several servers say: generations are only compared (their
    time only dates pages, see made_at)."""
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def made_at(value):
    """When a generation was made, in seconds since the epoch (None for a value made otherwise)."""
    try:
        return int(value.partition("-")[0], 16) / 10**9
    except (AttributeError, ValueError):
        return None


def current():
    cache = shared_cache()
    value = cache.get(KEY)
    if value is None:  # never set, or evicted: start a new one (never an old one again)
        cache.add(KEY, new_value(), timeout=None)
        value = cache.get(KEY)
    return value


def request_generation(request):
    """The generation, read once per request."""
    if not hasattr(request, "_content_generation"):
        request._content_generation = current()
    return request._content_generation


def bump():
    shared_cache().set(KEY, new_value(), timeout=None)


def invalidate(**kwargs):
    """Content changed: a new generation now, and another once the change is committed, so that
    a request served in between (which may have read the old content) is not kept either."""
    bump()
    transaction.on_commit(bump, robust=True)


def invalidate_on_change(*models, on_save=True):
    """Each app names the models whose changes show on pages (a deletion always does; a save,
    unless publishing signals say it)."""
    for model in models:
        label = model._meta.label
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"caching-delete-{label}")
        if on_save:
            post_save.connect(invalidate, sender=model, dispatch_uid=f"caching-save-{label}")
