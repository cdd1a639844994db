"""The form a learner fills in: one field per question shown, in the order drawn for the attempt.

It holds no right answer: the choices are opaque ids, and correctness is looked up only when the
submission is scored on the server."""

from html import escape

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .blocks import numeric_unit
from .numbers import canonical_number

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
}


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
        kind = "checkbox" if self.kind == "multiple" else "radio"
        required = "" if self.kind == "multiple" else " required"
        name, prefix = escape(bound.html_name), escape(bound.auto_id)
        items = []
        for index, (value, label) in enumerate(bound.field.choices):
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
            if question.kind in ("single", "true_false") and len(self.data.getlist(name)) > 1:
                self.add_error(name, _("Une seule réponse est possible pour cette question."))
        return cleaned

    def answers(self):
        """{question id: list of choice ids, or the number as text}."""
        result = {}
        for question in self.question_list:
            value = self.cleaned_data[question.field.name]
            if question.kind == "multiple":
                result[question.id] = list(value)
            elif question.kind == "numeric":
                result[question.id] = canonical_number(value)
            else:
                result[question.id] = [value]
        return result
