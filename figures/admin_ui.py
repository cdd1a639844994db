"""What the admin's listings share: columns that read in French (a warning reads as a warning, a
status as "en ligne" or "brouillon") and spreadsheet exports that cannot run formulas."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.views.mixins import SpreadsheetExportMixin

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


def guard_spreadsheet_exports():
    """Every CSV and XLSX export of the admin writes its text cells through safe_cell: the
    snippet listings (statistics, resources…) and Wagtail's own reports (aging pages, locked
    pages, site history, workflows, redirects), whose page titles and user names editors type.
    Wagtail writes each of their cells through SpreadsheetExportMixin.preprocess_field_value,
    wrapped here, once (FiguresConfig.ready). Their headings are the models' own labels."""
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value

    def guarded_value(self, field, value, export_format):
        value = preprocess_field_value(self, field, value, export_format)
        return safe_cell(value) if isinstance(value, str) else value

    SpreadsheetExportMixin.preprocess_field_value = guarded_value
