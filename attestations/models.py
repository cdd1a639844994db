"""Attestations de fin de formation (article L6353-1 du Code du travail) and the certificates
of completion financers ask for, both printed from one record. The record keeps what it
certifies, as it was when issued: legal evidence that outlives the learner's account and later
changes to quizzes and results (see attestations.personal_data)."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AttestationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(revoked_at=None)


class Attestation(models.Model):
    token = models.UUIDField(_("code de vérification"), unique=True, default=uuid.uuid4)
    workshop = models.ForeignKey(
        "workshops.Workshop",
        null=True,
        on_delete=models.SET_NULL,
        related_name="attestations",
        verbose_name=_("atelier"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="attestations",
        verbose_name=_("stagiaire"),
    )
    learner_name = models.CharField(_("stagiaire"), max_length=300)
    content = models.JSONField(_("contenu certifié"))
    issued_at = models.DateTimeField(_("délivrée le"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("délivrée par"),
    )
    # Issued to a learner no countersigned sheet shows present: the trainer's reason.
    issued_reason = models.TextField(_("motif de délivrance sans présence"), blank=True)
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("révoquée par"),
    )
    revocation_reason = models.TextField(_("motif de la révocation"), blank=True)
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("remplacée par"),
    )

    objects = AttestationQuerySet.as_manager()

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        ordering = ["learner_name", "-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"],
                condition=models.Q(revoked_at=None),
                name="one_current_attestation_per_learner",
            )
        ]

    def __str__(self):
        return f"{self.learner_name} — {self.content['workshop']['title']}"

    def get_verify_url(self):
        return reverse("attestations:verify", args=[self.token])

    def get_download_url(self, document="attestation"):
        return reverse("attestations:download", args=[self.token, document])

    @property
    def evaluated(self):
        return self.content["results"]["final"] is not None


def document_path(document, name):
    """Each document in a folder of its own random name, never the verification token printed
    on it. MEDIA_ROOT is not published in production (deploy/nginx.conf): downloads go through
    the views that check who asks."""
    return f"attestations/{uuid.uuid4().hex}/{name}"


class Document(models.Model):
    """One of an attestation's PDFs as it was issued: rendered (and signed) once, its bytes kept
    and their SHA-256 digest recorded. Downloads and the ZIP serve these bytes; the verification
    page gives the digest, so that a changed copy shows."""

    class Kind(models.TextChoices):
        ATTESTATION = "attestation", _("attestation de fin de formation")
        CERTIFICATE = "certificat", _("certificat de réalisation")

    attestation = models.ForeignKey(Attestation, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    file = models.FileField(upload_to=document_path, max_length=300)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    signed = models.BooleanField(_("signé électroniquement"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document délivré")
        verbose_name_plural = _("documents délivrés")
        ordering = ["attestation", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["attestation", "kind"], name="one_document_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.attestation}"


class ExpiredAttestation(models.Model):
    """What stays of an attestation (and its certificate) once its retention period is over and
    the purge has deleted it, or of an attestation de suivi once its learner deleted their
    account: that it existed, without anything about the person, so that its verification
    address still answers instead of calling a genuine document unknown."""

    class Kind(models.TextChoices):
        # The documents every workshop attestation record prints.
        WORKSHOP = "formation", _("Attestation de fin de formation et certificat de réalisation")
        SELF_STUDY = "suivi", _("Attestation de suivi du cours en ligne")

    token = models.UUIDField(_("code de vérification"), unique=True)
    kind = models.CharField(
        _("document"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP
    )
    issued_at = models.DateTimeField(_("délivrée le"))
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    body_name = models.CharField(_("organisme de formation"), max_length=200, blank=True)
    personal_data_deleted_at = models.DateTimeField(_("données personnelles supprimées le"))

    class Meta:
        verbose_name = _("attestation expirée")
        verbose_name_plural = _("attestations expirées")

    def __str__(self):
        return str(self.token)

    @classmethod
    def record(cls, attestations, now):
        """Before the purge deletes `attestations`: what stays of each."""
        cls.objects.bulk_create(
            [
                cls(
                    token=token,
                    issued_at=issued_at,
                    revoked_at=revoked_at,
                    body_name=(content.get("body") or {}).get("name", ""),
                    personal_data_deleted_at=now,
                )
                for token, issued_at, revoked_at, content in attestations.values_list(
                    "token", "issued_at", "revoked_at", "content"
                )
            ],
            ignore_conflicts=True,
        )


class SelfStudyAttestation(models.Model):
    """An attestation de suivi: a learner alone read every lesson of the course and passed its
    final quiz (attestations.self_study). Not a training certificate: no training action, no
    hours. It states only what the site recorded, kept in `content` as it was when issued,
    once per learner and course, with the one PDF printed from it (kept with its SHA-256
    digest, like a workshop attestation's documents); its verification address is theirs."""

    token = models.UUIDField(_("code de vérification"), unique=True, default=uuid.uuid4)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="self_study_attestations",
        verbose_name=_("apprenant"),
    )
    course = models.ForeignKey(
        "lessons.CoursePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cours"),
    )
    learner_name = models.CharField(_("apprenant"), max_length=300)
    content = models.JSONField(_("contenu attesté"))
    issued_at = models.DateTimeField(_("délivrée le"), auto_now_add=True)
    file = models.FileField(upload_to=document_path, max_length=300, blank=True)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True)
    signed = models.BooleanField(_("signée électroniquement"), default=False)

    class Meta:
        verbose_name = _("attestation de suivi")
        verbose_name_plural = _("attestations de suivi")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="one_self_study_attestation_per_course"
            )
        ]

    def __str__(self):
        return f"{self.learner_name} — {self.content['course']['title']}"

    def get_verify_url(self):
        return reverse("attestations:verify", args=[self.token])

    def get_download_url(self):
        return reverse("attestations:self_study_download", args=[self.token])

    def get_kind_display(self):
        """As a workshop attestation's documents name themselves on the verification page."""
        return ExpiredAttestation.Kind.SELF_STUDY.label
