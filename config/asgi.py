"""ASGI entry point: the live sessions' WebSockets (and, in development, every page).

In production the pages stay on gunicorn (config.wsgi) and daphne serves only /ws/: the proxy
sends the WebSocket upgrades there (README, "Deploying")."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_application = get_asgi_application()  # sets Django up before the consumers are imported

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from live.origin import same_origin_only  # noqa: E402
from live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        # Only pages of this site (its scheme, host and port) may open a socket: no cross-site
        # WebSocket hijacking. Each route reads the visitor's session (and user) as it needs
        # (live.routing).
        "websocket": same_origin_only(URLRouter(websocket_urlpatterns)),
    }
)
