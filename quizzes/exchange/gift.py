"""GIFT, the text format Moodle reads and writes (its documentation: "GIFT format"). No
maintained Python parser exists (pygiftparser: 2017; pygiftparserrgmf 0.0.5: 2022, AGPL), so
this one is small and strict: what it cannot take is an error on its line, what it changes is a
note, both in French.

Read: multiple choice with one right answer ("=") → single choice; with only weighted answers
("~%50%", no "=") → multiple choice (Moodle's partial credit becomes all or nothing, said in a
note);
{T} / {F} → true or false; {#answer:tolerance} and {#low..high} → estimate; {} (essay) → open
question; per-answer comments (#) and the general feedback (####) → comments and explanation.
Refused: matching (->), short answer (only "="), several numeric answers, descriptions.

Written: what GIFT can say; what it cannot (polls, scales) is left out and listed. Moodle ignores
comment lines, where the site keeps what GIFT has no room for, read back on import:
// [atelier:lesson=slug#anchor], [atelier:stat=slug], [atelier:unit=%], [atelier:kind=word_cloud].
"""

import re
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from ..numbers import canonical_number
from .markup import escape_text, html_to_text
from .questions import KINDS, Choice, Item, parse_number

MAGIC = re.compile(r"^//\s*\[atelier:(\w+)=(.*)\]\s*$")
MOODLE_MAGIC = re.compile(r"^//\s*\[(id|tag):(.*)\]\s*$")
FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
TRUE_FALSE = re.compile(r"(T|TRUE|F|FALSE)\b(.*)", re.IGNORECASE | re.DOTALL)
ESCAPES = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
# Moodle's grades for a share of the answers (100 / n).
MOODLE_SHARES = {1: "100", 3: "33.33333", 6: "16.66667", 7: "14.28571", 9: "11.11111"}
MARKUP_SIGNS = re.compile(r"[*\[\\]")
SPACES = re.compile(r"[ \t\r\n]+")  # a file's spaces and line breaks, never a no-break space


# Reading.


class _Block:
    def __init__(self, start, magic, moodle):
        self.start = start
        self.lines = []
        self.magic = magic
        self.moodle = moodle

    @property
    def text(self):
        return "\n".join(text for _number, text in self.lines)

    def line_of(self, offset):
        """The file's line of a character of `text`."""
        return self.start + self.text[:offset].count("\n")


