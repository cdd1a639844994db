"""The form a learner fills in: one field per question shown, in the order drawn for the attempt.

It holds no right answer: the choices are opaque ids, and correctness is looked up only when the
submission is scored on the server."""

from html import escape

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .blocks import numeric_unit
from .numbers import canonical_number
from .opinions import OPEN_LENGTH, SCALES, WORD_LENGTH, clean_text, is_scored

TRUE_FALSE = [("true", _("Vrai")), ("false", _("Faux"))]
FIELD_PREFIX = "q-"

MESSAGES = {
    "required": _("Répondez à cette question."),
    "invalid_choice": _("Cette réponse ne fait pas partie de la question."),
    "invalid_list": _("Cette réponse ne fait pas partie de la question."),
    "invalid": _("Indiquez un nombre, par exemple 42 ou 12,5."),
    "max_digits": _("Indiquez un nombre plus court."),
    "max_decimal_places": _("Indiquez au plus deux chiffres après la virgule."),
    "max_whole_digits": _("Indiquez un nombre plus petit."),
    "max_length": _("Répondez en %(limit_value)d caractères au plus."),
}

# Kinds answered by choosing one or several of the choices shown.
CHOICE_KINDS = ("single", "multiple", "true_false", "poll", "scale")


class NumberField(forms.DecimalField):
    """A number as people type it: "12,5", "1 000" (spaces between thousands), "-3"."""

    SPACES = (" ", "\u00a0", "\u202f")

    def to_python(self, value):
        if isinstance(value, str):
            for space in self.SPACES:
                value = value.replace(space, "")
        return super().to_python(value)


class Question:
    """A question as shown: its number, its block and its form field."""

    def __init__(self, number, child, field):
        self.number = number
        self.id = child.id
        self.kind = child.block_type
        self.value = child.value
        self.field = field
        self.scored = is_scored(self.kind)

    @property
    def multiple(self):
        """Several answers may be ticked (a multiple choice, a poll that says so)."""
        return self.kind == "multiple" or (self.kind == "poll" and self.value["multiple"])

    @property
    def has_choices(self):
        return self.kind in CHOICE_KINDS

    @property
    def scale(self):
        """(lowest, highest) number of an opinion scale."""
        return SCALES[self.value["scale"]] if self.kind == "scale" else None

    @property
    def unit(self):
        if self.kind != "numeric":
            return ""
        return numeric_unit(self.value)

    def choices_html(self):
        """The question's choices as list items, each a labelled radio button or checkbox.
        Written here rather than by Django's widgets or a template loop: they render each
        option through templates of their own, and the choices were the quiz page's main cost.
        Every value is escaped."""
        bound = self.field
        given = bound.value()
        if given is None:
            given = set()
        elif isinstance(given, list | tuple):
            given = {str(value) for value in given}
        else:
            given = {str(given)}
        kind = "checkbox" if self.multiple else "radio"
        # A question without a right answer may be left unanswered.
        required = "" if self.multiple or not self.scored else " required"
        name, prefix = escape(bound.html_name), escape(bound.auto_id)
        items = []
        for index, (value, label) in enumerate(bound.field.choices):
            if value == "":  # an optional radio group's empty choice: not a button
                continue
            checked = " checked" if str(value) in given else ""
            items.append(
                f'<li><label class="quiz-choice" for="{prefix}_{index}">'
                f'<input type="{kind}" name="{name}" value="{escape(value)}" '
                f'id="{prefix}_{index}"{required}{checked}><span>{escape(label)}</span></label></li>'
            )
        return SafeString("".join(items))


