import django_filters
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.admin.ui.tables import Column
from wagtail.models import ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup, UsageView

from . import moderation
from .admin_ui import WarningColumn, status_column
from .models import Series, Statistic, TypedFiguresMixin
from .rich_text import CONTENTSTATE_RULE, ENTITY, FEATURE, StatisticEmbedHandler
from .typed import uncited_figures


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


class StatisticUsageView(UsageView):
    """Wagtail's "Utilisation" of a statistic, with the pages that show a chart of it: the
    references to the series that draw it (each such page's field reads "→ Graphique")."""

    def get_queryset(self):
        series = Series.objects.filter(items__statistic=self.object.pk).distinct()
        return (
            ReferenceIndex.get_references_to(self.object)
            | ReferenceIndex.get_references_to_in_bulk(series)
        ).group_by_source_object()


class StatisticViewSet(SnippetViewSet):
    model = Statistic
    chooser_viewset_class = StatisticChooserViewSet
    unpublish_view_class = moderation.UnpublishView
    usage_view_class = StatisticUsageView
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
    unpublish_view_class = moderation.UnpublishView
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


# Figures typed by hand (figures.typed): a warning at each save and submission, and no
# publication by a moderator while one is left without a reason. Approving is refused by the
# workflow's task itself (models.ModerationTask).


def typed_figures_message(found):
    """ "Chiffre clé tapé à la main : « 65 % » (Contenu › Paragraphe n° 3), la valeur de
    « 65 % des internautes… »." and how to cite it."""
    listed = format_html_join(
        " ; ",
        "« {} » ({}), {} « {} »",
        ((figure.typed, figure.where, _("la valeur de"), figure.statistic) for figure in found),
    )
    return format_html(
        "{} {}. {}",
        ngettext(
            "Chiffre clé tapé à la main :",
            "%(count)s chiffres clés tapés à la main :",
            len(found),
        )
        % {"count": len(found)},
        listed,
        ngettext(
            "Citez-le avec le bouton « % » de la barre d'outils du texte : le site affichera sa "
            "valeur publiée, avec sa source. S'il doit rester tapé, dites pourquoi dans "
            "« Chiffres saisis volontairement » : sans cela, un modérateur ne pourra pas valider.",
            "Citez-les avec le bouton « % » de la barre d'outils du texte : le site affichera "
            "leur valeur publiée, avec leur source. S'ils doivent rester tapés, dites pourquoi "
            "dans « Chiffres saisis volontairement » : sans cela, un modérateur ne pourra pas "
            "valider.",
            len(found),
        ),
    )


def typed_figures_buttons(found):
    buttons = [
        admin_messages.button(reverse("editors_guide") + "#citer-un-chiffre", _("Comment citer"))
    ]
    statistic = found[0].statistic
    buttons.append(
        admin_messages.button(
            reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk]),
            _("Voir la statistique"),
            new_window=True,
        )
    )
    return buttons


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_typed_figures(request, instance):
    """Saved, or submitted: the editor learns at once which figure is typed and how to cite
    it (unless they already said why it is typed on purpose)."""
    if not request.accepts("text/html"):
        return  # Wagtail's autosave: the warning would wait in the session for another page
    instance = getattr(instance, "specific", instance)
    if isinstance(instance, TypedFiguresMixin):
        found = uncited_figures(instance)
        if found:
            admin_messages.warning(
                request, typed_figures_message(found), buttons=typed_figures_buttons(found)
            )


@hooks.register("before_publish_page")
@hooks.register("before_publish")
def refuse_to_publish_typed_figures(request, instance):
    """A moderator's "Publier" goes no further than a draft while a figure is typed without a
    reason; approving is refused the same way (ModerationTask)."""
    instance = getattr(instance, "specific", instance)
    if not isinstance(instance, TypedFiguresMixin):
        return None
    found = uncited_figures(instance)
    if not found:
        return None
    admin_messages.error(
        request,
        format_html(
            "{} {}",
            _("Enregistré comme brouillon, non publié."),
            typed_figures_message(found),
        ),
        buttons=typed_figures_buttons(found),
    )
    return redirect(edit_url(instance))


@hooks.register("before_bulk_action")
def refuse_to_publish_typed_figures_in_bulk(request, action_type, objects, action):
    if action_type != "publish":
        return None
    refused = [
        item
        for item in (getattr(obj, "specific", obj) for obj in objects)
        if isinstance(item, TypedFiguresMixin)
        and uncited_figures(item.get_latest_revision_as_object())
    ]
    if not refused:
        return None
    admin_messages.error(
        request,
        format_html(
            "{} {}",
            _("Rien n'a été publié : un chiffre clé est tapé à la main, sans raison donnée, dans"),
            format_html_join(", ", "« {} »", ((str(item),) for item in refused)),
        ),
    )
    return redirect(getattr(action, "next_url", None) or reverse("wagtailadmin_home"))


def edit_url(instance):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    return AdminURLFinder().get_edit_url(instance) or reverse("wagtailadmin_home")


# Moderation without back doors (figures.moderation): deleting what readers see is a moderator's
# right, and nothing is deleted, or unpublished, while something still shows it.


def first_refusal(request, instances, title, rule):
    """The page refusing the first of `instances` that `rule` (moderation's deletion or
    unpublication rule) refuses to this user, or None: Wagtail goes on."""
    for instance in instances:
        refusal = rule(request.user, instance)
        if refusal:
            return moderation.refusal_response(request, instance, title, refusal)
    return None


@hooks.register("before_delete_snippet")
def refuse_deletion(request, instances):
    """The delete view (at its confirmation already) and the listings' bulk deletion."""
    return first_refusal(request, instances, _("Suppression refusée"), moderation.deletion_refusal)


@hooks.register("before_delete_page")
def refuse_page_deletion(request, page):
    return first_refusal(request, [page], _("Suppression refusée"), moderation.deletion_refusal)


@hooks.register("before_unpublish")
def refuse_unpublication(request, instance):
    return first_refusal(
        request, [instance], _("Dépublication refusée"), moderation.unpublication_refusal
    )


@hooks.register("before_bulk_action")
def refuse_unpublication_in_bulk(request, action_type, objects, action):
    if action_type != "unpublish":
        return None
    return first_refusal(
        request, objects, _("Dépublication refusée"), moderation.unpublication_refusal
    )
