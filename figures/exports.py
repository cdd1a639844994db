"""Spreadsheet cells that cannot run formulas: every export of the admin (its snippet listings
and Wagtail's reports: figures.admin_ui) and the trainers' CSV files share this one rule."""

# Spreadsheets run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text as a spreadsheet must read it: a leading formula character is neutralised."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text
