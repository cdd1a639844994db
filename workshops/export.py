"""CSV files that open cleanly in a French spreadsheet (Excel included) and cannot run formulas."""

from django.http import HttpResponse


def safe_cell(value):
    """Spreadsheets run cells starting with =, +, -, @, a tab or a carriage return as formulas:
    neutralise them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(buffer, filename):
    """The rows written to `buffer` (semicolons), as a download: UTF-8 with a byte order mark,
    which Excel needs to read accents."""
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
