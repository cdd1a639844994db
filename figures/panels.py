"""The edit form's panel about figures typed by hand: what the rule finds in the text as last
saved (figures.typed), how to cite them, and the reason field that lets a moderator approve."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from .typed import typed_figures


class TypedFiguresFound(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "figures/admin/typed_figures_found.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["found"] = [
                {
                    "figure": figure,
                    "edit_url": reverse(
                        "wagtailsnippets_figures_statistic:edit", args=[figure.statistic.pk]
                    ),
                }
                for figure in (typed_figures(instance) if instance is not None else [])
            ]
            context["reason"] = getattr(instance, "typed_figures_reason", "")
            context["guide_url"] = reverse("editors_guide") + "#citer-un-chiffre"
            return context


def typed_figures_panel():
    return MultiFieldPanel(
        [TypedFiguresFound(), FieldPanel("typed_figures_reason")],
        heading=_("Chiffres saisis à la main"),
    )
