"""E-mail reminders, only for learners who asked for them in "Mon espace" (off until they do):
once a day, from REVIEW_REMINDER_HOUR, "N questions à revoir aujourd'hui", on the days some are
due, by a periodic check of the task worker; each e-mail links to the review and to a page that
stops them (also one click from the mail client: List-Unsubscribe)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from caching.addresses import public_url
from jobs import mail
from typography.french import typeset, typeset_text

from . import schedule
from .models import ReviewReminder


def subscribe(user, now=None):
    """The learner asks for the reminders: from the next day (today's questions are in front
    of them)."""
    now = now or timezone.now()
    reminder, created = ReviewReminder.objects.get_or_create(
        user=user, defaults={"subscribed_at": now, "checked_on": timezone.localdate(now)}
    )
    if not created and not reminder.active:
        reminder.subscribed_at, reminder.unsubscribed_at = now, None
        reminder.checked_on = timezone.localdate(now)
        reminder.save(update_fields=["subscribed_at", "unsubscribed_at", "checked_on"])
    return reminder


def unsubscribe(reminder, now=None):
    if reminder.active:
        reminder.unsubscribed_at = now or timezone.now()
        reminder.save(update_fields=["unsubscribed_at"])


def is_subscribed(user):
    return ReviewReminder.objects.filter(user=user, unsubscribed_at=None).exists()


def send(reminder, count):
    user = reminder.user
    stop_url = public_url(reverse("recall:unsubscribe", args=[reminder.token]))
    context = {
        "first_name": user.first_name,
        "count": count,
        "review_url": public_url(reverse("recall:review")),
        "stop_url": stop_url,
        "space_url": public_url(reverse("accounts:space")),
    }
    subject = typeset_text(render_to_string("recall/emails/subject.txt", context).strip())
    text = typeset_text(render_to_string("recall/emails/message.txt", context))
    html = typeset(render_to_string("recall/emails/message.html", context))
    headers = {
        "List-Unsubscribe": f"<{stop_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return mail.send(user, subject, text, html=html, headers=headers)


def send_review_reminders(now):
    """From REVIEW_REMINDER_HOUR (Paris), each subscribed learner is looked at once a day and
    e-mailed if questions are due that day. Returns how many e-mails were queued."""
    local = timezone.localtime(now)
    if local.hour < settings.REVIEW_REMINDER_HOUR:
        return 0
    today = local.date()
    sent = 0
    pending = (
        ReviewReminder.objects.filter(unsubscribed_at=None, user__is_active=True)
        .exclude(checked_on=today)
        .select_related("user")
    )
    for reminder in pending:
        # Claimed first: two workers checking at once e-mail the learner once.
        claimed = (
            ReviewReminder.objects.filter(pk=reminder.pk)
            .exclude(checked_on=today)
            .update(checked_on=today)
        )
        if not claimed:
            continue
        count = schedule.summary(schedule.Learner(user=reminder.user), today).due_count
        if count:
            send(reminder, count)
            sent += 1
    return sent
