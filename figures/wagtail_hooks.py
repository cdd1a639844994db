import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Series, Statistic


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
    icon = "order"
    menu_label = _("Statistiques")
    list_display = [
        "label",
        Column("display_value", label=_("Valeur")),
        "source",
        "year",
        BooleanColumn("needs_review", label=_("À revoir")),
        "updated_at",
    ]
    filterset_class = StatisticFilterSet
    list_export = [
        "slug",
        "label",
        "value",
        "unit",
        "denominator",
        "scope",
        "year",
        "source",
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
    list_display = ["title", "description"]


class FiguresViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Chiffres clés")
    menu_icon = "order"
    menu_order = 250
    items = (StatisticViewSet, SeriesViewSet)


register_snippet(FiguresViewSetGroup)
