"""Questions as a file carries them, whatever its format: read from a quiz to be written out,
or read from a file to become a quiz's questions. Each keeps the line it starts on, its errors
(it cannot be created) and its notes (what the format could not say, what was changed), in
French, so that nothing is left out without a word."""

import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from figures.models import Statistic
from lessons.models import LessonPage

from ..blocks import QuestionsBlock
from ..numbers import canonical_number
from ..opinions import UNSCORED_KINDS
from .markup import MarkupError, html_to_text, text_to_html

# Each kind of question, as the files and the preview name it.
KINDS = {
    "single": gettext_lazy("choix unique"),
    "multiple": gettext_lazy("choix multiple"),
    "true_false": gettext_lazy("vrai ou faux"),
    "numeric": gettext_lazy("estimation"),
    "poll": gettext_lazy("sondage"),
    "scale": gettext_lazy("échelle"),
    "word_cloud": gettext_lazy("nuage de mots"),
    "open": gettext_lazy("question ouverte"),
}
CHOICE_KINDS = ("single", "multiple")


@dataclass
class Choice:
    text: str
    correct: bool = False
    feedback: str = ""  # markup (quizzes.exchange.markup)


@dataclass
class Item:
    """One question of a file. `kind` is None when it could not be told."""

    line: int
    kind: str | None = None
    text: str = ""
    explanation: str = ""  # markup
    lesson: str | None = None  # the lesson's slug; None: the quiz's lesson
    anchor: str = ""
    choices: list = field(default_factory=list)  # Choice; a poll's have no right answer
    answer: str | None = None  # a number, as canonical_number writes it
    tolerance: str = "0"
    unit: str = ""
    statistic: str | None = None  # the statistic's slug
    multiple: bool = False  # a poll taking several answers
    scale: str = "1-5"
    low_label: str = ""
    high_label: str = ""
    errors: list = field(default_factory=list)  # (line, message)
    notes: list = field(default_factory=list)  # (line, message)
    # Once checked against the site (prepare): the question's data, and whether it may be
    # submitted as it is (an explanation is missing otherwise).
    data: dict | None = None
    complete: bool = True

    def error(self, message, line=None):
        self.errors.append((line or self.line, str(message)))

    def note(self, message, line=None):
        self.notes.append((line or self.line, str(message)))

    @property
    def kind_label(self):
        return KINDS.get(self.kind, _("inconnu"))

    @property
    def scored(self):
        return self.kind not in UNSCORED_KINDS

    def signature(self):
        """What makes two questions the same (their ids and line aside)."""
        return (
            self.kind,
            self.text,
            self.explanation,
            self.lesson,
            self.anchor,
            tuple((c.text, c.correct, c.feedback) for c in self.choices),
            self.answer,
            self.tolerance if self.kind == "numeric" else None,
            self.unit,
            self.statistic,
            self.multiple,
            self.scale if self.kind == "scale" else None,
            self.low_label,
            self.high_label,
        )


def parse_number(text):
    """A number as typed in a file, French or not ("80,5", "80.5", "1 000"), as
    canonical_number keeps it; None if it is not one."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    cleaned = cleaned.replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return canonical_number(number)


# A quiz's questions → items (export).


def items_of(quiz):
    """The questions of a quiz as its editors last saved them (its latest revision)."""
    latest = quiz.get_latest_revision_as_object() if quiz.pk else quiz
    children = list(latest.questions)
    slugs = _statistic_slugs(children)
    lessons = {}
    items = []
    for number, child in enumerate(children, start=1):
        items.append(_item_of(number, child, slugs, lessons))
    return items


def _statistic_slugs(children):
    """{str(pk): slug} of every statistic the questions cite or follow."""
    ids = set()
    for child in children:
        raw = child.block.get_prep_value(child.value)
        found = re.findall(r'embedtype=\\?"statistic\\?"[^>]*?\bid=\\?"(\d+)', str(raw))
        ids.update(found)
        if child.block_type == "numeric" and raw.get("statistic"):
            ids.add(str(raw["statistic"]))
    return {
        str(pk): slug for pk, slug in Statistic.objects.filter(pk__in=ids).values_list("pk", "slug")
    }


def _markup(item, html, slugs, what):
    text, dropped = html_to_text(str(html) if html else "", slugs)
    if dropped:
        item.note(
            _("%(what)s : mise en forme non exportée (%(tags)s).")
            % {"what": what, "tags": ", ".join(dropped)}
        )
    return text


def _item_of(number, child, slugs, lessons):
    value = child.value
    item = Item(line=number, kind=child.block_type, text=value["text"])
    if child.block_type in UNSCORED_KINDS:
        if child.block_type == "poll":
            item.choices = [Choice(text) for text in value["choices"]]
            item.multiple = bool(value["multiple"])
        elif child.block_type == "scale":
            item.scale = value["scale"]
            item.low_label, item.high_label = value["low_label"], value["high_label"]
        return item
    item.explanation = _markup(item, value["explanation"], slugs, _("explication"))
    lesson = value.get("lesson")
    if lesson is not None:
        if lesson.pk not in lessons:
            lessons[lesson.pk] = (
                LessonPage.objects.filter(pk=lesson.pk).values_list("slug", flat=True).first()
            )
        item.lesson = lessons[lesson.pk]
    item.anchor = value.get("anchor") or ""
    if child.block_type in CHOICE_KINDS:
        item.choices = [
            Choice(
                choice["text"],
                bool(choice["correct"]),
                _markup(item, choice["feedback"], slugs, _("commentaire")),
            )
            for choice in value["choices"]
        ]
    elif child.block_type == "true_false":
        item.answer = "true" if value["answer"] else "false"
    else:
        statistic = value.get("statistic")
        item.statistic = statistic.slug if statistic else None
        if statistic is not None:
            item.answer = canonical_number(statistic.value)
        elif value.get("answer") is not None:
            item.answer = canonical_number(value["answer"])
        item.tolerance = canonical_number(value.get("tolerance") or 0)
        item.unit = value.get("unit") or ""
    return item


# Items read from a file → a quiz's questions (import).


def prepare(items, quiz_lesson=None):
    """Checks each item against the site (lessons, sections, figures, each question's own rules,
    as the editor checks them) and gives it its question data. A question without a lesson takes
    the quiz's (`quiz_lesson`, a LessonPage or None). Items with errors get no data."""
    lessons = {
        page.slug: page
        for page in LessonPage.objects.filter(slug__in={i.lesson for i in items if i.lesson})
    }
    statistics = {
        slug: (pk, value)
        for slug, pk, value in Statistic.objects.values_list("slug", "pk", "value")
    }
    blocks = QuestionsBlock().child_blocks
    for item in items:
        if item.kind is None or item.errors:
            continue
        lesson = quiz_lesson
        if item.lesson:
            lesson = lessons.get(item.lesson)
            if lesson is None:
                item.error(
                    _("Aucune leçon n'a l'identifiant « %(slug)s ».") % {"slug": item.lesson}
                )
                continue
        try:
            raw = _raw_value(item, lesson, statistics)
        except MarkupError as error:
            item.error(error)
            continue
        if raw is None:
            continue
        block = blocks[item.kind]
        missing_explanation = item.scored and not raw.get("explanation")
        checked = dict(raw, explanation="<p>…</p>") if missing_explanation else raw
        try:
            block.clean(block.to_python(checked))
        except ValidationError as error:
            for message in messages_of(error, block):
                item.error(message)
            continue
        if missing_explanation:
            item.complete = False
            item.note(_("Sans explication : à écrire dans le quiz avant de le soumettre."))
        item.data = {"type": item.kind, "value": raw, "id": str(uuid.uuid4())}
    return items


