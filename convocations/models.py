"""What the training body told each learner before the action (Qualiopi: informing
participants): the convocation, its updates when the programme changed, the reminder the day
before. Each row is a message queued for one learner, with the e-mail job that delivers it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Convocation(models.Model):
    class Kind(models.TextChoices):
        CONVOCATION = "convocation", _("convocation")
        UPDATE = "update", _("mise à jour du programme")
        REMINDER = "reminder", _("rappel la veille")

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="convocations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    learner_name = models.CharField(_("participant"), max_length=300)
    email = models.EmailField(_("e-mail"))
    kind = models.CharField(_("message"), max_length=20, choices=Kind.choices)
    # The programme it announced (workshops' sessions, as convocations.services.digest reads it):
    # a later change sends an update to whoever was told an older one.
    schedule_digest = models.CharField(max_length=64)
    # A reminder is for one day of sessions.
    day = models.DateField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued_at = models.DateTimeField(_("envoyé le"))
    job = models.ForeignKey("jobs.Job", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user", "day"],
                condition=models.Q(kind="reminder"),
                name="one_reminder_a_day",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.learner_name} — {self.workshop}"
