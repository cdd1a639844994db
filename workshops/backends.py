"""Django's ModelBackend, which also tells whether the signed-in user is a trainer.

Every page's header asks (to show "Mes ateliers"), and so does each trainer view: the answer
comes with the user, in the query that loads them on each request, rather than in one more.
"""

from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .roles import TRAINERS_GROUP


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        in_trainers = Group.objects.filter(name=TRAINERS_GROUP, user=OuterRef("pk"))
        user = (
            get_user_model()
            ._default_manager.annotate(_is_trainer=Exists(in_trainers))
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
