"""The published results page ("Nos résultats", indicator 2 of Qualiopi): its figures are computed
from the records over a period (reporting.results); editors choose whether it is published, the
period it shows by default, and may add a comment. Nothing in it is typed by hand."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from caching.pagecache import do_not_cache
from caching.routing import RememberedRestrictionsMixin
from workshops.roles import is_trainer

from .results import MAX_MONTHS, PeriodForm, cached_results

YEARLY_REPORT_PERMISSION = "reporting.view_yearly_report"


def can_see_yearly_report(user):
    """Trainers, and the staff given the permission (administrators give it to a group in the
    admin's Paramètres → Groupes; superusers have it)."""
    return is_trainer(user) or user.has_perm(YEARLY_REPORT_PERMISSION)


class ResultsPage(RememberedRestrictionsMixin, Page):
    comment = RichTextField(
        _("commentaire"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Affiché sous les chiffres : ce qui les explique ou ce que vous en avez fait. Les "
            "chiffres eux-mêmes sont calculés par le site."
        ),
    )
    period_months = models.PositiveSmallIntegerField(
        _("période affichée par défaut (mois)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHS)],
        help_text=_(
            "Les chiffres portent sur ces derniers mois ; le visiteur peut en choisir d'autres."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("period_months"), FieldPanel("comment")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page des résultats")
        permissions = [
            ("view_yearly_report", _("Peut consulter le bilan pédagogique et financier")),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = PeriodForm(request.GET or None, months=self.period_months)
        first_day, last_day = form.period()
        context.update(form=form, results=cached_results(first_day, last_day))
        return context

    def serve(self, request, *args, **kwargs):
        # The figures change with every sheet countersigned, not with publishing: the page cache,
        # renewed only by publications, would show old ones (reporting.results keeps them a few
        # minutes instead, and says when they were computed).
        do_not_cache(request)
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response
