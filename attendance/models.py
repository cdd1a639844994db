"""Attendance sheets (émargement): one sheet per scheduled session of a workshop, one line per
participant, signed on their own phone in the room during the session (or through their own link
for a session at a distance), then countersigned by the trainer, which seals the sheet.

Legal evidence: each signature keeps its proof (server time, address, browser, method, how the
signer was identified, the room's code); the seal is a SHA-256 digest of the sheet's content as
countersigned, kept with that content, which never changes; what happens after it (an absence
noted, a signature contested) is an amendment saying who, when and why. A line keeps the name it
was signed under when the account is deleted (see attendance.personal_data)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_secret():
    return secrets.token_hex(20)


class Sheet(models.Model):
    session = models.OneToOneField(
        "workshops.WorkshopSession",
        on_delete=models.PROTECT,
        related_name="sheet",
        verbose_name=_("séance"),
    )
    # The room's code, shown on the projector, is computed from it (attendance.codes).
    code_secret = models.CharField(max_length=40, default=new_secret, editable=False)
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
    # The proof of the countersignature, as for a learner's signature (Presence).
    trainer_method = models.CharField(_("méthode de la contresignature"), max_length=5, blank=True)
    trainer_identified_by = models.CharField(_("formateur identifié par"), max_length=7, blank=True)
    trainer_ip_address = models.GenericIPAddressField(
        _("adresse IP de la contresignature"), null=True, blank=True
    )
    trainer_user_agent = models.CharField(
        _("navigateur de la contresignature"), max_length=300, blank=True
    )
    # A countersignature after its window (the trainer forgot): allowed with a reason, which the
    # sheet shows and the seal covers, as a learner's late signature.
    trainer_late_reason = models.TextField(_("contresignature tardive, motif"), blank=True)
    sealed_content = models.JSONField(_("contenu scellé"), null=True, blank=True)
    seal_digest = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("feuille d'émargement")
        verbose_name_plural = _("feuilles d'émargement")
        ordering = ["session__date", "session__starts_at"]

    def __str__(self):
        return str(self.session)

    @property
    def workshop(self):
        return self.session.workshop

    @property
    def sealed(self):
        return bool(self.seal_digest)


class Presence(models.Model):
    """One line of a sheet: signed by the participant, or an absence the trainer recorded. A
    trainer never signs for someone."""

    class Status(models.TextChoices):
        SIGNED = "signed", _("présent, a signé")
        ABSENT = "absent", _("absent")

    class Method(models.TextChoices):
        DRAWN = "drawn", _("signature tracée")
        TAP = "tap", _("présence confirmée d'un geste")

    class Identified(models.TextChoices):
        ACCOUNT = "account", _("session de son compte")
        LINK = "link", _("lien personnel")

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("participant"),
    )
    # Once the account is deleted: its former id, which ties the line to the workshop's former
    # member (workshops.models.Membership) and names no one.
    former_user_id = models.PositiveBigIntegerField(null=True, editable=False)
    name = models.CharField(_("nom"), max_length=300)
    status = models.CharField(_("présence"), max_length=6, choices=Status.choices)
    signed_at = models.DateTimeField(_("signé le"), null=True, blank=True)
    signature = models.TextField(
        _("signature"), blank=True, help_text=_("Tracé dessiné ; vide pour une présence confirmée.")
    )
    # The proof of a signature.
    method = models.CharField(_("méthode"), max_length=5, choices=Method.choices, blank=True)
    identified_by = models.CharField(
        _("signataire identifié par"), max_length=7, choices=Identified.choices, blank=True
    )
    code = models.CharField(_("code de la salle saisi"), max_length=8, blank=True)
    ip_address = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    user_agent = models.CharField(_("navigateur"), max_length=300, blank=True)
    late_reason = models.TextField(_("signature tardive, motif"), blank=True)
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
            models.UniqueConstraint(fields=["sheet", "user"], name="one_line_per_participant")
        ]

    def __str__(self):
        return f"{self.name} — {self.sheet}"

    @property
    def late(self):
        return bool(self.late_reason)


class LateSignature(models.Model):
    """The trainer lets one learner sign outside the window, with a reason; the sheet shows the
    signature as late, with that reason."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="late_signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("motif"))
    allowed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    allowed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "user"], name="one_late_signature_each")
        ]

    def __str__(self):
        return f"{self.sheet} — {self.reason}"


class Amendment(models.Model):
    """A change to a sheet once it is sealed, or a contested signature: who, when, why. Printed
    below the sealed content, which itself never changes."""

    class Kind(models.TextChoices):
        ABSENCE = "absence", _("absence notée")
        CONTEST = "contest", _("signature contestée")

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="amendments")
    presence = models.ForeignKey(
        Presence, null=True, on_delete=models.SET_NULL, related_name="amendments"
    )
    kind = models.CharField(_("nature"), max_length=7, choices=Kind.choices)
    about = models.CharField(_("participant"), max_length=300)
    reason = models.TextField(_("motif"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_by_name = models.CharField(_("par"), max_length=300)
    made_at = models.DateTimeField(_("le"))

    class Meta:
        verbose_name = _("modification")
        verbose_name_plural = _("modifications")
        ordering = ["made_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.about}"


class LinkSent(models.Model):
    """A personal signing link e-mailed to a learner for a session at a distance, with the
    e-mail job that delivers it: the trainer sees, on the sheet, whose link did not arrive and
    why, and sends that one again. The link itself is never kept (it signs as its learner)."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="links_sent")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("envoyé le"))
    job = models.ForeignKey("jobs.Job", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("lien d'émargement envoyé")
        verbose_name_plural = _("liens d'émargement envoyés")
        ordering = ["sent_at", "pk"]

    def __str__(self):
        return f"{self.user} — {self.sheet}"
