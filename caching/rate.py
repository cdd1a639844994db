"""How often something was done, counted where every worker and server sees the same numbers
(the "shared" cache): sign-ups, joins to a live session…; and who did it: the one reading of a
visitor's IP address, for these counts and for django-axes' sign-in records."""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import caches


def client_address(request):
    """The visitor's IP address. Behind PROXY_COUNT reverse proxies, each appending the address
    it received the request from to X-Forwarded-For, it is the PROXY_COUNT-th address from the
    right of that header: whatever the client wrote there itself stays further left, so it can
    neither choose its address nor escape its limits. Without PROXY_COUNT (no proxy) the header
    is anyone's to write and is ignored. A header shorter than the proxies' count did not come
    through them all: REMOTE_ADDR then."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= hops:
            try:
                return str(ipaddress.ip_address(forwarded[-hops].strip()))
            except ValueError:  # not an address: a proxy that does not append the way we count
                pass
    return remote


def _key(action, subject, period):
    window = int(time.time() // period)
    digest = hashlib.sha256(str(subject).encode()).hexdigest()[:32]  # no address in the key
    return f"rate:{action}:{digest}:{window}"


def spent(action, subject, limit, period):
    """True once `subject` has done `action` `limit` times in the current window of `period`
    seconds (this look is not counted: `allow` counts)."""
    return (caches["shared"].get(_key(action, subject, period)) or 0) >= limit


def allow(action, subject, limit, period):
    """True while `subject` (an IP address, an e-mail address…) has done `action` fewer than
    `limit` times in the current window of `period` seconds; this time is counted."""
    key = _key(action, subject, period)
    cache = caches["shared"]
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit
