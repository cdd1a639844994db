"""Questions without a right answer: polls, opinion scales, word clouds and open questions. They
are never scored (`quizzes.scoring` skips them); their answers are kept as a value in JSON beside
the question's kind, whatever keeps them (an attempt's snapshot, a live session's answer), and
read back here: what a value may be, how it reads, how many answers gave what.

A live session, a quiz page and (later) a satisfaction questionnaire share these rules."""

import re
import unicodedata
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

UNSCORED_KINDS = ("poll", "scale", "word_cloud", "open")
SCALES = {"1-5": (1, 5), "0-10": (0, 10)}
WORD_LENGTH = 40  # a word cloud's answer: a word or a few
OPEN_LENGTH = 280  # an open answer: a sentence or two
POLL_CHOICES = 10


class Invalid(ValueError):
    """An answer that does not fit its question, with the reason in French."""


def is_scored(question):
    """Whether a question (a snapshot, or a kind) has a right answer and counts in scores."""
    kind = question if isinstance(question, str) else question["kind"]
    return kind not in UNSCORED_KINDS


def snapshot(kind, text, *, choices=(), multiple=False, scale="1-5", low_label="", high_label=""):
    """What an attempt or a session keeps of a question without a right answer: all of it,
    since nothing in it is secret. choices: (id, text) pairs of a poll, in the editor's order."""
    question = {"kind": kind, "text": text, "explanation": "", "section": None}
    if kind == "poll":
        question["multiple"] = bool(multiple)
        question["choices"] = [{"id": choice_id, "text": label} for choice_id, label in choices]
    elif kind == "scale":
        question["low"], question["high"] = SCALES[scale]
        question["low_label"], question["high_label"] = low_label, high_label
    return question


def snapshot_of_block(child, choice_ids):
    """The snapshot of a quiz's question block (`child`), its poll choices in `choice_ids`'
    order."""
    value = child.value
    if child.block_type == "poll":
        texts = {choice.id: choice.value for choice in value["choices"].bound_blocks}
        return {
            "id": child.id,
            **snapshot(
                "poll",
                value["text"],
                choices=[(choice_id, texts[choice_id]) for choice_id in choice_ids],
                multiple=value["multiple"],
            ),
        }
    if child.block_type == "scale":
        return {
            "id": child.id,
            **snapshot(
                "scale",
                value["text"],
                scale=value["scale"],
                low_label=value["low_label"],
                high_label=value["high_label"],
            ),
        }
    return {"id": child.id, **snapshot(child.block_type, value["text"])}


def scale_values(question):
    return range(question["low"], question["high"] + 1)


# Text typed on a phone or a page.

# Control characters, invisible ones and those that turn text around (Unicode's Cc and Cf: BEL,
# ESC, U+200B, U+202E…): removed, so that what is shown and exported is what one reads.
HIDDEN_CATEGORIES = ("Cc", "Cf")


def clean_text(value):
    """Typed text as kept: composed (NFC), without hidden characters, spaces collapsed."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(
        " " if character.isspace() else character
        for character in value
        if character.isspace() or unicodedata.category(character) not in HIDDEN_CATEGORIES
    )
    return " ".join(value.split())


def parse(question, value):
    """An answer to a question without a right answer, as it is kept: a poll's choice ids (a
    list), a scale's number, a text. `value` as a phone or a form sends it (a text, a number,
    a list of them). Raises Invalid with the reason."""
    kind = question["kind"]
    if kind == "poll":
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(item, str) for item in values):
            raise Invalid(_("Choisissez une réponse."))
        shown = {choice["id"] for choice in question["choices"]}
        if not set(values) <= shown:
            raise Invalid(_("Cette réponse ne fait pas partie de la question."))
        if not question["multiple"] and len(values) != 1:
            raise Invalid(_("Une seule réponse est possible pour cette question."))
        return sorted(set(values), key=values.index)
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if kind == "scale":
        message = _("Choisissez un nombre de %(low)s à %(high)s.") % {
            "low": question["low"],
            "high": question["high"],
        }
        if isinstance(value, bool):
            raise Invalid(message)
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,3}\s*", value):
            value = int(value)
        if not isinstance(value, int) or value not in scale_values(question):
            raise Invalid(message)
        return value
    if not isinstance(value, str):
        raise Invalid(_("Écrivez votre réponse."))
    text = clean_text(value)
    limit = WORD_LENGTH if kind == "word_cloud" else OPEN_LENGTH
    if not text:
        raise Invalid(_("Écrivez votre réponse."))
    if len(text) > limit:
        raise Invalid(_("Répondez en %(limit)s caractères au plus.") % {"limit": limit})
    return text


def describe(question, given):
    """An answer in words: the poll's choices, the scale's number, the text."""
    if question["kind"] == "poll":
        texts = {choice["id"]: choice["text"] for choice in question["choices"]}
        return ", ".join(texts[choice_id] for choice_id in given if choice_id in texts)
    if question["kind"] == "scale":
        return _("%(value)s sur une échelle de %(low)s à %(high)s") % {
            "value": given,
            "low": question["low"],
            "high": question["high"],
        }
    return str(given)


# Many answers to one question.


def word_key(text):
    """What makes two answers to a word cloud the same word: case, accents and simple plurals
    aside ("Réactivité", "reactivite"; "Avis clients", "avis client"). Only a key: the cloud
    shows the words as people typed them."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    text = "".join(character for character in text if not unicodedata.combining(character))
    words = re.findall(r"[\w][\w'-]*", text)
    return " ".join(singular(word) for word in words)


def singular(word):
    """A French plural in -s or -x, where it is simple: "clients" → "client", "réseaux" →
    "reseau" (never "stress" or a short word like "vis")."""
    if len(word) > 3 and word[-1] in "sx" and word[-2] not in "sx":
        return word[:-1]
    return word


def word_counts(texts, hidden=()):
    """[(word as most often typed, its key, how many typed it)] of a word cloud's answers,
    the most frequent first (then alphabetical); words whose key is in `hidden` left out."""
    spellings = {}
    for text in texts:
        key = word_key(text)
        if key and key not in hidden:
            spellings.setdefault(key, Counter())[text] += 1
    words = []
    for key, counter in spellings.items():
        # The most frequent spelling; among equals, the first one typed (Counter keeps order).
        shown = max(counter.items(), key=lambda item: item[1])[0]
        words.append((shown, key, sum(counter.values())))
    words.sort(key=lambda word: (-word[2], word[1]))
    return words


def scale_distribution(question, values):
    """{"rows": [(value, count)] for every value of the scale, "answered", "mean" (a Decimal
    to one place, or None)} of a scale's answers (values outside it are ignored)."""
    counts = Counter(value for value in values if value in scale_values(question))
    answered = sum(counts.values())
    mean = None
    if answered:
        total = sum(value * count for value, count in counts.items())
        mean = (Decimal(total) / answered).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {
        "rows": [(value, counts.get(value, 0)) for value in scale_values(question)],
        "answered": answered,
        "mean": mean,
    }
