"""Trainers' workshops: groups of participants, quizzes assigned to them, and the results."""

import secrets
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .validators import digits_of, validate_declaration_number, validate_siret

# No 0/O or 1/I/L: codes are read aloud and copied from a screen in the room.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_join_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class WorkshopQuerySet(models.QuerySet):
    def run_by(self, user):
        return self.filter(trainers=user)

    def with_evidence_year(self):
        """Each workshop's `evidence_year`: the year its training evidence is kept from (the
        end of), that of the action's last payment: `last_payment_year` when the training body
        gave it, else the year of its last scheduled session, else of its end, else of its
        creation (Paris time)."""
        last_session = WorkshopSession.objects.filter(workshop=models.OuterRef("pk")).order_by(
            "-date"
        )
        return self.annotate(
            evidence_year=Coalesce(
                "last_payment_year",
                ExtractYear(models.Subquery(last_session.values("date")[:1])),
                ExtractYear("ends_on"),
                ExtractYear("created_at"),
            )
        )

    def evidence_year_at_most(self, year):
        """The workshops whose evidence year is `year` or earlier."""
        return self.with_evidence_year().filter(evidence_year__lte=year)


class GeneralObjective(models.TextChoices):
    """The action's general objective, as the yearly report (bilan pédagogique et financier,
    cerfa 10443, cadre F-3) lists them."""

    RNCP = "rncp", _("formation visant un diplôme, un titre ou un CQP enregistré au RNCP")
    RS = (
        "rs",
        _(
            "formation visant une certification ou une habilitation enregistrée au répertoire "
            "spécifique (RS)"
        ),
    )
    CQP = "cqp", _("formation visant un CQP non enregistré au RNCP ni au RS")
    OTHER = "other", _("autre formation professionnelle")
    SKILLS_REVIEW = "skills_review", _("bilan de compétences")
    VAE = "vae", _("accompagnement à la validation des acquis de l'expérience (VAE)")


class Speciality(models.TextChoices):
    """Training specialities (nomenclature des spécialités de formation, NSF) that this course's
    workshops can plausibly belong to: the yearly report counts trainees by speciality."""

    EXCHANGE_MANAGEMENT = "310", _("310 Spécialités plurivalentes des échanges et de la gestion")
    TRADE = "312", _("312 Commerce, vente")
    COMMUNICATION = "320", _("320 Spécialités plurivalentes de la communication")
    JOURNALISM = "321", _("321 Journalisme et communication (y compris publicité)")
    OFFICE = "324", _("324 Secrétariat, bureautique")
    COMPUTING = "326", _("326 Informatique, traitement de l'information, réseaux")
    BEHAVIOUR = "413", _("413 Développement des capacités comportementales et relationnelles")


