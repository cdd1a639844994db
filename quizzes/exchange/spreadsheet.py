"""Questions in a spreadsheet: one row per question, a French spreadsheet's CSV (semicolons, UTF-8
with a byte order mark, no cell that runs a formula: figures.exports). Every kind of question
fits, with everything it has: this is the format to keep questions in and bring them back.

Columns (the header row names them; their order and case do not matter, unknown ones are
reported): type, question, réponse 1…n, bonnes réponses (the numbers of the right answers, "1, 3";
"vrai" or "faux"; the number of an estimate), tolérance, unité, chiffre clé (the statistic an
estimate follows), explication and commentaire 1…n (quizzes.exchange.markup), leçon and section
(the lesson's identifier and the heading's anchor; empty: the quiz's lesson), plusieurs réponses
(a poll), échelle, sens du plus petit nombre, sens du plus grand nombre (a scale)."""

import csv
import io
import re
import unicodedata

from django.utils.translation import gettext as _

from figures.exports import csv_text, unguarded_cell

from ..numbers import canonical_number
from .questions import KINDS, Choice, Item, parse_number

# Column names, as written in the header row.
TYPE, QUESTION, RIGHT = "type", "question", "bonnes réponses"
TOLERANCE, UNIT, STATISTIC = "tolérance", "unité", "chiffre clé"
EXPLANATION, LESSON, SECTION = "explication", "leçon", "section"
MULTIPLE, SCALE, LOW, HIGH = (
    "plusieurs réponses",
    "échelle",
    "sens du plus petit nombre",
    "sens du plus grand nombre",
)
CHOICE, FEEDBACK = "réponse", "commentaire"  # numbered: "réponse 1", "commentaire 1"
SINGLE_COLUMNS = [
    TYPE,
    QUESTION,
    RIGHT,
    TOLERANCE,
    UNIT,
    STATISTIC,
    EXPLANATION,
    LESSON,
    SECTION,
    MULTIPLE,
    SCALE,
    LOW,
    HIGH,
]
# The columns each kind reads (besides type and question); a value elsewhere is reported.
USED = {
    "single": {RIGHT, EXPLANATION, LESSON, SECTION, CHOICE, FEEDBACK},
    "multiple": {RIGHT, EXPLANATION, LESSON, SECTION, CHOICE, FEEDBACK},
    "true_false": {RIGHT, EXPLANATION, LESSON, SECTION},
    "numeric": {RIGHT, TOLERANCE, UNIT, STATISTIC, EXPLANATION, LESSON, SECTION},
    "poll": {CHOICE, MULTIPLE},
    "scale": {SCALE, LOW, HIGH},
    "word_cloud": set(),
    "open": set(),
}
YES = {"oui", "o", "x", "1", "vrai", "yes", "true"}
NO = {"", "non", "n", "0", "faux", "no", "false"}


def _key(text):
    """A header or a type as typed, compared without case, accents or extra spaces."""
    text = unicodedata.normalize("NFKD", text.strip().casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("/", " ").replace("-", " ").split())


KIND_NAMES = {_key(str(label)): kind for kind, label in KINDS.items()} | {
    "vrai faux": "true_false",
    "choix simple": "single",
    "ouverte": "open",
    "nuage": "word_cloud",
}
NUMBERED = re.compile(r"^(reponse|commentaire) (\d+)$")


def decode(content):
    """(text, notes) of an uploaded file's bytes: UTF-8 (with or without its byte order mark),
    else Windows-1252, as Excel writes "CSV (séparateur : point-virgule)"."""
    try:
        return content.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace"), [
            (1, _("Fichier lu en Windows-1252 (il n'est pas en UTF-8) : vérifiez les accents."))
        ]


