"""The formats questions are imported from and exported to: each one's parser and writer."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import aiken, gift, spreadsheet


@dataclass(frozen=True)
class Format:
    code: str
    label: str
    extension: str
    content_type: str
    parse: object  # text → (items, notes about the file)
    write: object  # (items, title) → (text, notes per question)
    description: str


FORMATS = {
    "gift": Format(
        "gift",
        _("GIFT (Moodle)"),
        "gift.txt",
        "text/plain; charset=utf-8",
        gift.parse,
        gift.write,
        _(
            "Le format texte de Moodle : choix unique et multiple, vrai ou faux, estimations, "
            "questions ouvertes, avec explications et commentaires."
        ),
    ),
    "aiken": Format(
        "aiken",
        _("Aiken (Moodle)"),
        "aiken.txt",
        "text/plain; charset=utf-8",
        aiken.parse,
        aiken.write,
        _("Le plus simple : des choix uniques, sans explication."),
    ),
    "csv": Format(
        "csv",
        _("Tableur (CSV)"),
        "csv",
        "text/csv; charset=utf-8",
        spreadsheet.parse,
        spreadsheet.write,
        _(
            "Une ligne par question, pour Excel ou LibreOffice : tous les types de questions, "
            "avec tout ce qu'elles contiennent."
        ),
    ),
}


def guess(name, text):
    """The format of an uploaded file, from its name, else its content."""
    name = name.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".gift"):
        return "gift"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(line.upper().startswith("ANSWER:") for line in lines) and "{" not in text:
        return "aiken"
    return "gift"


def decode(content):
    """(text, notes) of an uploaded file's bytes (UTF-8, else Windows-1252)."""
    return spreadsheet.decode(content)
