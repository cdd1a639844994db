import django_filters
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_ui import WarningColumn, status_column
from .models import Series, Statistic
from .rich_text import CONTENTSTATE_RULE, ENTITY, FEATURE, StatisticEmbedHandler


class StatisticChosenView(SnippetChosenView):
    def get_chosen_response_data(self, item):
        # The value alone, for the rich-text editor to show inside the sentence.
        return super().get_chosen_response_data(item) | {"value": item.inline_value}


class StatisticChooserViewSet(SnippetChooserViewSet):
    chosen_view_class = StatisticChosenView


class StatisticFilterSet(WagtailFilterSet):
    source = django_filters.ChoiceFilter(label=_("Source"), choices=[])
    year = django_filters.NumberFilter(label=_("Année"))
    tag = django_filters.ChoiceFilter(label=_("Mot-clé"), field_name="tags__name", choices=[])
    needs_review = django_filters.BooleanFilter(label=_("À revoir"), method="filter_needs_review")

    class Meta:
        model = Statistic
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["source"].extra["choices"] = [
            (source, source)
            for source in Statistic.objects.order_by("source")
            .values_list("source", flat=True)
            .distinct()
        ]
        self.filters["tag"].extra["choices"] = [
            (name, name)
            for name in Statistic.tags.order_by("name").values_list("name", flat=True).distinct()
        ]

    def filter_needs_review(self, queryset, name, value):
        if value is None:
            return queryset
        old = Statistic.objects.needing_review().values("pk")
        return queryset.filter(pk__in=old) if value else queryset.exclude(pk__in=old)


class StatisticViewSet(SnippetViewSet):
    model = Statistic
    chooser_viewset_class = StatisticChooserViewSet
    icon = "order"
    menu_label = _("Statistiques")
    list_display = [
        "label",
        Column("display_value", label=_("Valeur")),
        "source",
        "year",
        WarningColumn("needs_review", _("à revoir"), label=_("Fraîcheur")),
        status_column(),
        "updated_at",
    ]
    filterset_class = StatisticFilterSet
    list_export = [
        "slug",
        "label",
        "value",
        "unit",
        "denominator",
        "counted_one",
        "counted_many",
        "scope",
        "year",
        "published_in",
        "source",
        "source_note",
        "source_url",
        "notes",
        "live",
        "needs_review",
    ]
    export_headings = {"needs_review": _("À revoir")}
    export_filename = "statistiques"


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "table"
    menu_label = _("Séries")
    list_display = ["title", "description", status_column()]


class FiguresViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Chiffres clés")
    menu_icon = "order"
    menu_order = 250
    items = (StatisticViewSet, SeriesViewSet)


register_snippet(FiguresViewSetGroup)


@hooks.register("register_rich_text_features")
def register_statistic_feature(features):
    """A statistic inside running text: the "Chiffre" button of the rich-text toolbar."""
    features.register_embed_type(StatisticEmbedHandler)
    features.register_converter_rule("contentstate", FEATURE, CONTENTSTATE_RULE)
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.EntityFeature(
            {
                "type": ENTITY,
                "icon": "order",
                "label": "%",
                "description": _("Chiffre clé (valeur à jour, avec sa source)"),
                "chooserUrls": {
                    "statisticChooser": reverse_lazy(
                        "wagtailsnippetchoosers_figures_statistic:choose"
                    )
                },
            },
            js=["wagtailadmin/js/chooser-modal.js", "figures/statistic-entity.js"],
            css={"all": ["figures/statistic-entity.css"]},
        ),
    )