class Workshop(models.Model):
    name = models.CharField(_("nom"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    objectives = models.TextField(
        _("objectifs de la formation"),
        blank=True,
        help_text=_(
            "Un objectif par ligne, tels que les attestations les reprennent. Vide : ceux des "
            "leçons que couvrent les quiz de l'atelier."
        ),
    )
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    join_code = models.CharField(
        _("code pour rejoindre"), max_length=CODE_LENGTH, unique=True, default=new_join_code
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="workshops_run", verbose_name=_("formateurs")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("workshop", "user"),
        related_name="workshops_joined",
        verbose_name=_("participants"),
    )
    duration_hours = models.DecimalField(
        _("durée (heures)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_(
            "La durée de la formation, reportée sur les attestations : 14 pour deux jours."
        ),
    )
    last_payment_year = models.PositiveSmallIntegerField(
        _("année du dernier paiement"),
        null=True,
        blank=True,
        help_text=_(
            "Les attestations, certificats et feuilles d'émargement sont conservés à compter de "
            "la fin de cette année. Vide : l'année de la dernière séance."
        ),
    )
    general_objective = models.CharField(
        _("objectif général de la formation"),
        max_length=20,
        choices=GeneralObjective.choices,
        default=GeneralObjective.OTHER,
        help_text=_("Pour le bilan pédagogique et financier (cadre F-3)."),
    )
    speciality = models.CharField(
        _("spécialité de formation (NSF)"),
        max_length=3,
        choices=Speciality.choices,
        blank=True,
        help_text=_("Pour le bilan pédagogique et financier (cadre F-4)."),
    )
    archived = models.BooleanField(_("archivé"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        ordering = ["archived", "-created_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workshops:detail", args=[self.pk])

    def get_join_url(self):
        return reverse("workshops:join_code", args=[self.join_code])

    def evidence_year(self):
        """The year its evidence is kept from the end of (`WorkshopQuerySet.with_evidence_year`,
        the one rule)."""
        return Workshop.objects.with_evidence_year().get(pk=self.pk).evidence_year


class WorkshopSession(models.Model):
    """One session of a workshop's schedule (séance): its date and hours, its place (a room and
    its address, or at a distance with a tool) and its topic. Attendance sheets exist only for
    scheduled sessions, and the hours a learner realised are those of the sessions they signed."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("atelier")
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("début"))
    ends_at = models.TimeField(_("fin"))
    topic = models.CharField(
        _("module ou thème"), max_length=200, help_text=_("Par exemple : « Module 1 : le CRM »")
    )
    remote = models.BooleanField(_("à distance"), default=False)
    room = models.CharField(_("salle"), max_length=200, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    remote_tool = models.CharField(
        _("outil à distance"), max_length=100, blank=True, help_text=_("Par exemple : Zoom, Teams")
    )
    remote_link = models.URLField(_("lien de connexion"), blank=True)

    class Meta:
        verbose_name = _("séance")
        verbose_name_plural = _("séances")
        ordering = ["date", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return _("%(date)s, %(start)s – %(end)s") % {
            "date": date_format(self.date, "l j F Y"),
            "start": time_format(self.starts_at, "H:i"),
            "end": time_format(self.ends_at, "H:i"),
        }

    def start(self):
        """When the session starts, as an aware datetime (the site's time zone: Paris)."""
        return aware(self.date, self.starts_at)

    def end(self):
        return aware(self.date, self.ends_at)

    def hours(self):
        """Its length in hours (Decimal), as a certificate counts it."""
        minutes = (self.end() - self.start()).total_seconds() // 60
        return Decimal(int(minutes)) / 60

    def place(self):
        if self.remote:
            return _("À distance (%(tool)s)") % {"tool": self.remote_tool or _("en ligne")}
        return ", ".join(part for part in (self.room, " ".join(self.address.split())) if part)

    def has_started(self, now=None):
        return (now or timezone.now()) >= self.start()


def aware(day, moment):
    return timezone.make_aware(datetime.combine(day, moment), timezone.get_default_timezone())


class Admission(models.TextChoices):
    INVITATION = "invitation", _("sur invitation")
    REQUEST = "request", _("demande acceptée")
    TRAINER = "trainer", _("inscrit par le formateur")
    # Before join requests existed, the workshop's code admitted anyone who had it.
    CODE = "code", _("avec le code de l'atelier")


class TraineeType(models.TextChoices):
    """Who the learner is for the yearly report (bilan pédagogique et financier, cerfa 10443,
    cadre F-1)."""

    EMPLOYEE = "employee", _("salarié d'un employeur privé")
    APPRENTICE = "apprentice", _("apprenti")
    JOB_SEEKER = "job_seeker", _("demandeur d'emploi")
    INDIVIDUAL = "individual", _("particulier à ses propres frais")
    OTHER = "other", _("autre")


def trainee_type_field():
    return models.CharField(
        _("type de stagiaire"),
        max_length=12,
        choices=TraineeType.choices,
        default=TraineeType.EMPLOYEE,
    )


class Membership(models.Model):
    """A participant of a workshop. Once they deleted their account, a workshop that had begun
    keeps them as a former member (`user` empty, `former_user_id` the account's former id) under
    the name its sheets and attestations give, until its evidence's period is over
    (workshops.personal_data)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    # The roster is fixed by a trainer: who admitted the learner, and how.
    admission = models.CharField(
        _("admission"), max_length=20, choices=Admission.choices, default=Admission.TRAINER
    )
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    admitted_by_name = models.CharField(_("admis par"), max_length=300, blank=True)
    company = models.CharField(_("entreprise (employeur)"), max_length=200, blank=True)
    trainee_type = trainee_type_field()
    former_user_id = models.PositiveBigIntegerField(null=True, editable=False)
    former_first_name = models.CharField(max_length=150, blank=True, editable=False)
    former_last_name = models.CharField(max_length=150, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} — {self.workshop}"

    @property
    def name(self):
        """The learner's name on the roster; a former member's as it was when the account went."""
        from .names import learner_name

        user = self.user
        if user is None:
            return learner_name(self.former_first_name, self.former_last_name)
        return learner_name(user.first_name, user.last_name) or user.email


class JoinRequest(models.Model):
    """A learner asked to join with the workshop's code: until a trainer accepts (a Membership
    is made, saying who admitted them), they are not on the roster and sign nothing."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    company = models.CharField(_("entreprise (employeur)"), max_length=200, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="unique_join_request")
        ]
        ordering = ["requested_at", "pk"]

    def __str__(self):
        return f"{self.user} → {self.workshop}"


def new_invitation_token():
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A trainer invited a learner by name and e-mail: the personal link it sends admits the
    account with that e-mail to the roster, until it expires (INVITATION_VALID_DAYS)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="invitations")
    first_name = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("e-mail"))
    company = models.CharField(_("entreprise (employeur)"), max_length=200, blank=True)
    trainee_type = trainee_type_field()
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField()
    # The e-mail that carries the link: the trainer sees it fail, with the server's reason.
    job = models.ForeignKey("jobs.Job", null=True, on_delete=models.SET_NULL, related_name="+")
    # When its e-mail, having failed, was sent once more by itself (workshops.roster).
    resent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workshop", "email"], name="unique_invitation")
        ]
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}> → {self.workshop}"

    def get_absolute_url(self):
        return reverse("workshops:invitation", args=[self.token])

    def expires_at(self):
        return self.invited_at + timedelta(days=settings.INVITATION_VALID_DAYS)