def parse(text):
    """(items, notes about the whole file) of a GIFT file's text."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks, notes = [], []
    current, magic, moodle = None, {}, []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            target_magic = current.magic if current else magic
            target_moodle = current.moodle if current else moodle
            if match := MAGIC.match(stripped):
                target_magic[match[1]] = (match[2].strip(), number)
            elif match := MOODLE_MAGIC.match(stripped):
                target_moodle.append((number, match[1], match[2].strip()))
            continue
        if not stripped:
            if current:
                blocks.append(current)
                current = None
            continue
        if current is None and stripped.startswith("$CATEGORY:"):
            notes.append(
                (
                    number,
                    _(
                        "Catégorie Moodle « %(name)s » non reprise : les questions vont dans le "
                        "quiz choisi."
                    )
                    % {"name": stripped.removeprefix("$CATEGORY:").strip()},
                )
            )
            continue
        if current is None:
            current = _Block(number, magic, moodle)
            magic, moodle = {}, []
        current.lines.append((number, line))
    if current:
        blocks.append(current)
    return [_parse_block(block) for block in blocks], notes


def find(text, token, start=0):
    """The position of `token` in `text` from `start`, not escaped by a backslash; None."""
    position = start
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if text.startswith(token, position):
            return position
        position += 1
    return None


def unescape_gift(text):
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m[1], m[0]), text, flags=re.DOTALL)


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def _body(raw):
    """(format, text) of a part of a question: its [format] tag, its lines joined as Moodle
    joins them (a line break is written \\n), its escapes read."""
    match = FORMAT.match(raw)
    body = raw[match.end() :] if match else raw
    text = unescape_gift(SPACES.sub(" ", body))
    return (match[1].lower() if match else "moodle"), text


def _plain(item, raw, line):
    """A question's or an answer's text: plain, whatever its format."""
    kind, text = _body(raw)
    if kind == "html":
        reader = _TextOnly()
        reader.feed(text)
        reader.close()
        stripped = unescape("".join(reader.parts))
        if "<" in text:
            item.note(_("Mise en forme HTML retirée du texte."), line)
        text = stripped
    return "\n".join(SPACES.sub(" ", part).strip(" ") for part in text.split("\n")).strip(" \n")


def _rich(item, raw, line):
    """A comment or an explanation: markup (quizzes.exchange.markup), whatever its format."""
    kind, text = _body(raw)
    text = "\n".join(part.strip(" ") for part in text.split("\n")).strip(" \n")
    if kind == "html":
        text, dropped = html_to_text(text, {})
        if dropped:
            item.note(
                _("Mise en forme HTML non reprise (%(tags)s).") % {"tags": ", ".join(dropped)},
                line,
            )
    elif kind == "plain":
        text = escape_text(text)
    return text


def _parse_block(block):
    item = Item(line=block.start)
    text = block.text
    offset = 0
    title = None
    if match := re.match(r"\s*::((?:\\.|[^\\])*?)::", text, re.DOTALL):
        title = " ".join(unescape_gift(match[1]).split())
        offset = match.end()
    opening = find(text, "{", offset)
    if opening is None:
        item.error(
            _(
                "Pas de réponses entre accolades { } : un texte seul (une « description » "
                "Moodle) n'est pas une question."
            )
        )
        return item
    closing = find(text, "}", opening + 1)
    if closing is None:
        item.error(_("L'accolade { ouverte ici n'est jamais fermée."), block.line_of(opening))
        return item
    nested = find(text, "{", opening + 1)
    if nested is not None and nested < closing:
        item.error(
            _("Accolade { en trop dans les réponses (écrivez \\{ pour une accolade de texte)."),
            block.line_of(nested),
        )
        return item
    after = text[closing + 1 :]
    extra = [p for p in (find(after, "{"), find(after, "}")) if p is not None]
    if extra:
        item.error(
            _(
                "Un seul bloc de réponses { } par question : séparez les questions par une "
                "ligne vide."
            ),
            block.line_of(closing + 1 + min(extra)),
        )
        return item
    before = text[offset:opening]
    if after.strip():
        item.note(
            _("Question « mot manquant » : la place de la réponse est marquée _____."),
        )
        before = before.rstrip() + " _____ " + after.lstrip()
    item.text = _plain(item, before, block.start)
    if not item.text:
        item.error(_("La question n'a pas de texte."))
    if title and not item.text.casefold().startswith(title.casefold().rstrip(". …")):
        item.note(
            _("Titre Moodle « %(title)s » non repris : une question n'a pas de titre ici.")
            % {"title": title}
        )
    _parse_answers(item, text[opening + 1 : closing], opening + 1, block)
    _apply_magic(item, block)
    for number, kind, value in block.moodle:
        label = _("identifiant") if kind == "id" else _("étiquette")
        item.note(
            _("%(what)s Moodle « %(value)s » non repris.") % {"what": label, "value": value}, number
        )
    return item


def _parse_answers(item, body, start, block):
    general = None
    general_at = find(body, "####")
    if general_at is not None:
        general = body[general_at + 4 :]
        general_line = block.line_of(start + general_at)
        body = body[:general_at]
    stripped = body.strip()
    if not stripped:
        item.kind = "open"
        if general and general.strip():
            item.note(
                _("Commentaire général non repris : une question ouverte n'a pas d'explication."),
                general_line,
            )
        return
    if general is not None:
        item.explanation = _rich(item, general, general_line)
    lead = start + body.index(stripped[0])
    if stripped.startswith("#"):
        _parse_numeric(item, stripped[1:], lead + 1, block)
    elif match := TRUE_FALSE.fullmatch(stripped):
        _parse_true_false(item, match, block.line_of(lead))
    else:
        _parse_choices(item, body, start, block)


def _parse_true_false(item, match, line):
    rest = match[2].strip()
    if rest and not rest.startswith("#"):
        item.error(_("Après T ou F, seuls des commentaires (# …) sont permis."), line)
        return
    item.kind = "true_false"
    item.answer = "true" if match[1].upper().startswith("T") else "false"
    if rest.strip("# \n"):
        item.note(
            _("Commentaires des réponses non repris : une question vrai ou faux n'en a pas ici."),
            line,
        )


def _parse_numeric(item, body, start, block):
    item.kind = "numeric"
    line = block.line_of(start)
    entries = _entries(body, start, block) if find(body, "=") is not None else None
    if entries is not None:
        if body[: body.index("=")].strip():
            item.error(_("Texte avant la première réponse numérique « = »."), line)
            return
        if len(entries) > 1:
            item.error(
                _(
                    "Plusieurs réponses numériques (notes partielles) : non prises en charge ; "
                    "gardez-en une, avec sa tolérance."
                ),
                line,
            )
            return
        _marker, content, entry_line = entries[0]
        weight, content = _weight(content)
        if weight is not None and Decimal(weight) != 100:
            item.error(
                _(
                    "Réponse numérique à %(weight)s %% : seule une réponse juste à 100 %% est "
                    "prise en charge."
                )
                % {"weight": weight},
                entry_line,
            )
            return
        body, line = content, entry_line
    feedback_at = find(body, "#")
    if feedback_at is not None:
        if body[feedback_at + 1 :].strip():
            item.note(_("Commentaire de la réponse numérique non repris."), line)
        body = body[:feedback_at]
    value = unescape_gift(body).strip()
    if ".." in value:
        low, _sep, high = value.partition("..")
        low, high = parse_number(low), parse_number(high)
        if low is None or high is None or Decimal(low) > Decimal(high):
            item.error(
                _("Intervalle « %(value)s » illisible : écrivez min..max.") % {"value": value}, line
            )
            return
        middle = (Decimal(low) + Decimal(high)) / 2
        item.answer = canonical_number(middle)
        item.tolerance = canonical_number((Decimal(high) - Decimal(low)) / 2)
        item.note(
            _(
                "Intervalle %(low)s..%(high)s repris comme %(answer)s ± %(tolerance)s (les "
                "mêmes réponses justes)."
            )
            % {"low": low, "high": high, "answer": item.answer, "tolerance": item.tolerance},
            line,
        )
        return
    answer, _sep, tolerance = value.partition(":")
    item.answer = parse_number(answer)
    if item.answer is None:
        item.error(_("« %(value)s » n'est pas un nombre.") % {"value": answer.strip()}, line)
        return
    if tolerance.strip():
        item.tolerance = parse_number(tolerance)
        if item.tolerance is None or Decimal(item.tolerance) < 0:
            item.error(
                _("Tolérance « %(value)s » : un nombre positif est attendu.")
                % {"value": tolerance.strip()},
                line,
            )


def _entries(body, start, block):
    """[(marker, content, line)] of the answers "=…" and "~…" of a block of answers."""
    entries = []
    position = 0
    starts = []
    while (found := _next_marker(body, position)) is not None:
        starts.append(found)
        position = found + 1
    for index, at in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(body)
        entries.append((body[at], body[at + 1 : end], block.line_of(start + at)))
    return entries


def _next_marker(body, position):
    candidates = [
        p for p in (find(body, "=", position), find(body, "~", position)) if p is not None
    ]
    return min(candidates) if candidates else None


def _weight(content):
    match = WEIGHT.match(content)
    if not match:
        return None, content
    return match[1], content[match.end() :]


def _parse_choices(item, body, start, block):
    first = _next_marker(body, 0)
    if first is None or body[:first].strip():
        at = len(body) - len(body.lstrip())
        item.error(
            _("Réponse attendue : chaque réponse commence par « = » (juste) ou « ~ » (fausse)."),
            block.line_of(start + at),
        )
        return
    entries = _entries(body, start, block)
    if any(marker == "=" and find(content, "->") is not None for marker, content, _line in entries):
        item.error(_("Question d'appariement (« -> ») : non prise en charge ici."))
        return
    if all(marker == "=" for marker, _content, _line in entries):
        item.error(
            _(
                "Réponse courte (seulement des « = ») : non prise en charge ici ; ajoutez des "
                "réponses fausses « ~ » pour en faire un choix unique."
            )
        )
        return
    choices, fractions = [], []
    for marker, content, line in entries:
        weight, content = _weight(content)
        fraction = Decimal(weight) if weight is not None else Decimal(100 if marker == "=" else 0)
        feedback_at = find(content, "#")
        feedback = ""
        if feedback_at is not None:
            feedback = _rich(item, content[feedback_at + 1 :], line)
            content = content[:feedback_at]
        text = _plain(item, content, line)
        if not text:
            item.error(_("Réponse vide."), line)
            return
        choices.append((Choice(text, fraction > 0, feedback), fraction, marker, line))
        fractions.append(fraction)
    if len(choices) < 2:
        item.error(_("Il faut au moins deux réponses."))
        return
    # As Moodle reads it: without any "=", several answers may be right (those weighted above 0).
    weighted = all(m == "~" for _c, _f, m, _l in choices)
    right = [c for c, f, _m, _l in choices if f > 0]
    if weighted:
        item.kind = "multiple"
        item.note(
            _(
                "Moodle donne des points partiels ; ici la question est juste seulement si "
                "toutes les bonnes réponses sont cochées, et aucune autre."
            )
        )
    else:
        item.kind = "single"
        full = [c for c, f, _m, _l in choices if f == 100]
        if len(full) != 1:
            item.error(
                _(
                    "Un choix unique a exactement une bonne réponse « = » (ici %(count)s) ; "
                    "pour un choix multiple, écrivez ~%%50%%… devant chaque bonne réponse."
                )
                % {"count": len(full)}
            )
            return
        for choice, fraction, _marker, line in choices:
            if 0 < fraction < 100:
                choice.correct = False
                item.note(
                    _("Note partielle de %(weight)s %% non reprise : « %(text)s » comptée fausse.")
                    % {"weight": fraction, "text": choice.text},
                    line,
                )
    if any(f < 0 for f in fractions) and not weighted:
        item.note(_("Pénalités des réponses fausses non reprises : une réponse fausse vaut 0."))
    if not right:
        item.error(_("Aucune bonne réponse."))
        return
    item.choices = [choice for choice, _f, _m, _l in choices]


def _apply_magic(item, block):
    for key, (value, line) in block.magic.items():
        if key == "lesson" and item.kind not in ("poll", "scale", "word_cloud", "open"):
            item.lesson, _sep, item.anchor = value.partition("#")
        elif key == "stat" and item.kind == "numeric":
            item.statistic = value
        elif key == "unit" and item.kind == "numeric":
            item.unit = value
        elif key == "kind" and value == "word_cloud" and item.kind == "open":
            item.kind = "word_cloud"
        elif not item.errors:
            item.note(
                _("Commentaire [atelier:%(key)s] sans effet sur cette question.") % {"key": key},
                line,
            )


# Writing.


def escape_gift(text):
    text = text.replace("\\", "\\\\")
    for character in "~=#{}:":
        text = text.replace(character, "\\" + character)
    return text.replace("\r", "").replace("\n", "\\n")


def _rich_out(markup):
    prefix = "[markdown]" if MARKUP_SIGNS.search(markup) else ""
    return prefix + escape_gift(markup)


def _share(count):
    if count in MOODLE_SHARES:
        return MOODLE_SHARES[count]
    return canonical_number(Decimal(100) / count) if 100 % count == 0 else f"{100 / count:.5f}"


def write(items, title):
    """(the GIFT text, notes) of items (questions.items_of); notes: (number, message) of what
    Moodle will not read or the file leaves out."""
    lines = [f"// {title}", "// " + _("Exporté d'Atelier Réseaux (format GIFT de Moodle)."), ""]
    notes = []
    for number, item in enumerate(items, start=1):
        if item.kind in ("poll", "scale"):
            message = _(
                "Non exportée : GIFT n'a pas de question de ce type (%(kind)s, sans bonne réponse)."
            ) % {"kind": KINDS[item.kind]}
            notes.append((number, message))
            lines += [f"// {number}. {message} {SPACES.sub(' ', item.text)}", ""]
            continue
        notes += [(number, message) for _line, message in item.notes]
        if item.lesson:
            lines.append(
                f"// [atelier:lesson={item.lesson}{'#' + item.anchor if item.anchor else ''}]"
            )
            notes.append(
                (number, _("Pour Moodle : le lien vers la leçon n'est qu'un commentaire."))
            )
        if item.statistic:
            lines.append(f"// [atelier:stat={item.statistic}]")
            notes.append(
                (
                    number,
                    _(
                        "Pour Moodle : la réponse est la valeur actuelle du chiffre clé, qui ne "
                        "suivra plus ses mises à jour."
                    ),
                )
            )
        if item.unit:
            lines.append(f"// [atelier:unit={item.unit}]")
            notes.append(
                (
                    number,
                    _("Pour Moodle : l'unité « %(unit)s » n'est qu'un commentaire.")
                    % {"unit": item.unit},
                )
            )
        if item.kind == "word_cloud":
            lines.append("// [atelier:kind=word_cloud]")
            notes.append(
                (number, _("Pour Moodle : un nuage de mots devient une question ouverte."))
            )
        lines.append(escape_gift(item.text) + " {")
        lines += _answers(item)
        if item.explanation:
            lines.append("####" + _rich_out(item.explanation))
        lines += ["}", ""]
    return "\n".join(lines), notes


def _answers(item):
    if item.kind == "single":
        return [
            f"{'=' if c.correct else '~'}{escape_gift(c.text)}"
            + (f" #{_rich_out(c.feedback)}" if c.feedback else "")
            for c in item.choices
        ]
    if item.kind == "multiple":
        share = _share(sum(1 for c in item.choices if c.correct))
        return [
            f"~%{share if c.correct else '-100'}%{escape_gift(c.text)}"
            + (f" #{_rich_out(c.feedback)}" if c.feedback else "")
            for c in item.choices
        ]
    if item.kind == "true_false":
        return ["TRUE" if item.answer == "true" else "FALSE"]
    if item.kind == "numeric":
        return [f"#{item.answer}:{item.tolerance}"]
    return []  # open question, word cloud: an essay
