"""Quizzes (snippets with drafts and revisions) and the attempts learners make at them."""

import random
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from figures.models import TypedFiguresMixin
from figures.panels import review_panel, typed_figures_panel

from .blocks import QuestionsBlock
from .editing import QuizAdminForm, SecondQuizWarningPanel


class QuizQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def public(self):
        """Live quizzes anyone may take on the site, with their correction at once."""
        return self.filter(live=True, reserved_to_workshops=False)

    def course_quiz(self):
        """The public quiz of the whole course (the one without a lesson): its final quiz."""
        return self.public().filter(lesson=None)

    def in_course_order(self):
        """The lessons' quizzes in the course's order, then the quiz of the whole course."""
        return self.select_related("lesson").order_by(
            F("lesson__path").asc(nulls_last=True), "title"
        )


class Quiz(
    TypedFiguresMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    title = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(
        _("adresse"),
        max_length=80,
        unique=True,
        help_text=_(
            "Rempli à partir du titre pour un nouveau quiz : /quiz/<adresse>/. Le changer casse "
            "les liens déjà partagés."
        ),
    )
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("leçon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laisser vide pour le quiz de tout le cours."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("note pour réussir (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Laisser vide pour un simple auto-test, sans réussite ni échec."),
    )
    shuffle_questions = models.BooleanField(_("mélanger les questions"), default=False)
    # On by default: seed content lists the right answer first, and so do many editors.
    shuffle_choices = models.BooleanField(
        _("mélanger les réponses"),
        default=True,
        help_text=_("Sans mélange, les réponses gardent l'ordre saisi ici pour chaque tentative."),
    )
    reserved_to_workshops = models.BooleanField(
        _("réservé aux ateliers"),
        default=False,
        help_text=_(
            "Ni listé ni proposé sur le site public : seuls les participants des ateliers à qui "
            "un formateur l'assigne peuvent le faire (pour une évaluation dont la correction "
            "reste cachée jusqu'à la date limite)."
        ),
    )
    draw_count = models.PositiveSmallIntegerField(
        _("nombre de questions tirées"),
        null=True,
        blank=True,
        help_text=_("Tirer ce nombre de questions au hasard parmi toutes ; vide : toutes."),
    )
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"))

    objects = QuizQuerySet.as_manager()
    base_form_class = QuizAdminForm

    panels = [
        review_panel(),
        SecondQuizWarningPanel(),
        TitleFieldPanel("title"),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("lesson"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldPanel("draw_count"),
                FieldPanel("reserved_to_workshops"),
            ],
            heading=_("Règles"),
        ),
        FieldPanel("questions"),
        typed_figures_panel(),
        PublishingPanel(),
    ]
    typed_figure_fields = ("title", "intro", "questions")
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quiz")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("quizzes:detail", args=[self.slug])

    @property
    def pass_mark_display(self):
        """ "60 %", or "auto-évaluation" for a quiz without a pass mark (admin listing)."""
        return _("auto-évaluation") if self.pass_mark is None else f"{self.pass_mark}\u00a0%"

    @property
    def is_public(self):
        return self.live and not self.reserved_to_workshops

    def get_submit_url(self):
        return reverse("quizzes:submit", args=[self.slug])

    def available_questions(self):
        """Questions that can be asked: a figure-based one needs its statistic published."""
        return [
            child
            for child in self.questions
            if child.block_type != "numeric"
            or child.value.get("answer") is not None
            or (child.value.get("statistic") and child.value["statistic"].live)
        ]

    def draw(self, rng: random.Random):
        """The questions one attempt shows, in order: (question ids, {question id: choice ids})."""
        questions = self.available_questions()
        if self.draw_count and self.draw_count < len(questions):
            questions = rng.sample(questions, self.draw_count)
            if not self.shuffle_questions:
                order = {child.id: i for i, child in enumerate(self.questions)}
                questions.sort(key=lambda child: order[child.id])
        elif self.shuffle_questions:
            questions = rng.sample(questions, len(questions))
        choices = {}
        for child in questions:
            if child.block_type in ("single", "multiple", "poll"):
                ids = [choice.id for choice in child.value["choices"].bound_blocks]
                # A poll's answers keep their order: they are often a scale of their own.
                if self.shuffle_choices and child.block_type != "poll":
                    rng.shuffle(ids)
                choices[child.id] = ids
        return [child.id for child in questions], choices

    def reserve_for_workshops(self, user):
        """Takes the quiz off the public site at once (a trainer's decision, logged in its
        history). The revisions editors publish from say so too: publishing one later does not
        quietly make the quiz public again."""
        self.reserved_to_workshops = True
        self.save(update_fields=["reserved_to_workshops"])
        for revision in {self.live_revision, self.latest_revision} - {None}:
            revision.content["reserved_to_workshops"] = True
            revision.save(update_fields=["content"])
        log(instance=self, action="quizzes.reserve", user=user)

    def answer_position_warning(self):
        """Without shuffling, a learner who always ticks the same position should not pass:
        say so when most questions put their right answer at one position. None if fine."""
        if self.shuffle_choices:
            return None
        positions = []
        for child in self.questions:
            if child.block_type in ("single", "multiple"):
                flags = [choice["correct"] for choice in child.value["choices"]]
                positions.append({i for i, correct in enumerate(flags) if correct})
        if len(positions) < 2:
            return None
        counts = {i: sum(1 for right in positions if i in right) for i in set().union(*positions)}
        position, count = max(counts.items(), key=lambda item: (item[1], -item[0]))
        if 2 * count < len(positions):
            return None
        return _(
            "Les réponses ne sont pas mélangées et la bonne réponse est en position %(position)s "
            "dans %(count)s questions à choix sur %(total)s : cocher toujours la même case "
            "rapporterait des points. Activez « mélanger les réponses » ou changez leur ordre."
        ) % {"position": position + 1, "count": count, "total": len(positions)}

    @property
    def preview_modes(self):
        return [("", _("Le quiz")), ("correction", _("Avec la correction"))]

    def get_preview_template(self, request, mode_name):
        if mode_name == "correction":
            return "quizzes/quiz_preview_correction.html"
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        from .forms import QuizForm
        from .scoring import snapshot_question

        context = super().get_preview_context(request, mode_name)
        if mode_name == "correction":
            # Every question in the editor's order, choices as typed, each with its correction.
            lesson_urls = {}
            context["questions"] = [
                snapshot_question(
                    child,
                    [choice.id for choice in child.value["choices"].bound_blocks]
                    if "choices" in child.value
                    else [],
                    lesson_urls,
                )
                for child in self.questions
            ]
            return context
        question_ids, choice_ids = self.draw(random.Random())
        context["form"] = QuizForm(self, question_ids, choice_ids)
        return context

    def other_public_quizzes_of_its_lesson(self):
        """The lesson's public quizzes other than this one: a lesson shows only one."""
        if self.lesson_id is None or self.reserved_to_workshops:
            return Quiz.objects.none()
        return Quiz.objects.public().filter(lesson_id=self.lesson_id).exclude(pk=self.pk)

    def second_quiz_warning(self):
        """Publishing this quiz would give its lesson a second public quiz: say so. None if not."""
        others = list(self.other_public_quizzes_of_its_lesson())
        if not others:
            return None
        return _(
            "La leçon « %(lesson)s » a déjà un quiz public : %(others)s. Une leçon n'en montre "
            "qu'un : publier celui-ci en ferait deux, et les lecteurs n'en verraient qu'un. "
            "Réservez l'un des deux aux ateliers, rattachez-le à une autre leçon, ou retirez "
            "l'autre de la publication."
        ) % {
            "lesson": self.lesson.title,
            "others": ", ".join(f"« {quiz.title} »" for quiz in others),
        }


