"""Quizzes (snippets with drafts and revisions) and the attempts learners make at them."""

import random
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from .blocks import QuestionsBlock


class QuizQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def in_course_order(self):
        """The lessons' quizzes in the course's order, then the quiz of the whole course."""
        return self.select_related("lesson").order_by(
            F("lesson__path").asc(nulls_last=True), "title"
        )


class Quiz(
    DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    title = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
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
    shuffle_choices = models.BooleanField(_("mélanger les réponses"), default=False)
    draw_count = models.PositiveSmallIntegerField(
        _("nombre de questions tirées"),
        null=True,
        blank=True,
        help_text=_("Tirer ce nombre de questions au hasard parmi toutes ; vide : toutes."),
    )
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"))

    objects = QuizQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("lesson"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldPanel("draw_count"),
            ],
            heading=_("Règles"),
        ),
        FieldPanel("questions"),
    ]
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
            if child.block_type in ("single", "multiple"):
                ids = [choice.id for choice in child.value["choices"].bound_blocks]
                if self.shuffle_choices:
                    rng.shuffle(ids)
                choices[child.id] = ids
        return [child.id for child in questions], choices

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        from .forms import QuizForm

        context = super().get_preview_context(request, mode_name)
        question_ids, choice_ids = self.draw(random.Random())
        context["form"] = QuizForm(self, question_ids, choice_ids)
        return context


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
    question_count = models.PositiveSmallIntegerField(_("questions"))
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
        return None if self.pass_mark is None else self.score >= self.pass_mark
