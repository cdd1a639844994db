"""Spreadsheet files: every export of the admin (its snippet listings and Wagtail's reports:
figures.admin_ui), the trainers' CSV files and the quizzes' questions share these rules. A cell
cannot run a formula; a CSV opens cleanly in a French spreadsheet (Excel included); and a CSV
read back (questions imported) gets its cells as they were before the guard."""

import csv
import io

from django.http import HttpResponse

# Spreadsheets run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITER = ";"  # a French spreadsheet's: the comma is its decimal separator
BOM = "\ufeff"  # Excel reads a CSV without it in the system's legacy encoding


def safe_cell(value):
    """Text as a spreadsheet must read it: a leading formula character is neutralised."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def unguarded_cell(text):
    """A cell of a CSV read back: the text safe_cell was given ("'-5" → "-5")."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def csv_text(rows):
    """`rows` (the header first) as a French spreadsheet's CSV: semicolons, every cell through
    the formula guard, UTF-8 with a byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return BOM + buffer.getvalue()


def csv_response(rows, filename):
    """`rows` (the header first) as a CSV download (csv_text)."""
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