class ScoringRule(models.TextChoices):
    BEST = "best", _("la meilleure tentative")
    LAST = "last", _("la dernière tentative")


class Reveal(models.TextChoices):
    AFTER_SUBMISSION = "submission", _("dès l'envoi")
    AFTER_DEADLINE = "deadline", _("après la date limite")


class Stage(models.TextChoices):
    """Where an assignment stands in the training's assessment (Qualiopi): the entry test
    (positionnement) and the final test (évaluation des acquis)."""

    NONE = "", _("quiz d'entraînement")
    ENTRY = "entry", _("test d'entrée (positionnement)")
    FINAL = "final", _("test final (évaluation des acquis)")


class Assignment(models.Model):
    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("atelier")
    )
    quiz = models.ForeignKey(
        "quizzes.Quiz", on_delete=models.PROTECT, related_name="+", verbose_name=_("quiz")
    )
    opens_at = models.DateTimeField(_("ouverture"))
    due_at = models.DateTimeField(_("date limite"))
    max_attempts = models.PositiveSmallIntegerField(
        _("tentatives autorisées"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    scoring_rule = models.CharField(
        _("score retenu"), max_length=10, choices=ScoringRule.choices, default=ScoringRule.BEST
    )
    reveal = models.CharField(
        _("correction visible"),
        max_length=12,
        choices=Reveal.choices,
        default=Reveal.AFTER_SUBMISSION,
    )
    stage = models.CharField(
        _("rôle dans l'évaluation"),
        max_length=5,
        choices=Stage.choices,
        default=Stage.NONE,
        blank=True,
        help_text=_(
            "Le test d'entrée et le test final d'un atelier se comparent, par participant et par "
            "section de leçon ; leurs scores figurent sur les attestations."
        ),
    )
    in_room = models.BooleanField(
        _("fait en séance"),
        default=False,
        help_text=_("Les réponses viennent d'une séance en direct : il ne se fait pas en ligne."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quiz assigné")
        verbose_name_plural = _("quiz assignés")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "stage"],
                condition=~models.Q(stage=""),
                name="one_entry_and_one_final_test_per_workshop",
            )
        ]

    def __str__(self):
        return f"{self.quiz} ({self.workshop})"

    def get_absolute_url(self):
        return reverse("workshops:take", args=[self.pk])

    @property
    def title(self):
        return assignment_title(self.quiz.title, self.in_room, self.opens_at)

    def get_submit_url(self):
        return reverse("workshops:submit", args=[self.pk])

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.due_at

    def close(self):
        """No more answers from now on; what was submitted stays."""
        now = timezone.now()
        if self.due_at > now:
            self.due_at = now
            self.opens_at = min(self.opens_at, now)
            self.save(update_fields=["opens_at", "due_at"])

    @property
    def reveal_after(self):
        return self.due_at if self.reveal == Reveal.AFTER_DEADLINE else None


def assignment_title(quiz_title, in_room, opens_at):
    """What learners and trainers call an assigned quiz: its quiz's title; one done in a live
    session, that session, with its date ("Séance en direct du 12 mai 2026 à 10:00"), so that
    two sessions on one quiz are told apart."""
    if not in_room:
        return quiz_title
    when = date_format(timezone.localtime(opens_at), "j F Y à H:i")
    return _("Séance en direct du %(date)s : %(quiz)s") % {"date": when, "quiz": quiz_title}


class EntryReopening(models.Model):
    """The trainer reopened the closed entry test for one learner, with the reason: one more
    attempt, from then on. Who, when and why stay on record and show in the trainer's results;
    a reopening is never edited (another one is recorded)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reopenings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    # Once the account is deleted, the reopening stays beside the attempts it let count.
    former_user_id = models.PositiveBigIntegerField(null=True, editable=False)
    learner_name = models.CharField(_("participant"), max_length=300)
    reason = models.TextField(_("motif"))
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopened_by_name = models.CharField(_("rouvert par"), max_length=300)
    reopened_at = models.DateTimeField(_("rouvert le"))

    class Meta:
        verbose_name = _("réouverture du test d'entrée")
        verbose_name_plural = _("réouvertures du test d'entrée")
        ordering = ["reopened_at", "pk"]

    def __str__(self):
        return f"{self.learner_name} — {self.reason}"


class AssignmentProgress(models.Model):
    """Where a learner stands on an assigned quiz: when they opened it, and how their attempts
    went. Counted as each attempt is recorded, so the trainer's table reads one row per learner
    and quiz, however many attempts there were."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="progress")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    # A deleted account's row, kept with its workshop's evidence: the account's former id.
    former_user_id = models.PositiveBigIntegerField(null=True, editable=False)
    started_at = models.DateTimeField(auto_now_add=True)
    attempt_count = models.PositiveIntegerField(default=0)
    best_score = models.PositiveSmallIntegerField(null=True)
    last_score = models.PositiveSmallIntegerField(null=True)
    # The attempts behind those scores, which the trainer's table opens.
    best_attempt = models.ForeignKey(
        "quizzes.Attempt", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_attempt = models.ForeignKey(
        "quizzes.Attempt", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user"], name="unique_assignment_progress"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.assignment}"

    COUNTED_FIELDS = [
        "attempt_count",
        "best_score",
        "last_score",
        "best_attempt",
        "last_attempt",
    ]

    def count_attempt(self, attempt_id, score):
        """Attempts are counted in the order they were submitted."""
        self.attempt_count += 1
        if self.best_score is None or score > self.best_score:
            self.best_score, self.best_attempt_id = score, attempt_id
        self.last_score, self.last_attempt_id = score, attempt_id

    @classmethod
    def recount(cls, assignments):
        """Count again from the recorded attempts, for attempts saved in bulk (demo data)."""
        progress = {
            (row.assignment_id, row.user_id, row.former_user_id): row
            for row in cls.objects.filter(assignment__in=assignments)
        }
        for row in progress.values():
            row.attempt_count, row.best_score, row.last_score = 0, None, None
            row.best_attempt_id = row.last_attempt_id = None
        for assignment_id, user_id, former_user_id, attempt_id, score in (
            AssignedAttempt.objects.filter(assignment__in=assignments)
            .order_by("attempt__submitted_at", "attempt_id")
            .values_list(
                "assignment_id", "user_id", "former_user_id", "attempt_id", "attempt__score"
            )
        ):
            key = (assignment_id, user_id, former_user_id)
            if key not in progress:
                progress[key] = cls(
                    assignment_id=assignment_id, user_id=user_id, former_user_id=former_user_id
                )
            progress[key].count_attempt(attempt_id, score)
        rows = list(progress.values())
        cls.objects.bulk_update([row for row in rows if row.pk], cls.COUNTED_FIELDS, batch_size=500)
        cls.objects.bulk_create([row for row in rows if not row.pk], batch_size=500)


class AssignedAttempt(models.Model):
    """Ties a quiz attempt to the assignment it was made for."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="assigned_attempts"
    )
    attempt = models.OneToOneField(
        "quizzes.Attempt", on_delete=models.CASCADE, related_name="assignment_link"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    former_user_id = models.PositiveBigIntegerField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["assignment", "user"])]

    def __str__(self):
        return f"{self.attempt} ({self.assignment})"


@register_setting(icon="home")
class TrainingBody(BaseGenericSetting):
    """The training body that runs the workshops, as attestations, certificates and attendance
    sheets name it (editors fill it in, in Paramètres). Its signature and stamp are printed on
    every attestation and certificate: none is issued with an empty "signature et cachet"
    box (attestations.content.missing_facts)."""

    name = models.CharField(_("nom de l'organisme de formation"), max_length=200, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    declaration_number = models.CharField(
        _("numéro de déclaration d'activité"),
        max_length=40,
        blank=True,
        validators=[validate_declaration_number],
        help_text=_("Enregistré auprès du préfet de région (11 chiffres)."),
    )
    siret = models.CharField(
        _("SIRET"),
        max_length=20,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, avec leur clé de contrôle."),
    )
    signatory = models.CharField(
        _("signataire"),
        max_length=200,
        blank=True,
        help_text=_("Nom et qualité de la personne qui signe les attestations."),
    )
    city = models.CharField(_("lieu de signature"), max_length=100, blank=True)
    accessibility_contact = models.CharField(
        _("référent handicap"),
        max_length=300,
        blank=True,
        help_text=_(
            "Nom et moyen de le joindre (e-mail ou téléphone), donnés aux participants dans "
            "leur convocation pour adapter la formation à un handicap."
        ),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature du signataire"),
        help_text=_(
            "Image de la signature manuscrite (PNG à fond transparent de préférence), imprimée "
            "sur les attestations et les certificats de réalisation."
        ),
    )
    stamp = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cachet de l'organisme"),
        help_text=_("Image du cachet (tampon) de l'organisme, imprimée à côté de la signature."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("declaration_number"),
        FieldPanel("siret"),
        FieldPanel("signatory"),
        FieldPanel("city"),
        FieldPanel("accessibility_contact"),
        FieldPanel("signature"),
        FieldPanel("stamp"),
    ]

    def clean(self):
        # Kept as digits only, however they were typed (the validators allow spaces).
        self.siret = digits_of(self.siret)
        self.declaration_number = digits_of(self.declaration_number)

    class Meta:
        verbose_name = _("organisme de formation")

    def __str__(self):
        return self.name
