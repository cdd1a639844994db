"""Who is a trainer (a member of the Trainers group, created by build_content), and the
workshops a trainer may see."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from .models import Workshop

TRAINERS_GROUP = "Trainers"


def is_trainer(user):
    """Asked by the trainer views and by the header: once per request. The authentication
    backend loads it with the user (workshops.backends); otherwise it is asked here once."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_trainer"):
        user._is_trainer = user.groups.filter(name=TRAINERS_GROUP).exists()
    return user._is_trainer


def trainer_required(view):
    """Trainers only. Every trainer page is personal: never cached."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def workshop_run_by(request, pk):
    """A workshop the signed-in trainer runs; 404 for any other, even if it exists."""
    return get_object_or_404(Workshop.objects.run_by(request.user), pk=pk)
