"""The site's own pages: home, plain content pages (legal notice, accessibility…), and settings."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from caching.routing import RememberedRestrictionsMixin
from figures.blocks import ChartBlock, KeyFigureBlock
from lessons.models import CoursePage
from lessons.reading import may_resume, resume_point

from .blocks import StandardBlock

RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HomePage(RememberedRestrictionsMixin, Page):
    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    course_call_to_action = models.CharField(
        _("texte du bouton vers le cours"), max_length=80, default="Commencer le cours"
    )
    course_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du cours"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    figures_title = models.CharField(_("titre des chiffres clés"), max_length=120, blank=True)
    figures_introduction = models.TextField(
        _("présentation des chiffres clés"),
        blank=True,
        help_text=_("D'où viennent ces chiffres et de quand ils datent, en une ou deux phrases."),
    )
    key_figures = StreamField(
        [("key_figure", KeyFigureBlock()), ("chart", ChartBlock())],
        verbose_name=_("chiffres clés"),
        blank=True,
    )
    trainers_title = models.CharField(_("titre du mot aux formateurs"), max_length=120, blank=True)
    trainers_text = RichTextField(_("mot aux formateurs"), blank=True, features=RICH_TEXT)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [PageChooserPanel("course_page"), FieldPanel("course_call_to_action")],
            heading=_("Entrée du cours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("figures_title"),
                FieldPanel("figures_introduction"),
                FieldPanel("key_figures"),
            ],
            heading=_("Chiffres clés"),
        ),
        MultiFieldPanel(
            [FieldPanel("trainers_title"), FieldPanel("trainers_text")],
            heading=_("Formateurs"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        """ "Reprendre" where the reader stopped in the course, once they have read some of it."""
        context = super().get_context(request, *args, **kwargs)
        if self.course_page_id and may_resume(request):
            course = CoursePage.objects.live().filter(pk=self.course_page_id).first()
            if course is not None:
                # Only the lesson it leads to needs its body (for the section's heading).
                lessons = course.lessons().defer("body", "objectives", "sources")
                context["resume"] = resume_point(request, lessons)
        return context


class StandardPage(RememberedRestrictionsMixin, Page):
    """A plain page editors fill in: legal notice, accessibility statement, privacy, credits."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(StandardBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")


def page_link(verbose_name):
    """An optional link to a page, chosen by editors."""
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


@register_setting(icon="list-ul")
class SiteSettings(BaseSiteSetting):
    """Where the header and footer links lead, and the footer's credits: editors choose."""

    course_page = page_link(_("cours"))
    key_figures_page = page_link(_("chiffres clés"))
    resources_page = page_link(_("ressources"))
    legal_page = page_link(_("mentions légales"))
    accessibility_page = page_link(_("déclaration d'accessibilité"))
    privacy_page = page_link(_("données personnelles"))
    results_page = page_link(_("nos résultats"))
    credits = RichTextField(
        _("sources et crédits"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Affiché en pied de page."),
    )

    panels = [
        MultiFieldPanel(
            [
                PageChooserPanel("course_page"),
                PageChooserPanel("key_figures_page"),
                PageChooserPanel("resources_page"),
            ],
            heading=_("Navigation"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("legal_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("results_page"),
                FieldPanel("credits"),
            ],
            heading=_("Pied de page"),
        ),
    ]

    class Meta:
        verbose_name = _("navigation et pied de page")


def page_description(page):
    """What describes a page in a search result or a link preview: its search description,
    else its summary, else its introduction, as plain text."""
    for field in ("search_description", "summary", "introduction"):
        text = strip_tags(str(getattr(page, field, "") or ""))
        if text.strip():
            return text
    return ""
