"""Statistics: every figure of the sources is one record, edited once and cited everywhere."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    LockableMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from caching.pagecache import do_not_cache
from caching.routing import RememberedRestrictionsMixin

from . import wording
from .blocks import KeyFiguresSectionBlock
from .charts import ChartItem, build_chart
from .forms import StatisticForm
from .panels import review_panel
from .units import Unit


@register_setting(icon="date")
class FiguresSettings(BaseGenericSetting):
    review_after_years = models.PositiveSmallIntegerField(
        _("ancienneté maximale (années)"),
        default=5,
        help_text=_(
            "Une donnée plus ancienne que ce nombre d'années, ou sans année, "
            "est signalée « à revoir »."
        ),
    )
    priority_readings = models.PositiveIntegerField(
        _("lectures pour revoir en priorité"),
        default=10,
        help_text=_(
            "Rapport « Fraîcheur des contenus » : un chiffre à revoir passe en tête quand les "
            "leçons et les quiz qui le montrent ont été lus au moins ce nombre de fois en "
            "douze mois. Les autres suivent, du plus lu au moins lu."
        ),
    )

    class Meta:
        verbose_name = _("chiffres clés")

    @classmethod
    def oldest_fresh_year(cls):
        """Figures from before this year need review."""
        return timezone.localdate().year - cls.load().review_after_years


class TypedFiguresMixin(models.Model):
    """A text that may type a statistic's figure by hand instead of citing it (figures.typed):
    the model names the fields a reader sees in `typed_figure_fields`. Its editor may say why a
    figure is typed on purpose; the reason is a field, so each revision keeps its own."""

    typed_figure_fields = ()

    typed_figures_reason = models.TextField(
        _("chiffres saisis volontairement"),
        blank=True,
        help_text=_(
            "Un chiffre clé tapé à la main ne suit pas sa statistique : citez-le plutôt avec le "
            "bouton « % ». S'il doit rester tapé (une question qui porte sur ce chiffre…), dites "
            "pourquoi ici : un modérateur pourra alors valider."
        ),
    )

    class Meta:
        abstract = True


class StatisticQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def needing_review(self):
        return self.filter(
            models.Q(year__isnull=True) | models.Q(year__lt=FiguresSettings.oldest_fresh_year())
        )

    def up_to_date(self):
        return self.filter(year__gte=FiguresSettings.oldest_fresh_year())


class TaggedStatistic(TaggedItemBase):
    content_object = ParentalKey(
        "figures.Statistic", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Statistic(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    label = models.CharField(
        _("libellé"),
        max_length=255,
        help_text=_(
            "La suite de la phrase que commence le chiffre, au passé : « des Français étaient "
            "inscrits… » ; pour une part, après « un client sur trois » : « préférait… »."
        ),
    )
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unité"), max_length=16, choices=Unit.choices, default=Unit.PERCENT)
    denominator = models.PositiveSmallIntegerField(
        _("sur"),
        null=True,
        blank=True,
        help_text=_("Pour une part : 4 « sur » 5. Laisser vide pour les autres unités."),
    )
    counted_one = models.CharField(
        _("ce que l'on compte, au singulier"),
        max_length=80,
        blank=True,
        help_text=_(
            "Pour une part, avec son article : « un client », « une société ». Le site écrit "
            "alors « un client sur trois » plutôt que « 1 sur 3 des clients »."
        ),
    )
    counted_many = models.CharField(
        _("au pluriel"),
        max_length=80,
        blank=True,
        help_text=_("« clients », « sociétés » : « trois clients sur quatre »."),
    )
    scope = models.CharField(
        _("population"),
        max_length=255,
        help_text=_("Qui a été mesuré : « internautes français », « marques BtoC »…"),
    )
    year = models.PositiveSmallIntegerField(
        _("année de l'étude"),
        null=True,
        blank=True,
        help_text=_("Laisser vide si la source ne la donne pas : ne jamais l'inventer."),
    )
    published_in = models.CharField(
        _("publié en"),
        max_length=20,
        blank=True,
        help_text=_(
            "Sans année de l'étude : quand le document qui cite le chiffre a été publié, "
            "« 2014 » ou « 2013–2014 ». Le site écrit « publié en 2013–2014 »."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("Qui a mesuré le chiffre ; « étude non nommée » si le document ne le dit pas."),
    )
    source_note = models.CharField(
        _("précision sur la source"),
        max_length=255,
        blank=True,
        help_text=_(
            "Affichée entre parenthèses après la source, partout où elle paraît : « citée par "
            "Nicolas Lardet dans son article », « attribution déduite »…"
        ),
    )
    source_url = models.URLField(_("lien vers la source"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    slug = models.SlugField(
        _("identifiant"),
        max_length=80,
        unique=True,
        help_text=_(
            "Rempli à partir du libellé pour une nouvelle statistique ; gardez-le stable : le "
            "contenu de démarrage et les exports s'en servent."
        ),
    )
    tags = ClusterTaggableManager(through=TaggedStatistic, blank=True, verbose_name=_("mots-clés"))
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = StatisticQuerySet.as_manager()

    base_form_class = StatisticForm  # the value typed the French way: "80,5"
    panels = [
        review_panel(),
        TitleFieldPanel("label", classname="", placeholder=False),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("denominator")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("counted_one"), FieldPanel("counted_many")])],
            heading=_("Pour une part (« un client sur trois »)"),
        ),
        FieldPanel("scope"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("source"), FieldPanel("year"), FieldPanel("published_in")]
                ),
                FieldPanel("source_note"),
                FieldPanel("source_url"),
            ],
            heading=_("Source"),
        ),
        FieldPanel("notes"),
        FieldPanel("tags"),
        FieldPanel("slug", widget=SlugInput),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("label"),
        index.SearchField("counted_one"),
        index.SearchField("counted_many"),
        index.SearchField("scope"),
        index.SearchField("source"),
        index.SearchField("source_note"),
        index.SearchField("notes"),
        # The admin listing searches with autocomplete: every searched field needs one.
        index.AutocompleteField("label"),
        index.AutocompleteField("scope"),
        index.AutocompleteField("source"),
        index.FilterField("live"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("statistique")
        verbose_name_plural = _("statistiques")
        ordering = ["label"]

    def __str__(self):
        return self.sentence

    def clean(self):
        super().clean()
        errors = self.value_errors()
        if errors:
            raise ValidationError(errors)

    def value_errors(self):
        """What makes the value impossible in its unit, by field: {field: message}."""
        value, denominator = self.value, self.denominator
        if value is None:
            return {}
        if self.unit == Unit.PERCENT and not 0 <= value <= 100:
            return {"value": _("Un pourcentage est compris entre 0 et 100 %.")}
        if self.unit == Unit.SHARE:
            if not denominator:
                return {"denominator": _("Une part se lit « 4 sur 5 » : indiquez ici le 5.")}
            if not 0 <= value <= denominator:
                return {
                    "value": _("Une part est comprise entre 0 et %(whole)s sur %(whole)s.")
                    % {"whole": denominator}
                }
            return {}
        if denominator:
            return {"denominator": _("Seule une part a un « sur » : laissez ce champ vide.")}
        if self.unit in (Unit.HOURS, Unit.MINUTES) and value < 0:
            return {"value": _("Une durée ne peut pas être négative.")}
        if value < 0:
            return {"value": _("Un nombre de personnes ou de choses ne peut pas être négatif.")}
        return {}

    @property
    def display_value(self):
        """The value as a French reader expects it: "65 %", "80,5 %", "4 sur 5", "1 h 30".
        Every place that writes a figure writes it through here (or wording.plain_number)."""
        number = wording.plain_number(self.value)
        if self.unit == Unit.PERCENT:
            return f"{number}\u00a0%"
        if self.unit == Unit.SHARE:
            return _("%(value)s sur %(denominator)s") % {
                "value": number,
                "denominator": wording.plain_number(self.denominator) if self.denominator else "?",
            }
        if self.unit == Unit.MINUTES and self.value >= 60 and self.value == int(self.value):
            hours, minutes = divmod(int(self.value), 60)
            return f"{hours}\u00a0h\u00a0{minutes:02d}" if minutes else f"{hours}\u00a0h"
        if self.unit == Unit.MINUTES:
            return f"{number}\u00a0min"
        if self.unit == Unit.HOURS:
            return f"{number}\u00a0h"
        return number

    @property
    def headline(self):
        """The value at the head of a key-figure card, its label following: "68 %",
        "1 client sur 3"."""
        if self.unit == Unit.SHARE and self.counted_one:
            return wording.share_in_figures(
                self.value, self.denominator, self.counted_one, self.counted_many
            )
        return self.display_value

    @property
    def inline_value(self):
        """The value as it reads inside a sentence, where a paragraph cites it: "65 %", and a
        share in words when it names what it counts ("un client sur trois préférait…", as the
        source writes it), else "1 sur 3"."""
        if self.unit == Unit.SHARE and self.counted_one:
            return wording.share_in_words(
                self.value, self.denominator, self.counted_one, self.counted_many
            )
        return self.display_value

    @property
    def sentence(self):
        """The figure and its label as one sentence (without its full stop): "Un client sur
        trois préférait…", "68 % des Français étaient inscrits…"."""
        if self.unit == Unit.SHARE:
            value = wording.share_in_words(
                self.value, self.denominator, self.counted_one, self.counted_many
            )
        else:
            value = str(self.display_value)
        return wording.capitalize_first(f"{value} {self.label}".strip())

    @property
    def unit_symbol(self):
        """What follows a number typed in this unit: "%", "minutes"…"""
        return {
            Unit.PERCENT: "%",
            Unit.MINUTES: _("minutes"),
            Unit.HOURS: _("heures"),
        }.get(self.unit, "")

    @property
    def percent(self):
        """The figure as a percentage, for charts; None when the unit is not a proportion."""
        if self.unit == Unit.PERCENT:
            return self.value
        if self.unit == Unit.SHARE and self.denominator:
            return (self.value * 100 / self.denominator).quantize(Decimal("0.1"))
        return None

    @property
    def sourced(self):
        """ "INSEE", "étude non nommée (citée par Nicolas Lardet dans son article)"."""
        if self.source_note:
            return f"{self.source} ({self.source_note})"
        return self.source

    @property
    def dating(self):
        """ "étude de 2013, source : INSEE": what a reader needs to judge the figure's age, and
        whom to believe. Without the study's year, when the figure was published, if known."""
        if self.year:
            return _("étude de %(year)s, source : %(source)s") % {
                "year": self.year,
                "source": self.sourced,
            }
        if self.published_in:
            return _("publié en %(published)s sans date d'étude, source : %(source)s") % {
                "published": self.published_in,
                "source": self.sourced,
            }
        return _("non daté, source : %(source)s") % {"source": self.sourced}

    @property
    def needs_review(self):
        return self.year is None or self.year < FiguresSettings.oldest_fresh_year()

    def get_preview_template(self, request, mode_name):
        return "figures/statistic_preview.html"