def _choices_data(choices, kind):
    if kind == "poll":
        return [{"type": "item", "value": c.text, "id": str(uuid.uuid4())} for c in choices]
    return [
        {
            "type": "item",
            "value": {
                "text": c.text,
                "correct": c.correct,
                "feedback": text_to_html(c.feedback),
            },
            "id": str(uuid.uuid4()),
        }
        for c in choices
    ]


def _raw_value(item, lesson, statistics):
    value = {"text": item.text}
    if item.kind in UNSCORED_KINDS:
        if item.kind == "poll":
            value["choices"] = _choices_data(item.choices, "poll")
            value["multiple"] = item.multiple
        elif item.kind == "scale":
            value.update(scale=item.scale, low_label=item.low_label, high_label=item.high_label)
        return value
    value["explanation"] = text_to_html(item.explanation)
    value["lesson"] = lesson.pk if lesson else None
    value["anchor"] = item.anchor if lesson else ""
    if item.anchor and lesson is None:
        item.note(
            _("Section « %(anchor)s » sans leçon (ni celle du quiz) : non reprise.")
            % {"anchor": item.anchor}
        )
    if item.kind in CHOICE_KINDS:
        value["choices"] = _choices_data(item.choices, item.kind)
    elif item.kind == "true_false":
        value["answer"] = item.answer == "true"
    else:
        statistic = None
        if item.statistic:
            if item.statistic not in statistics:
                item.error(
                    _("Aucun chiffre clé n'a l'identifiant « %(slug)s ».")
                    % {"slug": item.statistic}
                )
                return None
            statistic, current = statistics[item.statistic]
            if item.answer is not None and Decimal(item.answer) != current:
                item.note(
                    _(
                        "La bonne réponse suit le chiffre clé « %(slug)s » (%(value)s) : la "
                        "valeur %(typed)s du fichier n'est pas reprise."
                    )
                    % {
                        "slug": item.statistic,
                        "value": canonical_number(current),
                        "typed": item.answer,
                    }
                )
            item.answer = canonical_number(current)
        value["statistic"] = statistic
        # Following a statistic, the answer is its published value: the file's is not kept.
        value["answer"] = None if statistic else item.answer
        value["tolerance"] = item.tolerance
        value["unit"] = item.unit
    return value


def messages_of(error, block=None):
    """A block's validation error as French sentences, each naming the field concerned."""
    if isinstance(error, StructBlockValidationError):
        messages = []
        for name, child_error in error.block_errors.items():
            child = block.child_blocks.get(name) if block is not None else None
            label = child.label if child is not None else name
            for message in messages_of(child_error, getattr(child, "child_block", child)):
                messages.append(f"{label} : {message}")
        messages += [str(m) for m in getattr(error, "non_block_errors", [])]
        return messages
    if isinstance(error, ListBlockValidationError):
        messages = [str(m) for m in error.non_block_errors]
        for index, child_error in (error.block_errors or {}).items():
            for message in messages_of(child_error, block):
                messages.append(
                    _("réponse %(number)s : %(message)s")
                    % {"number": index + 1, "message": message}
                )
        return messages
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]


def stream_data(items):
    """The question data of the items that may be created, in their order."""
    return [item.data for item in items if item.data is not None]
