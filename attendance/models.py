"""Attendance sheets (émargement): one signature per participant and half-day, given on their own
phone during that half-day, and the trainer's countersignature. Legal evidence: a line keeps the
name it was signed under when the account is deleted (see attendance.personal_data)."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# Morning until 13:00, afternoon from then, in the site's time zone (Paris).
NOON = time(13, 0)


class Period(models.TextChoices):
    MORNING = "am", _("matin")
    AFTERNOON = "pm", _("après-midi")


def period_at(moment):
    return Period.MORNING if timezone.localtime(moment).time() < NOON else Period.AFTERNOON


class HalfDay(models.Model):
    workshop = models.ForeignKey(
        "workshops.Workshop",
        on_delete=models.CASCADE,
        related_name="half_days",
        verbose_name=_("atelier"),
    )
    date = models.DateField(_("date"))
    period = models.CharField(_("demi-journée"), max_length=2, choices=Period.choices)
    opened_at = models.DateTimeField(_("émargement ouvert le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("émargement clos le"), null=True, blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("formateur"),
    )
    trainer_name = models.CharField(_("contresigné par"), max_length=300, blank=True)
    countersigned_at = models.DateTimeField(_("contresigné le"), null=True, blank=True)
    trainer_signature = models.TextField(_("signature du formateur"), blank=True)

    class Meta:
        verbose_name = _("demi-journée")
        verbose_name_plural = _("demi-journées")
        ordering = ["date", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "date", "period"], name="one_sheet_per_half_day"
            )
        ]

    def __str__(self):
        return f"{date_format(self.date, 'l j F Y')}, {self.get_period_display()}"

    def bounds(self):
        """When this half-day starts and ends, as aware datetimes."""
        start = time(0, 0) if self.period == Period.MORNING else NOON
        start_at = timezone.make_aware(datetime.combine(self.date, start))
        if self.period == Period.MORNING:
            return start_at, timezone.make_aware(datetime.combine(self.date, NOON))
        return start_at, timezone.make_aware(
            datetime.combine(self.date + timedelta(days=1), time())
        )

    def is_open(self, now=None):
        """Signing is possible: opened by the trainer, not closed, and within the half-day."""
        now = now or timezone.now()
        start, end = self.bounds()
        return bool(self.opened_at) and not self.closed_at and start <= now < end


class Presence(models.Model):
    """One line of a half-day's sheet: signed by the participant, or an absence the trainer
    recorded. A trainer never signs for someone."""

    class Status(models.TextChoices):
        SIGNED = "signed", _("présent, a signé")
        ABSENT = "absent", _("absent")

    half_day = models.ForeignKey(HalfDay, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("participant"),
    )
    name = models.CharField(_("nom"), max_length=300)
    status = models.CharField(_("présence"), max_length=6, choices=Status.choices)
    signed_at = models.DateTimeField(_("signé le"), null=True, blank=True)
    signature = models.TextField(
        _("signature"), blank=True, help_text=_("Tracé dessiné ; vide pour une présence confirmée.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("absence notée par"),
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.UniqueConstraint(fields=["half_day", "user"], name="one_line_per_participant")
        ]

    def __str__(self):
        return f"{self.name} — {self.half_day}"
