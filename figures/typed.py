"""A statistic's figure typed by hand in a text, where it should be cited: the one rule.

A text that types "65 %" instead of citing the statistic keeps 65 % when the statistic changes.
The rule finds, in a text, the value of a published statistic written next to its unit, as an
editor would type it: "65 %", "65 pour cent", "1 h 30", "90 minutes", and a share in figures or
in words ("1 sur 3", "un client sur trois", "trois clients sur quatre", "un tiers", "deux
tiers"). A count has no unit to sit beside: it is never found.

Lessons, quizzes and resources say which of their fields to read (TypedFiguresMixin); the admin
warns at each save and submission (wagtail_hooks), and moderators cannot approve or publish a
text with such a figure unless its editor said why it is typed on purpose (typed_figures_reason,
kept in the revision). The test suite runs the same rule over the whole seed.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from html import unescape

from django.apps import apps
from django.utils.html import strip_tags
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from . import wording
from .units import Unit

SPACE = r"[\s\u00a0\u202f]*"
GAP = r"[\s\u00a0\u202f]+"
# A word between a share's two numbers ("un client BtoB sur trois"): no digit, no punctuation
# that ends a clause, so that a match stays inside one phrase.
WORD = r"[^\s\u00a0\u202f\d.,;:!?()«»\"]+"
BETWEEN = rf"(?:{GAP}{WORD}){{0,3}}?"
BEFORE = r"(?<![\w,.-])"
AFTER = r"(?![\w-])"

# Shares that French also writes as a fraction's name.
FRACTIONS = {
    (1, 2): ["la moitié"],
    (1, 3): ["un tiers"],
    (2, 3): ["deux tiers"],
    (1, 4): ["un quart"],
    (3, 4): ["trois quarts"],
}


@dataclass(frozen=True)
class TypedFigure:
    """A figure found typed in a text: where (a field, a block), the words as typed, and the
    published statistics whose value they are (several may share one value)."""

    where: str
    typed: str
    statistics: tuple

    @property
    def statistic(self):
        return self.statistics[0]


def _numbers(value):
    """The ways to type a number in figures: "80,5" and "80.5"; "1000" and "1 000"."""
    value = Decimal(value)
    plain = format(value.normalize() if value else Decimal(0), "f")
    forms = {plain, plain.replace(".", ",")}
    forms.add(wording.plain_number(value).replace("\u202f", " ").replace("\u00a0", " "))
    return "|".join(re.escape(form).replace(r"\ ", SPACE) for form in sorted(forms, key=len)[::-1])


def _number_or_words(value):
    """A whole number in figures or in words ("3", "trois"; "1", "un", "une")."""
    forms = [_numbers(value)]
    if wording.has_words(value):
        forms += sorted({wording.in_words(value), wording.in_words(value, feminine=True)})
    return "|".join(forms)


def typed_pattern(statistic):
    """A regular expression for the statistic's figure typed by hand; None for a count."""
    value = statistic.value
    number = rf"{BEFORE}(?:{_numbers(value)})"
    if statistic.unit == Unit.PERCENT:
        return rf"{number}{SPACE}(?:%|pour{GAP}cent{AFTER})"
    if statistic.unit == Unit.HOURS:
        return rf"{number}{SPACE}(?:h|heures?){AFTER}"
    if statistic.unit == Unit.MINUTES:
        forms = [rf"{number}{SPACE}(?:min|minutes?){AFTER}"]
        if value >= 60 and value == int(value):
            hours, minutes = divmod(int(value), 60)
            spelled = rf"{hours}{SPACE}h{SPACE}{minutes:02d}" if minutes else rf"{hours}{SPACE}h"
            forms.append(rf"(?<![\d,.]){spelled}(?!\d)")
        return "|".join(forms)
    if statistic.unit == Unit.SHARE and statistic.denominator:
        denominator = statistic.denominator
        forms = [
            rf"{BEFORE}(?:{_number_or_words(value)}){BETWEEN}{GAP}sur{GAP}"
            rf"(?:{_number_or_words(denominator)}){AFTER}"
        ]
        if value == int(value) and value > 0:
            common = math.gcd(int(value), denominator)
            for name in FRACTIONS.get((int(value) // common, denominator // common), []):
                forms.append(BEFORE + name.replace(" ", GAP) + AFTER)
        return "|".join(forms)
    return None


def published_patterns():
    """(compiled pattern, statistic) for every published statistic that has a unit."""
    Statistic = apps.get_model("figures", "Statistic")  # figures.models reads this module
    return [
        (re.compile(pattern, re.IGNORECASE), statistic)
        for statistic in Statistic.objects.filter(live=True).order_by("pk")
        if (pattern := typed_pattern(statistic))
    ]


def find_in_texts(texts, patterns=None):
    """Every figure typed in these texts ((where, plain text) pairs), in their order."""
    patterns = published_patterns() if patterns is None else patterns
    found = []
    for where, text in texts:
        spans = {}  # (start, end): statistics
        for pattern, statistic in patterns:
            for match in pattern.finditer(text):
                spans.setdefault(match.span(), []).append(statistic)
        for (start, end), statistics in sorted(spans.items()):
            found.append(TypedFigure(where, text[start:end], tuple(statistics)))
    return found


def plain(html):
    """What a reader reads of stored rich text. A cited figure is an <embed/> without text:
    it leaves nothing here, as it should."""
    return unescape(strip_tags(html or ""))


def _block_texts(block, value, where):
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for number, item in enumerate(value, start=1):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                label = f"{capfirst(child.label)} n° {number}"
                yield from _block_texts(child, item.get("value"), [*where, label])
    elif isinstance(block, blocks.ListBlock):
        for number, item in enumerate(value, start=1):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]  # the list's newer storage: {"type", "value", "id"}
            label = f"{capfirst(block.child_block.label)} n° {number}"
            yield from _block_texts(block.child_block, item, [*where, label])
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _block_texts(child, value.get(name), [*where, capfirst(child.label)])
    elif isinstance(block, blocks.RichTextBlock):
        yield " › ".join(map(str, where)), plain(value)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and isinstance(value, str):
        yield " › ".join(map(str, where)), value


def texts_of(instance):
    """(where, plain text) of every text of the instance a reader sees (its
    `typed_figure_fields`), as stored: a cited figure is not in them."""
    for name in instance.typed_figure_fields:
        field = instance._meta.get_field(name)
        value = getattr(instance, name)
        where = [capfirst(field.verbose_name)]
        if isinstance(field, StreamField):
            yield from _block_texts(field.stream_block, list(value.raw_data), where)
        elif isinstance(field, RichTextField):
            yield str(where[0]), plain(value)
        elif isinstance(value, str):
            yield str(where[0]), value


def typed_figures(instance, patterns=None):
    """Every figure typed by hand in the instance's texts."""
    return find_in_texts(texts_of(instance), patterns)


def uncited_figures(instance):
    """The typed figures that stop a moderator from approving or publishing the instance: all
    of them, unless its editor said why they are typed on purpose."""
    if (instance.typed_figures_reason or "").strip():
        return []
    return typed_figures(instance)
