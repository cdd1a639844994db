"""CSV files that open cleanly in a French spreadsheet (Excel included) and cannot run formulas."""

from django.http import HttpResponse

from figures.exports import safe_cell  # noqa: F401 - the one rule, for the trainers' files too


def csv_response(buffer, filename):
    """The rows written to `buffer` (semicolons), as a download: UTF-8 with a byte order mark,
    which Excel needs to read accents."""
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