# What an attempt's snapshot shows of a question before its correction may be seen (a question
# without a right answer hides nothing: its scale and whether it takes several answers too).
QUESTION_FIELDS_BEFORE_REVEAL = {
    "id",
    "kind",
    "text",
    "unit",
    "given",
    "multiple",
    "low",
    "high",
    "low_label",
    "high_label",
}


class AttemptQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class Attempt(models.Model):
    """One submitted attempt, with a snapshot of what was shown, answered and scored then."""

    token = models.UUIDField(_("jeton"), unique=True, default=uuid.uuid4, editable=False)
    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), null=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    quiz_title = models.CharField(_("titre du quiz"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("apprenant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        # No index of its own: the (user, quiz) index below serves lookups by user, and each
        # submission has one index less to update.
        db_index=False,
    )
    questions = models.JSONField(_("questions montrées, réponses et correction"))
    correct_count = models.PositiveSmallIntegerField(_("bonnes réponses"))
    # Scored ones only: questions without a right answer (quizzes.opinions) count in no score.
    question_count = models.PositiveSmallIntegerField(_("questions notées"))
    score = models.PositiveSmallIntegerField(_("score (%)"))
    pass_mark = models.PositiveSmallIntegerField(_("note pour réussir (%)"), null=True, blank=True)
    started_at = models.DateTimeField(_("commencée le"))
    reveal_after = models.DateTimeField(
        _("correction visible après"),
        null=True,
        blank=True,
        help_text=_("Vide : la correction est visible dès l'envoi."),
    )
    submitted_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    assigned = models.BooleanField(
        _("faite pour un quiz assigné"),
        default=False,
        help_text=_("Sa suite (recommencer, voir les résultats) est dans l'atelier."),
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("tentative")
        verbose_name_plural = _("tentatives")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["user", "quiz"])]

    def __str__(self):
        return f"{self.quiz_title} — {self.score} %"

    def get_absolute_url(self):
        return reverse("quizzes:result", args=[self.token])

    @property
    def passed(self):
        """None without a pass mark, or without any question to score (only polls…)."""
        if self.pass_mark is None or not self.question_count:
            return None
        return self.score >= self.pass_mark

    def correction_visible(self, now=None):
        return self.reveal_after is None or (now or timezone.now()) >= self.reveal_after

    def questions_for_learner(self, now=None):
        """The snapshot as the learner may see it now: before the correction's date, only the
        questions, the choices shown and their own answers."""
        if self.correction_visible(now):
            return self.questions
        return [
            {key: value for key, value in question.items() if key in QUESTION_FIELDS_BEFORE_REVEAL}
            | (
                {"choices": [{"id": c["id"], "text": c["text"]} for c in question["choices"]]}
                if "choices" in question
                else {}
            )
            for question in self.questions
        ]
