from channels.auth import AuthMiddlewareStack
from channels.sessions import SessionMiddlewareStack
from django.urls import path

from . import consumers

# A phone is known by its Django session alone (its participant's token is kept there); only the
# projector needs the signed-in user. Reading the user too would cost every phone two more
# queries when a whole room reconnects at once.
websocket_urlpatterns = [
    path("ws/direct/<str:code>/", SessionMiddlewareStack(consumers.ParticipantConsumer.as_asgi())),
    path(
        "ws/direct/<str:code>/projecteur/",
        AuthMiddlewareStack(consumers.ProjectorConsumer.as_asgi()),
    ),
]
