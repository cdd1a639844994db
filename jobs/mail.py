"""E-mails are sent by the task worker, never in a request: an SMTP server that answers slowly,
or not at all, holds no page, and a delivery that fails is tried again (three times, a minute
apart) before its job says it failed."""

from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from .background import job_task, start


@job_task(attempts=3)
def send_email(job, to, subject, body):
    EmailMessage(subject, body, to=[to]).send()


def send(user, subject, body, to=None):
    """Queue an e-mail to `user`, or from `user` to the address `to` (a trainer's invitation):
    the job belongs to `user`, who sees it fail, and goes with their account."""
    return start(
        send_email,
        title=_("E-mail : %(subject)s") % {"subject": subject},
        owner=user,
        to=to or user.email,
        subject=subject,
        body=body,
    )
