"""What learners thought of a workshop (Qualiopi indicator 30): an "à chaud" questionnaire at
its end, an "à froid" one some weeks after, each written by editors in the admin with the
questions that have no right answer (quizzes.opinions). A learner is asked once per questionnaire
(Request); their answers (Response) keep the questions as they were asked, and name no one when
the questionnaire is anonymous."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin

from quizzes.blocks import OpenQuestionBlock, PollBlock, ScaleBlock, WordCloudBlock


class Timing(models.TextChoices):
    HOT = "hot", _("à chaud (à la fin de la formation)")
    COLD = "cold", _("à froid (quelques semaines après)")


class OverallScaleBlock(ScaleBlock):
    overall = blocks.BooleanBlock(
        label=_("question de satisfaction globale"),
        required=False,
        help_text=_(
            "Le taux de satisfaction publié (« Nos résultats ») compte les réponses de la moitié "
            "haute de cette échelle (4 et 5 sur 5, 7 à 10 sur 10)."
        ),
    )

    class Meta:
        label = _("Échelle d'opinion")
        icon = "order"


class SurveyQuestionsBlock(blocks.StreamBlock):
    scale = OverallScaleBlock()
    poll = PollBlock()
    open = OpenQuestionBlock()
    word_cloud = WordCloudBlock()


class Questionnaire(RevisionMixin, models.Model):
    title = models.CharField(_("titre"), max_length=200)
    timing = models.CharField(_("moment"), max_length=10, choices=Timing.choices)
    anonymous = models.BooleanField(
        _("réponses anonymes"),
        default=True,
        help_text=_("Le formateur voit les réponses sans savoir qui les a données."),
    )
    active = models.BooleanField(
        _("en usage"),
        default=True,
        help_text=_("Le questionnaire en usage le plus récent de ce moment est envoyé."),
    )
    questions = StreamField(SurveyQuestionsBlock(), verbose_name=_("questions"))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("timing"),
        FieldPanel("anonymous"),
        FieldPanel("active"),
        FieldPanel("questions"),
    ]

    class Meta:
        verbose_name = _("questionnaire de satisfaction")
        verbose_name_plural = _("questionnaires de satisfaction")
        ordering = ["timing", "-updated_at"]

    def __str__(self):
        return self.title


def new_token():
    return secrets.token_urlsafe(24)


class Request(models.Model):
    """A learner asked to answer a workshop's questionnaire: once, through the workshop's page
    ("à chaud") or a personal link sent by e-mail ("à froid", with one reminder)."""

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="satisfaction_requests"
    )
    # Emptied when the account goes: the request still counts among those asked.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    timing = models.CharField(max_length=10, choices=Timing.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    sent_at = models.DateTimeField(null=True)
    reminded_at = models.DateTimeField(null=True)
    answered_at = models.DateTimeField(null=True)
    # The last e-mail sent for it ("à froid": the link, then the reminder): the trainer sees it
    # fail, with the server's reason, and the periodic check sends a failed one once more.
    job = models.ForeignKey("jobs.Job", null=True, on_delete=models.SET_NULL, related_name="+")
    retried_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user", "timing"], name="one_request_per_learner"
            )
        ]

    def __str__(self):
        return f"{self.workshop} — {self.get_timing_display()} — {self.user}"


class Response(models.Model):
    """One learner's answers, with the questions as they were asked; `respondent` is empty when
    the questionnaire is anonymous."""

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="satisfaction_responses"
    )
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="+")
    timing = models.CharField(max_length=10, choices=Timing.choices)
    questions = models.JSONField()
    answers = models.JSONField()  # {question id: value, as quizzes.opinions.parse keeps it}
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.workshop} — {self.get_timing_display()} — {self.submitted_at:%Y-%m-%d}"


def summary_path(summary, name):
    return f"satisfaction/{summary.workshop_id}/{name}"


class Summary(models.Model):
    """The PDF summary of a workshop's answers, kept with its training evidence (Qualiopi
    indicator 30): printed by the task worker once the "à chaud" questionnaire closes, or when a
    trainer asks, stored once with its digest and never printed again; kept as long as the
    workshop's other evidence (CERTIFICATE_RETENTION_YEARS)."""

    class Reason(models.TextChoices):
        CLOSED = "closed", _("à la clôture du questionnaire à chaud")
        ASKED = "asked", _("à la demande d'un formateur")

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="satisfaction_summaries"
    )
    reason = models.CharField(_("établie"), max_length=10, choices=Reason.choices)
    file = models.FileField(upload_to=summary_path, max_length=300)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    made_at = models.DateTimeField(_("établie le"))

    class Meta:
        verbose_name = _("synthèse de satisfaction")
        verbose_name_plural = _("synthèses de satisfaction")
        ordering = ["made_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop"],
                condition=models.Q(reason="closed"),
                name="one_summary_when_the_hot_questionnaire_closes",
            )
        ]

    def __str__(self):
        return f"{self.workshop} — {self.made_at:%Y-%m-%d %H:%M}"
