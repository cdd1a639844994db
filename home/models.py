"""The site's own pages: home, plain content pages (legal notice, accessibility…), and settings."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    Panel,
    TabbedInterface,
)
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


def description_field(verbose_name, help_text=""):
    return models.TextField(verbose_name, blank=True, max_length=300, help_text=help_text)


class MissingLegalFactsPanel(Panel):
    """What the legal notice cannot say yet: the admin lists it, the public page leaves it out."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/missing_legal_facts.html"

        def get_context_data(self, parent_context=None):
            from .legal import legal_notice

            context = super().get_context_data(parent_context)
            context["missing"] = legal_notice(self.instance).missing
            return context


@register_setting(icon="list-ul")
class SiteSettings(BaseSiteSetting):
    """The public site's settings, which editors fill in: where the header and footer links
    lead, the footer's credits, what search engines and link previews read of the pages that are
    not in the page tree, and the legal notice's facts (those of the training body are in its
    own settings, "Organisme de formation")."""

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

    # What describes a page outside the page tree (and any page without its own description) to
    # search engines and in link previews; each its own, never the same text on two pages.
    site_description = description_field(
        _("description du site"),
        _(
            "Pour les moteurs de recherche et les aperçus de liens, sur les pages qui n'ont pas "
            "de description à elles. Une ou deux phrases, 160 caractères au plus."
        ),
    )
    quiz_index_description = description_field(_("description de la liste des quiz"))
    search_description = description_field(_("description de la recherche"))
    login_description = description_field(_("description de la page de connexion"))
    signup_description = description_field(_("description de la page d'inscription"))
    password_reset_description = description_field(
        _("description de la page « mot de passe oublié »")
    )
    share_image_alt = models.CharField(
        _("texte de l'image de partage"),
        max_length=200,
        blank=True,
        help_text=_(
            "Ce que montre l'image qui accompagne les liens vers le site (réseaux sociaux, "
            "messageries), pour qui ne la voit pas."
        ),
    )

    # The legal notice (loi pour la confiance dans l'économie numérique, article 6): what the
    # training body's settings do not already say.
    publisher_legal_form = models.CharField(
        _("forme juridique et capital"),
        max_length=200,
        blank=True,
        help_text=_("« Association loi 1901 », « SAS au capital de 10 000 € »…"),
    )
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"), max_length=200, blank=True
    )
    contact_email = models.EmailField(_("adresse e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=40, blank=True)
    host_name = models.CharField(_("hébergeur : nom ou raison sociale"), max_length=200, blank=True)
    host_address = models.TextField(_("hébergeur : adresse"), blank=True)
    host_phone = models.CharField(_("hébergeur : téléphone"), max_length=40, blank=True)

    navigation_panels = [
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
    search_panels = [
        FieldPanel("site_description"),
        FieldPanel("quiz_index_description"),
        FieldPanel("search_description"),
        FieldPanel("login_description"),
        FieldPanel("signup_description"),
        FieldPanel("password_reset_description"),
        FieldPanel("share_image_alt"),
    ]
    legal_panels = [
        MissingLegalFactsPanel(),
        MultiFieldPanel(
            [
                FieldPanel("publisher_legal_form"),
                FieldPanel("publication_director"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Éditeur du site"),
        ),
        MultiFieldPanel(
            [FieldPanel("host_name"), FieldPanel("host_address"), FieldPanel("host_phone")],
            heading=_("Hébergeur"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(navigation_panels, heading=_("Navigation et pied de page")),
            ObjectList(search_panels, heading=_("Référencement et partage")),
            ObjectList(legal_panels, heading=_("Mentions légales")),
        ]
    )

    class Meta:
        verbose_name = _("site public")


def page_description(page):
    """What describes a page in a search result or a link preview: its search description,
    else its summary, else its introduction, as plain text."""
    for field in ("search_description", "summary", "introduction"):
        text = strip_tags(str(getattr(page, field, "") or ""))
        if text.strip():
            return text
    return ""
