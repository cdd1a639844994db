"""Aiken, Moodle's simplest text format: single-choice questions only, each as its text, its
answers "A. …" (or "A) …") and "ANSWER: B". Nothing else: no explanation, no comment, no lesson.
No Python library reads it (PyPI's "aiken" packages are other things), so this small parser is
strict: any line out of place is an error on its line, in French.

Written: single choices as they are, true or false as a single choice (Vrai, Faux); the other
kinds are left out, and everything Aiken cannot carry is listed per question."""

import re
import string

from django.utils.translation import gettext as _

from .questions import KINDS, Choice, Item

OPTION = re.compile(r"^([A-Z])[.)]\s+(\S.*)$")
SPACES = re.compile(r"[ \t\r\n]+")  # never a no-break space
ANSWER = re.compile(r"^ANSWER\s*:\s*(.*)$", re.IGNORECASE)


def parse(text):
    """(items, notes about the whole file) of an Aiken file's text."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    items = []
    item = None  # the question being read
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:  # blank lines are ignored, as Moodle ignores them
            continue
        option = OPTION.match(stripped)
        answer = ANSWER.match(stripped)
        if item is None or item.kind is not None:
            # A new question starts: its text, on one or several lines.
            if option or answer:
                item = Item(line=number)
                items.append(item)
                item.error(_("Une réponse ou « ANSWER: » sans question avant."), number)
                if answer:  # its end, too
                    item.kind = "single"
                continue
            item = Item(line=number, text=stripped)
            items.append(item)
            continue
        if item.errors:
            if answer:
                item.kind = "single"  # the end of the faulty question
            continue
        if answer:
            _answer(item, answer[1].strip(), number)
            item.kind = "single"
        elif option:
            expected = string.ascii_uppercase[len(item.choices)]
            if option[1] != expected:
                item.error(
                    _("Réponse « %(letter)s » : la lettre attendue ici est « %(expected)s ».")
                    % {"letter": option[1], "expected": expected},
                    number,
                )
                continue
            item.choices.append(Choice(option[2].strip()))
        elif item.choices:
            item.error(
                _(
                    "Ligne inattendue : une réponse (« %(letter)s. … ») ou « ANSWER: … » était "
                    "attendue."
                )
                % {"letter": string.ascii_uppercase[min(len(item.choices), 25)]},
                number,
            )
        else:
            item.text += "\n" + stripped
    if item is not None and item.kind is None and not item.errors:
        item.error(_("La question n'a pas de ligne « ANSWER: … » : le fichier s'arrête avant."))
    for item in items:
        if item.kind is None:
            item.kind = "single"
    return items, []


def _answer(item, letters, number):
    if len(item.choices) < 2:
        item.error(_("Il faut au moins deux réponses (« A. … », « B. … »)."), number)
        return
    if not re.fullmatch(r"[A-Z]", letters):
        item.error(
            _(
                "« ANSWER: %(letters)s » : une seule lettre est attendue (Aiken n'a qu'une "
                "bonne réponse)."
            )
            % {"letters": letters},
            number,
        )
        return
    index = string.ascii_uppercase.index(letters)
    if index >= len(item.choices):
        item.error(
            _("« ANSWER: %(letter)s » : il n'y a pas de réponse %(letter)s.") % {"letter": letters},
            number,
        )
        return
    item.choices[index].correct = True


def write(items, title):
    """(the Aiken text, notes) of items (questions.items_of); notes: (number, message) of what
    the file leaves out or changes."""
    lines, notes = [], []
    for number, item in enumerate(items, start=1):
        if item.kind == "true_false":
            choices = [
                Choice(_("Vrai"), item.answer == "true"),
                Choice(_("Faux"), item.answer != "true"),
            ]
            notes.append((number, _("Vrai ou faux exporté comme un choix unique (Vrai, Faux).")))
        elif item.kind == "single":
            choices = item.choices
        else:
            notes.append(
                (
                    number,
                    _("Non exportée : Aiken n'a que des choix uniques (ici : %(kind)s).")
                    % {"kind": KINDS[item.kind]},
                )
            )
            continue
        if len(choices) > 26:
            notes.append((number, _("Non exportée : plus de 26 réponses.")))
            continue
        lost = []
        if item.explanation:
            lost.append(_("l'explication"))
        if any(choice.feedback for choice in choices):
            lost.append(_("les commentaires des réponses"))
        if item.lesson:
            lost.append(_("la leçon"))
        if lost:
            notes.append(
                (number, _("Aiken ne peut pas garder %(what)s.") % {"what": ", ".join(lost)})
            )
        text = SPACES.sub(" ", item.text).strip(" ")
        if text != item.text.strip(" "):
            notes.append((number, _("Question écrite sur une seule ligne.")))
        lines.append(text)
        for letter, choice in zip(string.ascii_uppercase, choices, strict=False):
            lines.append(f"{letter}. {SPACES.sub(' ', choice.text).strip(' ')}")
        right = next(
            letter for letter, c in zip(string.ascii_uppercase, choices, strict=False) if c.correct
        )
        lines += [f"ANSWER: {right}", ""]
    return "\n".join(lines), notes
