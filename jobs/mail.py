"""E-mails are sent by the task worker, never in a request: an SMTP server that answers slowly,
or not at all, holds no page, and a delivery that fails is tried again (three times, a minute
apart) before its job says it failed, with the server's reason. An address the server refuses
fails at once (trying again would not change its answer). A job is run once: nothing is sent
twice."""

import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils.translation import gettext as _

from .background import JobFailed, job_task, start

ATTEMPTS = 3
# An e-mail a learner needs (an invitation, a convocation, the "à froid" questionnaire), failed
# after those tries or refused, is sent once more this long after its job failed, by its app's
# periodic check (workshops.roster, convocations, satisfaction): a mail server down for a
# morning is back.
SEND_FAILED_AGAIN_AFTER = timedelta(days=1)


def failed_long_enough(now):
    """The rows (with a `job` to their e-mail) whose e-mail failed at least
    SEND_FAILED_AGAIN_AFTER ago: due to be sent once more, by each app's own rules."""
    from .models import Job

    return Q(job__status=Job.Status.FAILED, job__finished_at__lte=now - SEND_FAILED_AGAIN_AFTER)


def as_text(message):
    return message.decode(errors="replace") if isinstance(message, bytes) else str(message)


def reason(error):
    """The SMTP server's answer, in the words it gave (for the person who sent the e-mail)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address} : {code} {as_text(message)}"
            for address, (code, message) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {as_text(error.smtp_error)}"
    return str(error) or error.__class__.__name__


@job_task(attempts=ATTEMPTS)
def send_email(job, to, subject, body, html="", attachments=(), headers=None):
    message = EmailMultiAlternatives(subject, body, to=[to], headers=headers or None)
    if html:
        message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        raise JobFailed(
            _("L'adresse %(to)s a été refusée par le serveur de messagerie (%(reason)s).")
            % {"to": to, "reason": reason(error)}
        ) from error
    except (smtplib.SMTPException, OSError) as error:
        if job.runs >= ATTEMPTS:
            raise JobFailed(
                _("L'e-mail à %(to)s n'a pas pu être envoyé après %(count)d essais (%(reason)s).")
                % {"to": to, "count": ATTEMPTS, "reason": reason(error)}
            ) from error
        raise


def send(user, subject, body, to=None, html="", attachments=(), headers=None):
    """Queue an e-mail to `user`, or from `user` to the address `to` (a trainer's invitation or
    convocation): the job belongs to `user`, who sees it fail, and goes with their account.
    `attachments`: [(file name, text, MIME type)]; `headers`: {name: value} (List-Unsubscribe)."""
    return start(
        send_email,
        title=_("E-mail : %(subject)s") % {"subject": subject},
        owner=user,
        to=to or user.email,
        subject=subject,
        body=body,
        html=html,
        attachments=[list(attachment) for attachment in attachments],
        headers=dict(headers or {}),
    )