def parse(text):
    """(items, notes about the whole file) of a CSV's text."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    notes, items = [], []
    header, columns, line = None, {}, 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            cells = [unguarded_cell(cell.strip()) for cell in row]
            if not any(cells):
                continue
            if header is None:
                header, columns = _header(cells, start, notes)
                if header is None:
                    return [], notes
                continue
            items.append(_row(cells, columns, start))
    except csv.Error as error:
        notes.append(
            (line, _("Fichier CSV illisible à partir d'ici : %(error)s.") % {"error": error})
        )
    if header is None and not notes:
        notes.append((1, _("Fichier vide : aucune ligne d'en-tête.")))
    return items, notes


def _header(cells, line, notes):
    columns = {}
    known = {_key(name): name for name in SINGLE_COLUMNS}
    for index, cell in enumerate(cells):
        key = _key(cell)
        if key in known:
            columns[known[key]] = index
        elif match := NUMBERED.match(key):
            name = CHOICE if match[1] == "reponse" else FEEDBACK
            columns[(name, int(match[2]))] = index
        elif cell:
            notes.append((line, _("Colonne « %(name)s » inconnue : ignorée.") % {"name": cell}))
    missing = [name for name in (TYPE, QUESTION) if name not in columns]
    if missing:
        notes.append(
            (
                line,
                _(
                    "La première ligne doit nommer les colonnes ; il manque : %(missing)s. "
                    "Exportez un quiz en CSV pour avoir un modèle."
                )
                % {"missing": ", ".join(f"« {name} »" for name in missing)},
            )
        )
        return None, {}
    return cells, columns


def _row(cells, columns, line):
    def cell(name):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    item = Item(line=line)
    kind = KIND_NAMES.get(_key(cell(TYPE)))
    if kind is None:
        item.error(
            _("Type « %(type)s » inconnu ; types possibles : %(types)s.")
            % {"type": cell(TYPE), "types": ", ".join(str(label) for label in KINDS.values())}
        )
        return item
    item.kind = kind
    item.text = cell(QUESTION).replace("\r\n", "\n")
    if not item.text:
        item.error(_("La question n'a pas de texte."))
    numbers = sorted({n for name, n in (c for c in columns if isinstance(c, tuple))})
    texts = {n: cell((CHOICE, n)) for n in numbers}
    feedbacks = {n: cell((FEEDBACK, n)) for n in numbers}
    used = USED[kind]
    for name in SINGLE_COLUMNS[2:]:
        if cell(name) and name not in used:
            item.note(
                _("Colonne « %(name)s » sans effet pour un %(kind)s : ignorée.")
                % {"name": name, "kind": item.kind_label}
            )
    for n in numbers:
        if texts[n] and CHOICE not in used:
            item.note(
                _("Colonne « réponse %(n)s » sans effet pour un %(kind)s : ignorée.")
                % {"n": n, "kind": item.kind_label}
            )
        if feedbacks[n] and FEEDBACK not in used:
            item.note(
                _("Colonne « commentaire %(n)s » sans effet pour un %(kind)s : ignorée.")
                % {"n": n, "kind": item.kind_label}
            )
    if USED[kind] & {EXPLANATION}:
        item.explanation = cell(EXPLANATION)
        item.lesson = cell(LESSON) or None
        item.anchor = cell(SECTION)
    if kind == "poll":
        item.multiple = _poll_multiple(item, cell(MULTIPLE))
    if kind in ("single", "multiple", "poll"):
        _choices(item, texts, feedbacks, cell(RIGHT))
    elif kind == "true_false":
        value = _key(cell(RIGHT))
        if value not in ("vrai", "faux", "v", "f", "true", "false"):
            item.error(
                _("Bonne réponse d'un vrai ou faux : « vrai » ou « faux » (ici « %(value)s »).")
                % {"value": cell(RIGHT)}
            )
        item.answer = "true" if value in ("vrai", "v", "true") else "false"
    elif kind == "numeric":
        _numeric(item, cell)
    elif kind == "scale":
        item.scale = cell(SCALE).replace(" ", "").replace("à", "-") or "1-5"
        if item.scale not in ("1-5", "0-10"):
            item.error(_("Échelle « %(value)s » : « 1-5 » ou « 0-10 ».") % {"value": cell(SCALE)})
        item.low_label, item.high_label = cell(LOW), cell(HIGH)
    return item


def _choices(item, texts, feedbacks, right):
    filled = [n for n in sorted(texts) if texts[n]]
    for n in sorted(texts):
        if not texts[n] and feedbacks.get(n) and item.kind != "poll":
            item.error(_("Commentaire %(n)s sans réponse %(n)s.") % {"n": n})
    item.choices = [
        Choice(texts[n], False, feedbacks.get(n, "") if item.kind != "poll" else "") for n in filled
    ]
    if item.kind == "poll":
        return
    marks = [m for m in re.split(r"[\s,;/+]+", right.strip()) if m]
    if not marks:
        item.error(
            _(
                "Colonne « bonnes réponses » vide : indiquez le numéro des bonnes réponses "
                "(« 1 » ou « 1, 3 »)."
            )
        )
        return
    for mark in marks:
        if mark.isdigit():
            number = int(mark)
        elif len(mark) == 1 and mark.isalpha():
            number = ord(mark.upper()) - ord("A") + 1
        else:
            item.error(
                _("Bonne réponse « %(mark)s » : un numéro de réponse est attendu.") % {"mark": mark}
            )
            return
        if number not in texts or not texts[number]:
            item.error(
                _("Bonne réponse %(number)s : la réponse %(number)s est vide.") % {"number": number}
            )
            return
        item.choices[filled.index(number)].correct = True


def _numeric(item, cell):
    item.statistic = cell(STATISTIC) or None
    item.unit = cell(UNIT)
    tolerance = cell(TOLERANCE)
    item.tolerance = parse_number(tolerance) if tolerance else "0"
    if item.tolerance is None or item.tolerance.startswith("-"):
        item.error(
            _("Tolérance « %(value)s » : un nombre positif est attendu.") % {"value": tolerance}
        )
        item.tolerance = "0"
    answer = cell(RIGHT)
    if answer:
        item.answer = parse_number(answer)
        if item.answer is None:
            item.error(_("« %(value)s » n'est pas un nombre.") % {"value": answer})
    elif not item.statistic:
        item.error(_("Indiquez la bonne réponse, ou le chiffre clé qu'elle suit."))


def _poll_multiple(item, value):
    key = _key(value)
    if key in YES:
        return True
    if key not in NO:
        item.error(
            _("Plusieurs réponses : « oui » ou rien (ici « %(value)s »).") % {"value": value}
        )
    return False


def _number(value):
    """A number as a French spreadsheet reads it: "80,5" (no grouping: "1000")."""
    return canonical_number(value).replace(".", ",")


def write(items, title):
    """(the CSV text, notes) of items (questions.items_of). Every question fits."""
    width = max([4] + [len(item.choices) for item in items])
    header = [TYPE, QUESTION]
    header += [f"{CHOICE} {n}" for n in range(1, width + 1)]
    header += [RIGHT, TOLERANCE, UNIT, STATISTIC, EXPLANATION]
    header += [f"{FEEDBACK} {n}" for n in range(1, width + 1)]
    header += [LESSON, SECTION, MULTIPLE, SCALE, LOW, HIGH]
    rows = [header]
    notes = []
    for number, item in enumerate(items, start=1):
        notes += [(number, message) for _line, message in item.notes]
        texts = [c.text for c in item.choices] + [""] * (width - len(item.choices))
        feedbacks = [c.feedback for c in item.choices] + [""] * (width - len(item.choices))
        right = ""
        if item.kind in ("single", "multiple"):
            right = ", ".join(str(i) for i, c in enumerate(item.choices, start=1) if c.correct)
        elif item.kind == "true_false":
            right = _("vrai") if item.answer == "true" else _("faux")
        elif item.kind == "numeric" and item.answer is not None:
            right = _number(item.answer)
        numeric = item.kind == "numeric"
        rows.append(
            [
                str(item.kind_label),
                item.text,
                *texts,
                right,
                _number(item.tolerance) if numeric else "",
                item.unit,
                item.statistic or "",
                item.explanation,
                *feedbacks,
                item.lesson or "",
                item.anchor,
                _("oui") if item.kind == "poll" and item.multiple else "",
                item.scale if item.kind == "scale" else "",
                item.low_label,
                item.high_label,
            ]
        )
    return csv_text(rows), notes
