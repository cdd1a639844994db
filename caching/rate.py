"""How often something was done, counted where every worker and server sees the same numbers
(the "shared" cache): sign-ups, joins to a live session…"""

import hashlib
import time

from django.core.cache import caches


def allow(action, subject, limit, period):
    """True while `subject` (an IP address, an e-mail address…) has done `action` fewer than
    `limit` times in the current window of `period` seconds; this time is counted."""
    window = int(time.time() // period)
    digest = hashlib.sha256(str(subject).encode()).hexdigest()[:32]  # no address in the key
    key = f"rate:{action}:{digest}:{window}"
    cache = caches["shared"]
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit
