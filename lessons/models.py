"""The course: a course page, its lessons, and the further-reading resources."""

import math
import re
from html import unescape

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from caching.pagecache import do_not_cache
from caching.routing import RememberedRestrictionsMixin
from figures.models import TypedFiguresMixin
from figures.panels import review_panel, typed_figures_panel

from .blocks import LessonBodyBlock, SourceBlock, heading_anchor

# The record of a lesson read lives beside the rule of when one counts as read; Django finds an
# app's models through its `models` module.
from .links import LinkCheck  # noqa: F401
from .reading import (  # noqa: F401
    LessonRead,
    ReadingPosition,
    note_opened,
    read_lesson_ids,
    resume_point,
)

WORDS_PER_MINUTE = 200
INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CoursePage(RememberedRestrictionsMixin, TypedFiguresMixin, Page):
    introduction = RichTextField(_("introduction"), features=INTRO_FEATURES)
    audience = RichTextField(_("à qui s'adresse ce cours"), blank=True, features=INTRO_FEATURES)
    outcomes = RichTextField(_("ce que vous saurez faire"), blank=True, features=INTRO_FEATURES)

    content_panels = [
        review_panel(),
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("audience"),
        FieldPanel("outcomes"),
        typed_figures_panel(),
    ]
    typed_figure_fields = ("introduction", "audience", "outcomes")
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("audience"),
        index.SearchField("outcomes"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["lessons.LessonPage"]

    class Meta:
        verbose_name = _("cours")
        verbose_name_plural = _("cours")

    def lessons(self):
        return LessonPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons()
        context["read_lessons"] = read_lesson_ids(request, context["lessons"])
        context["resume"] = resume_point(request, context["lessons"])
        return context


class LessonPage(RememberedRestrictionsMixin, TypedFiguresMixin, Page):
    summary = models.TextField(
        _("résumé"), help_text=_("Une ou deux phrases, montrées sur la page du cours.")
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("objectif")))],
        verbose_name=_("objectifs d'apprentissage"),
        blank=True,
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("contenu"))
    sources = StreamField([("source", SourceBlock())], verbose_name=_("sources"), blank=True)
    reading_minutes = models.PositiveSmallIntegerField(
        _("temps de lecture (minutes)"), default=1, editable=False
    )
    reviewed_on = models.DateField(
        _("revue le"),
        null=True,
        blank=True,
        help_text=_(
            "Date de la dernière relecture complète (chiffres, liens, réseaux cités). "
            "Affichée sur la leçon."
        ),
    )
    review_note = models.TextField(
        _("note de relecture"),
        blank=True,
        help_text=_("Ce qui a été vérifié ou reste à vérifier : pour l'équipe, non publié."),
    )

    content_panels = [
        review_panel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("body"),
        FieldPanel("sources"),
        typed_figures_panel(),
        MultiFieldPanel(
            [FieldPanel("reviewed_on"), FieldPanel("review_note")], heading=_("Relecture")
        ),
    ]
    typed_figure_fields = ("title", "summary", "objectives", "body")
    # Where a word is found ranks the lesson: its title, then its headings and summary, then its
    # text (weights on PostgreSQL; home.views.rank_by_place makes sure of it on SQLite). Every
    # field is also in the autocomplete index, so that the beginning of a word finds it.
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=3),
        index.SearchField("search_headings", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.AutocompleteField("search_headings"),
        index.AutocompleteField("summary"),
        index.AutocompleteField("body"),
    ]

    parent_page_types = ["lessons.CoursePage"]
    subpage_types = []
    og_type = "article"  # what link previews call a lesson (every other page is a "website")

    class Meta:
        verbose_name = _("leçon")
        verbose_name_plural = _("leçons")

    def serve(self, request, *args, **kwargs):
        """Opening a lesson moves the reader's position to it (what counts without the page's
        script, which then says which section they reach: lessons.reading)."""
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            note_opened(request, self)
        return response

    def save(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        return super().save(*args, **kwargs)

    def text_content(self):
        """The words a reader sees, for the reading time: the summary, the objectives and the
        body as the page renders it (the sentences of its key figures, the tables of its charts,
        its resources' cards, the figures cited in its paragraphs)."""
        return displayed_text(self.summary, self.objectives, self.body, context={"page": self})

    def compute_reading_minutes(self):
        return reading_minutes(self.text_content())

    def table_of_contents(self):
        """(anchor, text) of each heading, read from the raw data: no block needs loading."""
        return [
            (heading_anchor(item["value"]), item["value"]["text"])
            for item in self.body.raw_data
            if item["type"] == "heading"
        ]

    def search_headings(self):
        """The text of the lesson's headings, for the search index and its ranking."""
        return [text for _anchor, text in self.table_of_contents()]

    def siblings(self):
        return LessonPage.objects.sibling_of(self).live().public().order_by("path")

    def pager(self):
        """This lesson's number in the course, and the lessons before and after it."""
        siblings = list(self.siblings().only("id", "title", "path", "url_path", "slug"))
        position = next((i for i, page in enumerate(siblings) if page.pk == self.pk), None)
        if position is None:
            return {"number": None, "count": len(siblings), "previous": None, "next": None}
        return {
            "number": position + 1,
            "count": len(siblings),
            "previous": siblings[position - 1] if position else None,
            "next": siblings[position + 1] if position + 1 < len(siblings) else None,
        }


# What a reader does not read as words: a chart's drawing (its table beside it says the same),
# scripts and templates.
_NOT_READ = re.compile(r"<(svg|script|template|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def displayed_text(summary, objectives, body, context=None):
    """The plain text of a lesson as displayed: its body's blocks rendered by their templates.
    Also run by a migration on the stored lessons (hence plain values, not the page)."""
    rendered = "".join(str(child.render(context=context or {})) for child in body)
    parts = [summary, *(str(objective.value) for objective in objectives)]
    parts.append(unescape(strip_tags(_NOT_READ.sub(" ", rendered))))
    return " ".join(parts)


def reading_minutes(text):
    """Whole minutes at WORDS_PER_MINUTE, one at least."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


class ResourceKind(models.TextChoices):
    WHITE_PAPER = "white_paper", _("Livre blanc")
    ARTICLE = "article", _("Article")
    GUIDE = "guide", _("Guide")
    FILE = "file", _("Dossier")
    EXAMPLES = "examples", _("Exemples")


class ResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class TaggedResource(TaggedItemBase):
    content_object = ParentalKey(
        "lessons.Resource", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Resource(
    TypedFiguresMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("titre"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=ResourceKind.choices)
    publisher = models.CharField(_("éditeur"), max_length=255, blank=True)
    url = models.URLField(_("lien"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("langue"),
        max_length=8,
        choices=[("fr", _("français")), ("en", _("anglais"))],
        default="fr",
    )
    possibly_outdated = models.BooleanField(
        _("peut-être périmé"),
        default=False,
        help_text=_("Lien ancien, non vérifié récemment : les lecteurs en sont avertis."),
    )
    slug = models.SlugField(
        _("identifiant"),
        max_length=80,
        unique=True,
        help_text=_("Rempli à partir du titre pour une nouvelle ressource ; gardez-le stable."),
    )
    tags = ClusterTaggableManager(through=TaggedResource, blank=True, verbose_name=_("mots-clés"))

    objects = ResourceQuerySet.as_manager()

    panels = [
        review_panel(),
        TitleFieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("publisher"),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("document"), FieldPanel("possibly_outdated")],
            heading=_("Lien ou document"),
        ),
        FieldPanel("description"),
        FieldPanel("tags"),
        FieldPanel("slug", widget=SlugInput),
        typed_figures_panel(),
        PublishingPanel(),
    ]
    typed_figure_fields = ("title", "description")
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("publisher"),
        index.AutocompleteField("title"),
        index.AutocompleteField("publisher"),
        index.AutocompleteField("description"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(_("Indiquez un lien ou choisissez un document."))

    @property
    def link(self):
        return self.document.url if self.document_id else self.url

    @property
    def is_external(self):
        return not self.document_id

    def get_preview_template(self, request, mode_name):
        return "lessons/resource_preview.html"


class ResourcesPage(RememberedRestrictionsMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page des ressources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = (
            Resource.objects.filter(live=True).prefetch_related("tags").select_related("document")
        )
        tags = sorted({tag.name for r in resources for tag in r.tags.all()}, key=str.lower)
        selected = request.GET.get("tag", "")
        if selected not in tags:
            if selected:
                do_not_cache(request)  # any value may be typed: only known ones are kept
            selected = ""
        context["tags"] = tags
        context["selected_tag"] = selected
        context["resources"] = [
            r for r in resources if not selected or any(t.name == selected for t in r.tags.all())
        ]
        return context
