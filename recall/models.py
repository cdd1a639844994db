"""Retrieval practice: what a learner answered when the questions they had missed came back
(each answer its own record, beside the quiz attempts, which it never changes), and whether
they asked to be told by e-mail when some are due."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewAnswer(models.Model):
    """One answer given in a review of missed questions ("Revoir mes erreurs"): the question as
    it was shown, the answer, its correction, and when the question was to come back then.
    A visitor's (user empty) lives in their session until they sign up or in, as their
    attempts do (recall.signals)."""

    round = models.UUIDField(_("révision"), db_index=True)
    position = models.PositiveSmallIntegerField(_("rang dans la révision"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("apprenant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="review_answers",
    )
    quiz = models.ForeignKey(
        "quizzes.Quiz",
        verbose_name=_("quiz"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quiz_title = models.CharField(_("titre du quiz"), max_length=255)
    question_id = models.CharField(_("question"), max_length=64)
    question = models.JSONField(_("question montrée, réponse et correction"))
    is_correct = models.BooleanField(_("bonne réponse"))
    answered_at = models.DateTimeField(_("répondue le"))
    # Whether the question was due when it was answered (a second tab may answer one already
    # reviewed that day): only an answer given when due moves its schedule.
    counted = models.BooleanField(_("comptée dans le calendrier"), default=True)
    next_on = models.DateField(
        _("prochaine révision"),
        null=True,
        blank=True,
        help_text=_("Vide : la question est acquise et ne revient plus."),
    )

    class Meta:
        verbose_name = _("réponse de révision")
        verbose_name_plural = _("réponses de révision")
        ordering = ["-answered_at", "round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="one_answer_per_place")
        ]

    def __str__(self):
        return f"{self.quiz_title} — {self.question.get('text', '')[:60]}"


class ReviewReminder(models.Model):
    """The learner asked, in "Mon espace", for an e-mail on the days questions are due (off
    until they do). `token` is in each e-mail's unsubscribe link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("apprenant"),
        on_delete=models.CASCADE,
        related_name="review_reminder",
    )
    token = models.UUIDField(_("jeton de désabonnement"), unique=True, default=uuid.uuid4)
    subscribed_at = models.DateTimeField(_("demandé le"))
    unsubscribed_at = models.DateTimeField(_("arrêté le"), null=True, blank=True)
    # The last day the task worker looked at this learner's questions (once a day at most).
    checked_on = models.DateField(_("dernier jour vérifié"), null=True, blank=True)

    class Meta:
        verbose_name = _("rappel de révision")
        verbose_name_plural = _("rappels de révision")

    def __str__(self):
        return str(self.user)

    @property
    def active(self):
        return self.unsubscribed_at is None
