from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes import opinions


class QuestionnaireForm(forms.Form):
    """A field for each question (none required: the learner answers what they wish)."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question["id"]] = field_for(question)

    def answers(self):
        """What was given, as quizzes.opinions.parse reads it (a list for a poll)."""
        data = {}
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField):
                data[name] = self.data.getlist(name)
            else:
                data[name] = self.data.get(name, "")
        return data


def field_for(question):
    kind, label = question["kind"], question["text"]
    if kind == "poll":
        choices = [(choice["id"], choice["text"]) for choice in question["choices"]]
        invalid = {"invalid_choice": _("Cette réponse ne fait pas partie de la question.")}
        if question["multiple"]:
            return forms.MultipleChoiceField(
                label=label,
                choices=choices,
                required=False,
                error_messages=invalid,
                widget=forms.CheckboxSelectMultiple,
            )
        return forms.ChoiceField(
            label=label,
            choices=choices,
            required=False,
            error_messages=invalid,
            widget=forms.RadioSelect,
        )
    if kind == "scale":
        values = list(opinions.scale_values(question))
        choices = [(str(value), str(value)) for value in values]
        return forms.ChoiceField(
            label=label,
            choices=choices,
            required=False,
            error_messages={
                "invalid_choice": _("Choisissez un nombre de %(low)s à %(high)s.")
                % {"low": values[0], "high": values[-1]}
            },
            widget=forms.RadioSelect(attrs={"class": "scale-choice"}),
            help_text=_("%(low)s = %(low_label)s ; %(high)s = %(high_label)s") % question,
        )
    if kind == "word_cloud":
        return forms.CharField(label=label, required=False, max_length=opinions.WORD_LENGTH)
    return forms.CharField(
        label=label,
        required=False,
        max_length=opinions.OPEN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
