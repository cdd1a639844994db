"""What the admin's snippet listings share: columns that read in French (a warning reads as a
warning, a status as "en ligne" or "brouillon") and CSV exports that cannot run formulas."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import IndexView

from .exports import safe_cell


class WarningColumn(Column):
    """A yes/no attribute that calls for attention: a warning label when true, nothing else
    (not a green tick)."""

    def __init__(self, name, warning, **kwargs):
        super().__init__(name, **kwargs)
        self.warning = warning

    def get_value(self, instance):
        if not super().get_value(instance):
            return ""
        return format_html(
            '<span class="w-status w-status--label" style="color: var(--w-color-text-error);'
            ' border-color: currentColor">⚠ {}</span>',
            self.warning,
        )


class YesColumn(Column):
    """A yes/no attribute read as "oui" or nothing, never "True"/"False"."""

    def get_value(self, instance):
        return _("oui") if super().get_value(instance) else ""


def status_column():
    """Publiée / brouillon, as on the lessons' listing."""
    return LiveStatusTagColumn(label=_("Statut"))


class SafeExportIndexView(IndexView):
    """A snippet listing whose CSV export neutralises formulas (`=HYPERLINK(…)` in a title)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if isinstance(value, str) else value
