"""Limits on signing in: django-axes, per account and address, plus a limit per address across
accounts. Counted in the database, which every worker and server shares."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def username_from_credentials(request, credentials):
    """Axes counts failures per e-mail address as the user typed it: "Lea@x.fr" and "lea@x.fr"
    are one account, so they are one count."""
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    return username.strip().lower()


class AddressAwareHandler(AxesDatabaseHandler):
    """Django-axes' database handler (shared by every worker and server), which also locks an
    address out after LOGIN_ADDRESS_FAILURE_LIMIT failures on any accounts within the cool-off:
    a few wrong passwords tried on many accounts (password spraying). The limit is higher than
    one account's, for a room of learners behind one address."""

    def is_locked(self, request, credentials=None):
        """Asked before each sign-in: refused at once when locked."""
        return super().is_locked(request, credentials) or self.address_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """After each failure, counted by axes: the lock-out page when the address is locked
        (axes decides it for an account alone)."""
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and self.address_locked(request):
            request.axes_locked_out = True

    def address_locked(self, request):
        return self.address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT

    def address_failures(self, request):
        since = timezone.now() - get_cool_off(request)
        failures = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=since
        ).aggregate(total=Sum("failures_since_start"))["total"]
        return failures or 0
