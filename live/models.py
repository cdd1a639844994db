"""Live sessions: a trainer projects a quiz question by question; participants answer from their
phones with a code and a nickname (no account needed)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workshops.models import CODE_ALPHABET

CODE_LENGTH = 6  # read aloud and typed on a phone: short, and no 0/O or 1/I/L


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token():
    return secrets.token_urlsafe(24)


class Phase(models.TextChoices):
    LOBBY = "lobby", _("accueil des participants")
    QUESTION = "question", _("question ouverte")
    REVEAL = "reveal", _("correction")
    ENDED = "ended", _("terminée")


class EndReason(models.TextChoices):
    TRAINER = "trainer", _("terminée par le formateur")
    IDLE = "idle", _("terminée d'elle-même, faute d'activité")
    DAY = "day", _("terminée d'elle-même, à la fin de sa journée")
    REPLACED = "replaced", _("terminée : une autre séance de l'atelier a commencé")


class LiveSessionQuerySet(models.QuerySet):
    def run_by(self, user):
        """The sessions a trainer started, or that belong to a workshop they run."""
        return self.filter(Q(trainer=user) | Q(workshop__trainers=user)).distinct()


class LiveSession(models.Model):
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, default=new_code)
    quiz = models.ForeignKey(
        "quizzes.Quiz", verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("titre"), max_length=255)
    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("atelier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_sessions",
    )
    # Where signed-in members' answers count in the workshop's results.
    assignment = models.OneToOneField(
        "workshops.Assignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_session",
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The questions as drawn when the session started, with their answers and corrections: the
    # server's only. Phones receive a question's choices, and its correction after the reveal.
    questions = models.JSONField(_("questions"))
    phase = models.CharField(_("étape"), max_length=10, choices=Phase.choices, default=Phase.LOBBY)
    current = models.SmallIntegerField(_("question en cours"), default=-1)
    paused = models.BooleanField(_("en pause"), default=False)
    paused_at = models.DateTimeField(null=True, blank=True)
    podium = models.BooleanField(
        _("podium à la fin"),
        default=False,
        help_text=_("Les trois meilleurs pseudonymes, sans score, à la fin de la séance."),
    )
    timer_seconds = models.PositiveSmallIntegerField(
        _("temps par question (secondes)"),
        null=True,
        blank=True,
        help_text=_("Vide : pas de minuteur. Les réponses sont refusées une fois le temps écoulé."),
    )
    question_opened_at = models.DateTimeField(null=True, blank=True)
    # Bumped at every change: a client ignores a state older than the one it shows.
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("commencée le"), auto_now_add=True)
    # The last join, answer or control of the trainer: without any for LIVE_IDLE_MINUTES, the
    # session ends by itself (live.services.end_if_over). Written at most once a minute.
    active_at = models.DateTimeField(_("dernière activité"), default=timezone.now)
    ended_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    end_reason = models.CharField(
        _("fin"), max_length=10, choices=EndReason.choices, blank=True, default=""
    )

    objects = LiveSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("séance en direct")
        verbose_name_plural = _("séances en direct")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.code})"

    def get_absolute_url(self):
        return reverse("live:play", args=[self.code])

    def get_projector_url(self):
        return reverse("live:projector", args=[self.code])

    @property
    def question_count(self):
        return len(self.questions)

    @property
    def question(self):
        """The snapshot of the question on screen, or None."""
        return self.questions[self.current] if 0 <= self.current < len(self.questions) else None

    @property
    def is_open(self):
        return self.phase != Phase.ENDED


class Participant(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    nickname = models.CharField(_("pseudonyme"), max_length=30)
    # Signed in: answers also count in the workshop's results (and go with the account).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="live_participations",
    )
    # Kept in the participant's own session: the same phone comes back as the same participant.
    token = models.CharField(max_length=40, unique=True, default=new_token)
    joined_at = models.DateTimeField(_("arrivé le"), auto_now_add=True)
    removed = models.BooleanField(_("retiré"), default=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "nickname"], name="unique_live_nickname")
        ]

    def __str__(self):
        return self.nickname


class LiveAnswer(models.Model):
    """One answer, kept as its question's kind and a value in JSON (as quizzes.scoring and
    quizzes.opinions read them): choice ids, a number, a text."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="answers")
    question = models.PositiveSmallIntegerField(_("question"))  # its index in the session
    kind = models.CharField(_("type de question"), max_length=20)
    given = models.JSONField(_("réponse"))
    # None: a question without a right answer (a poll…), counted in no score.
    is_correct = models.BooleanField(_("juste"), null=True)
    answered_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("réponse en direct")
        verbose_name_plural = _("réponses en direct")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "question"], name="one_live_answer_per_question"
            )
        ]
        indexes = [models.Index(fields=["session", "question"])]

    def __str__(self):
        return f"{self.participant} — {self.question + 1}"


class Moderation(models.Model):
    """The trainer's decision about what the projector shows of a question without a right
    answer: a word of a word cloud hidden, an open answer projected (or taken off again). The
    answers themselves stay as they were given."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="moderations")
    question = models.PositiveSmallIntegerField(_("question"))  # its index in the session
    # A word cloud's word (its key: quizzes.opinions.word_key), or "answer:<id>" of an answer.
    target = models.CharField(_("mot ou réponse"), max_length=120)
    shown = models.BooleanField(_("projeté"))
    decided_at = models.DateTimeField(_("décidé le"), auto_now=True)

    class Meta:
        verbose_name = _("modération")
        verbose_name_plural = _("modérations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "question", "target"], name="one_decision_per_live_target"
            )
        ]

    def __str__(self):
        return f"{self.target} — {self.question + 1}"
