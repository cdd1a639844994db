"""The edit form's own panels. Figures typed by hand: what the rule finds in the text as last
saved (figures.typed), how to cite them, and the reason field that lets a moderator approve.
The review: the moderator's last comment and the comparison with the published version."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.models import Page

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


class ReviewPanel(Panel):
    """On the edit form of a page or a snippet in moderation: the reviewer's last comment (what
    to change, why it was approved), and the one-click comparison of the latest version with
    the published one, through Wagtail's own comparison view."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "figures/admin/review_panel.html"

        @cached_property
        def workflow_state(self):
            instance = self.instance
            if instance is None or instance.pk is None:
                return None
            return getattr(instance, "current_workflow_state", None)

        @cached_property
        def last_comment(self):
            """The last task of the moderation that ended with a comment."""
            if self.workflow_state is None:
                return None
            return (
                self.workflow_state.task_states.exclude(comment="")
                .select_related("finished_by")
                .order_by("-finished_at", "-id")
                .first()
            )

        def is_shown(self):
            return self.workflow_state is not None

        def compare_url(self):
            """Wagtail's comparison of the live version with the latest one; None when nothing
            is published yet or nothing changed since."""
            instance = self.instance
            # What the form holds is the latest revision: `live` and `has_unpublished_changes`
            # are the item's own there (Wagtail keeps them), not the revision's.
            if not (getattr(instance, "live", False) and instance.has_unpublished_changes):
                return None
            if isinstance(instance, Page):
                return reverse(
                    "wagtailadmin_pages:revisions_compare", args=[instance.pk, "live", "latest"]
                )
            return reverse(
                instance.snippet_viewset.get_url_name("revisions_compare"),
                args=[instance.pk, "live", "latest"],
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            state = self.workflow_state
            context["workflow_state"] = state
            context["needs_changes"] = state is not None and (
                state.status == state.STATUS_NEEDS_CHANGES
            )
            context["comment"] = self.last_comment
            context["compare_url"] = self.compare_url()
            return context


def review_panel():
    return ReviewPanel(heading=_("Relecture par un modérateur"))
