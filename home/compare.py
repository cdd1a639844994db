"""Revision comparisons in French: Wagtail writes an empty number or date as "None" (a statistic's
year typed where there was none reads "None 2014") and numbers and dates the English way. An empty
value shows as nothing, as Wagtail does for choices, and the others as the site writes them."""

from datetime import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.compare import FieldComparison, TextDiff, register_comparison_class


class FrenchValueComparison(FieldComparison):
    def display(self, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return _("Oui") if value else _("Non")
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return str(formats.localize(value, use_l10n=True))

    def htmldiff(self):
        before, after = self.display(self.val_a), self.display(self.val_b)
        if self.val_a == self.val_b:
            return escape(before)
        changes = [("deletion", before), ("addition", after)]
        return TextDiff([(kind, text) for kind, text in changes if text]).to_html()


for field_class in (
    models.IntegerField,
    models.DecimalField,
    models.FloatField,
    models.DateField,  # and DateTimeField
    models.TimeField,
    models.DurationField,
    models.BooleanField,
):
    register_comparison_class(field_class, comparison_class=FrenchValueComparison)
