"""Blocks that cite statistics: a key figure and a chart. Usable in any StreamField."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class BulkSnippetChooserBlock(SnippetChooserBlock):
    """Loads every snippet of its kind chosen on a page in one query, with `related` loaded too,
    so that a page's queries do not grow with its blocks."""

    related = ()

    def queryset(self):
        return self.model_class.objects.prefetch_related(*self.related)

    def bulk_to_python(self, values):
        objects = self.queryset().in_bulk([value for value in values if value is not None])
        return [objects.get(value) for value in values]


class StatisticChooserBlock(BulkSnippetChooserBlock):
    # Not the tags: only the key figures page reads them, in one query of its own (prefetching
    # them costs every lesson a fifth of its rendering time just after a publication).

    def __init__(self, **kwargs):
        super().__init__("figures.Statistic", **kwargs)


class SeriesChooserBlock(BulkSnippetChooserBlock):
    related = ("items__statistic",)

    def __init__(self, **kwargs):
        super().__init__("figures.Series", **kwargs)


class KeyFigureBlock(blocks.StructBlock):
    statistic = StatisticChooserBlock(label=_("statistique"))

    class Meta:
        icon = "order"
        label = _("Chiffre clé")
        template = "blocks/key_figure.html"
        description = _("Une statistique publiée : valeur, libellé, source et année.")

    def statistics(self, value):
        return [value["statistic"]] if value.get("statistic") else []


class ChartBlock(blocks.StructBlock):
    series = SeriesChooserBlock(label=_("série"))

    class Meta:
        icon = "table"
        label = _("Graphique")
        template = "blocks/chart.html"
        description = _("Une série de chiffres en graphique, avec le tableau de ses données.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        series = value.get("series")
        # A series not yet published (a draft awaiting moderation) shows no chart.
        context["chart"] = series.chart() if series and series.live else None
        return context

    def statistics(self, value):
        series = value.get("series")
        return [item.statistic for item in series.items.all()] if series else []


class KeyFiguresSectionValue(blocks.StructValue):
    def statistics(self):
        return [stat for child in self["items"] for stat in child.block.statistics(child.value)]

    def visible_items(self, tagged=None):
        """Items that show at least one published figure among the statistics `tagged` (their
        ids; every item when None)."""
        shown = []
        for child in self["items"]:
            live = [stat for stat in child.block.statistics(child.value) if stat.live]
            if live and (tagged is None or any(stat.pk in tagged for stat in live)):
                shown.append(child)
        return shown


class KeyFiguresSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"))
    anchor = blocks.CharBlock(
        label=_("ancre"), required=False, help_text=_("Pour un lien direct : « usages-en-france ».")
    )
    introduction = blocks.TextBlock(label=_("introduction"), required=False)
    items = blocks.StreamBlock(
        [("key_figure", KeyFigureBlock()), ("chart", ChartBlock())], label=_("chiffres")
    )

    class Meta:
        icon = "list-ul"
        label = _("Section")
        value_class = KeyFiguresSectionValue
        template = "blocks/key_figures_section.html"