class Series(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """A named, ordered group of statistics that renders as one chart."""

    title = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(
        _("identifiant"),
        max_length=80,
        unique=True,
        help_text=_("Rempli à partir du titre pour une nouvelle série ; gardez-le stable."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "Ce que montre le graphique, en une ou deux phrases (lu par les lecteurs d'écran)."
        ),
    )
    value_axis_label = models.CharField(
        _("légende de l'axe des valeurs"), max_length=100, default="Part (%)"
    )

    panels = [
        review_panel(),
        TitleFieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("value_axis_label"),
        FieldPanel("slug", widget=SlugInput),
        InlinePanel("items", heading=_("Barres du graphique"), label=_("barre"), min_num=1),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = _("série de chiffres")
        verbose_name_plural = _("séries de chiffres")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def live_items(self):
        """Items whose statistic is published; uses prefetched items when present."""
        return [item for item in self.items.all() if item.statistic.live]

    def chart(self):
        """The series as a chart of its published figures, in percent when all allow it: a share
        ("2 sur 3") is then drawn as its percentage but labelled as the source says it, and the
        table gives both."""
        live = self.live_items()
        uses_percent = all(item.statistic.percent is not None for item in live)
        items = []
        for item in live:
            statistic = item.statistic
            # A share keeps the source's words on its bar ("2 sur 3", drawn at 67 %); the table
            # gives both.
            written = str(statistic.display_value)
            percent = written
            if uses_percent and statistic.unit != Unit.PERCENT:
                percent = f"{wording.plain_number(round(statistic.percent))}\u00a0%"
            items.append(
                ChartItem(
                    label=item.label,
                    group=item.group,
                    value=statistic.percent if uses_percent else statistic.value,
                    display=written,
                    table_display=f"{written} ({percent})" if percent != written else "",
                    note=str(statistic.dating),
                )
            )
        return build_chart(
            self.slug,
            self.title,
            items,
            description=self.description,
            axis_label=self.value_axis_label,
            maximum=100 if uses_percent else None,
        )

    def get_preview_template(self, request, mode_name):
        return "figures/series_preview.html"


class SeriesItem(Orderable):
    series = ParentalKey(Series, on_delete=models.CASCADE, related_name="items")
    statistic = models.ForeignKey(
        Statistic,
        on_delete=models.CASCADE,
        related_name="series_items",
        verbose_name=_("statistique"),
    )
    label = models.CharField(
        _("catégorie"), max_length=100, help_text=_("Le nom de la barre : « Facebook »…")
    )
    group = models.CharField(
        _("groupe"),
        max_length=100,
        blank=True,
        help_text=_("Pour comparer deux mesures par catégorie : « Inscrits », « Actifs »."),
    )

    panels = [FieldPanel("statistic"), FieldRowPanel([FieldPanel("label"), FieldPanel("group")])]

    def __str__(self):
        return self.label


class KeyFiguresPage(RememberedRestrictionsMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        [("section", KeyFiguresSectionBlock())], verbose_name=_("sections"), blank=True
    )

    content_panels = [
        review_panel(),
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page de chiffres clés")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = [section.value for section in self.body]
        statistics = {
            stat.pk: stat for section in sections for stat in section.statistics() if stat.live
        }
        tagged = {}  # tag name: ids of the statistics shown that carry it
        for stat_id, name in TaggedStatistic.objects.filter(
            content_object_id__in=statistics
        ).values_list("content_object_id", "tag__name"):
            tagged.setdefault(name, set()).add(stat_id)
        tags = sorted(tagged, key=str.lower)
        selected = request.GET.get("tag", "")
        if selected and selected not in tagged:
            do_not_cache(request)  # any value may be typed: only known ones are kept
        context["tags"] = tags
        context["selected_tag"] = selected if selected in tagged else ""
        context["sections"] = [
            (section, section.visible_items(tagged.get(selected))) for section in sections
        ]
        return context


class ModerationTask(GroupApprovalTask):
    """Wagtail's approval by a group, which will not approve a text that types a statistic's
    figure by hand (figures.typed) unless its editor said why: the approval is not offered, and
    refused if posted. What is checked is what approval publishes, the latest revision."""

    class Meta:
        proxy = True
        verbose_name = _("validation par un groupe, chiffres cités vérifiés")
        verbose_name_plural = _("validations par un groupe, chiffres cités vérifiés")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.pk:  # Wagtail would record the concrete model (a group approval task)
            from django.contrib.contenttypes.models import ContentType

            self.content_type = ContentType.objects.get_for_model(self, for_concrete_model=False)

    @classmethod
    def get_description(cls):
        return _(
            "Les membres des groupes choisis valident ; un texte où un chiffre clé est tapé à la "
            "main, sans raison donnée, ne peut pas être validé."
        )

    def uncited_figures(self, obj):
        """The figures typed without a reason in what approving `obj` would publish."""
        from .typed import uncited_figures

        obj = getattr(obj, "specific", obj)
        if not isinstance(obj, TypedFiguresMixin):
            return []
        revision = obj.get_latest_revision()
        checked = getattr(self, "_checked", {})
        self._checked = checked
        key = (obj._meta.label, obj.pk, revision.pk if revision else None)
        if key not in checked:
            checked[key] = uncited_figures(revision.as_object() if revision else obj)
        return checked[key]

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.uncited_figures(obj):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self._checked = {}  # the revision may be new: the approver may have edited it
            if self.uncited_figures(task_state.workflow_state.content_object):
                raise PermissionDenied(
                    _("Un chiffre clé est tapé à la main sans raison donnée : validation refusée.")
                )
        return super().on_action(task_state, user, action_name, **kwargs)
