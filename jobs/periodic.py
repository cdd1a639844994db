"""Short checks the task worker makes every minute beside its queue (and the daily purge once
more): each app registers its own in its AppConfig.ready() (live sessions left open end by
themselves), so the worker knows no app above it. A check changes only what is due, quickly, and
may run in several workers at once."""

import logging

from django.utils import timezone

log = logging.getLogger(__name__)

_checks = {}


def register(label, check):
    """`check(now)` does what is due at `now` and returns how many things it changed; `label`
    names them in the purge's report ("live sessions ended")."""
    _checks[label] = check


def run(now=None):
    """Every registered check: {label: how many}. One that fails is logged, the others run."""
    now = now or timezone.now()
    done = {}
    for label, check in _checks.items():
        try:
            done[label] = check(now)
        except Exception:
            log.exception("The periodic check %r failed", label)
    return done
