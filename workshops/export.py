"""CSV files that open cleanly in a French spreadsheet (Excel included) and cannot run formulas."""

import csv
import io

from django.http import HttpResponse

from figures.exports import safe_cell


def csv_response(rows, filename):
    """`rows` (the header first) as a download: semicolons, every cell through the one formula
    guard (figures.exports), UTF-8 with a byte order mark, which Excel needs to read accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
