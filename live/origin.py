"""Which pages may open a live session's socket: only this site's own, as Django's CSRF check
decides for a form. Channels' AllowedHostsOriginValidator compares the Origin's host name with
ALLOWED_HOSTS, whatever its scheme and port (http://site opening the socket of https://site, or
another service on site:8080); here the Origin must also be the scheme, host and port the socket
was asked on (or one of CSRF_TRUSTED_ORIGINS)."""

from urllib.parse import urlsplit

from channels.security.websocket import AllowedHostsOriginValidator, WebsocketDenier
from django.conf import settings
from django.http.request import is_same_domain

DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url):
    """(scheme, host name, port) of a URL, its port made explicit; None if it is not one."""
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port


def header(scope, name):
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin1")
    return None


def own_origin(scope):
    """The origin the socket was asked on, as Django reads a request's: the Host header (or
    X-Forwarded-Host where USE_X_FORWARDED_HOST), and HTTPS when the proxy's header says so
    (SECURE_PROXY_SSL_HEADER, as behind deploy/nginx.conf) or the socket is wss."""
    host = header(scope, b"x-forwarded-host") if settings.USE_X_FORWARDED_HOST else None
    host = (host or header(scope, b"host") or "").split(",")[0].strip()
    scheme = "https" if scope.get("scheme") == "wss" else "http"
    if settings.SECURE_PROXY_SSL_HEADER:
        name, secure = settings.SECURE_PROXY_SSL_HEADER
        name = name.removeprefix("HTTP_").lower().replace("_", "-").encode("latin1")
        value = header(scope, name)
        if value is not None:
            scheme = "https" if value.split(",")[0].strip() == secure else "http"
    return origin(f"{scheme}://{host}") if host else None


def trusted(sent):
    """One of CSRF_TRUSTED_ORIGINS, read as Django's CSRF check reads them (exactly, or under a
    wildcard: "https://*.example.com")."""
    if sent in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(sent)
    return any(
        is_same_domain(parts.netloc, urlsplit(allowed).netloc.lstrip("*"))
        for allowed in settings.CSRF_TRUSTED_ORIGINS
        if "*" in allowed and urlsplit(allowed).scheme == parts.scheme
    )


class SameOriginValidator:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        sent = header(scope, b"origin") or ""
        if origin(sent) is None or (origin(sent) != own_origin(scope) and not trusted(sent)):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)


def same_origin_only(application):
    """The Origin's host among ALLOWED_HOSTS (Channels), and the Origin this very site's."""
    return AllowedHostsOriginValidator(SameOriginValidator(application))