class QuizForm(forms.Form):
    def __init__(self, quiz, question_ids, choice_ids, *args, **kwargs):
        super().__init__(*args, **kwargs)
        by_id = {child.id: child for child in quiz.questions}
        self.question_list = []
        for number, question_id in enumerate(question_ids, start=1):
            child = by_id[question_id]
            name = f"{FIELD_PREFIX}{question_id}"
            self.fields[name] = self.make_field(child, choice_ids.get(question_id, []))
            self.question_list.append(Question(number, child, self[name]))
        self.question_count = len(self.question_list)

    @staticmethod
    def make_field(child, choice_ids):
        label = child.value["text"]
        if not is_scored(child.block_type):
            return opinion_field(child, choice_ids)
        if child.block_type in ("single", "multiple"):
            texts = {
                choice.id: choice.value["text"] for choice in child.value["choices"].bound_blocks
            }
            choices = [(choice_id, texts[choice_id]) for choice_id in choice_ids]
            if child.block_type == "multiple":
                return forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages=MESSAGES,
                )
            return forms.ChoiceField(
                label=label, choices=choices, widget=forms.RadioSelect, error_messages=MESSAGES
            )
        if child.block_type == "true_false":
            return forms.ChoiceField(
                label=label, choices=TRUE_FALSE, widget=forms.RadioSelect, error_messages=MESSAGES
            )
        return NumberField(
            label=label,
            max_digits=12,
            decimal_places=2,
            localize=True,
            error_messages=MESSAGES,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        )

    def clean(self):
        cleaned = super().clean()
        unknown = [
            key for key in self.data if key.startswith(FIELD_PREFIX) and key not in self.fields
        ]
        if unknown:
            raise forms.ValidationError(
                _(
                    "Le formulaire contient une réponse à une question "
                    "qui ne fait pas partie de ce quiz."
                ),
                code="unknown_question",
            )
        for question in self.question_list:
            name = question.field.name
            single = question.has_choices and not question.multiple
            if single and len(self.data.getlist(name)) > 1:
                self.add_error(name, _("Une seule réponse est possible pour cette question."))
        return cleaned

    def answers(self):
        """{question id: list of choice ids, or the number as text; for a question without a
        right answer, its value as quizzes.opinions keeps it, None when left unanswered}."""
        return {question.id: self.answer(question) for question in self.question_list}

    def answer(self, question):
        """One question's answer, as answers() keeps it (a review of missed questions, drawn
        from several quizzes, reads them one by one)."""
        value = self.cleaned_data[question.field.name]
        if not question.scored:
            return opinion_answer(question, value)
        if question.kind == "multiple":
            return list(value)
        if question.kind == "numeric":
            return canonical_number(value)
        return [value]


def opinion_field(child, choice_ids):
    """The field of a question without a right answer: never required (an opinion may be kept
    to oneself)."""
    value = child.value
    label = value["text"]
    if child.block_type == "poll":
        texts = {choice.id: choice.value for choice in value["choices"].bound_blocks}
        choices = [(choice_id, texts[choice_id]) for choice_id in choice_ids]
        if value["multiple"]:
            return forms.MultipleChoiceField(
                label=label,
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages=MESSAGES,
            )
        return forms.ChoiceField(
            label=label,
            choices=choices,
            required=False,
            widget=forms.RadioSelect,
            error_messages=MESSAGES,
        )
    if child.block_type == "scale":
        low, high = SCALES[value["scale"]]
        return forms.ChoiceField(
            label=label,
            choices=[(str(number), str(number)) for number in range(low, high + 1)],
            required=False,
            widget=forms.RadioSelect,
            error_messages=MESSAGES,
        )
    limit = WORD_LENGTH if child.block_type == "word_cloud" else OPEN_LENGTH
    widget = (
        forms.TextInput(attrs={"autocomplete": "off"})
        if child.block_type == "word_cloud"
        else forms.Textarea(attrs={"rows": 3})
    )
    return forms.CharField(
        label=label, max_length=limit, required=False, widget=widget, error_messages=MESSAGES
    )


def opinion_answer(question, value):
    """A cleaned field's value as kept (quizzes.opinions.parse's forms), None if unanswered."""
    if question.kind == "poll":
        values = list(value) if question.multiple else ([value] if value else [])
        return values or None
    if question.kind == "scale":
        return int(value) if value else None
    text = clean_text(value or "")
    return text or None
