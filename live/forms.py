import uuid

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from quizzes import opinions
from quizzes.models import Quiz
from workshops.models import Workshop

from .models import CODE_LENGTH, LiveSession
from .services import NICKNAME_LENGTH, Refused, clean_nickname, end_if_over, ended_message

TIMERS = [
    ("", _("pas de minuteur")),
    ("20", _("20 secondes")),
    ("30", _("30 secondes")),
    ("45", _("45 secondes")),
    ("60", _("1 minute")),
    ("90", _("1 minute 30")),
]


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code de la séance"),
        max_length=20,
        help_text=_("Les 6 caractères affichés par votre formateur, par exemple K7MP3Q."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "live-code-input",
            }
        ),
    )
    nickname = forms.CharField(
        label=_("Votre pseudonyme"),
        max_length=NICKNAME_LENGTH,
        help_text=_("Visible par le groupe : un prénom ou un surnom suffit. Pas de compte."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "maxlength": NICKNAME_LENGTH}),
    )

    def __init__(self, *args, code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = None
        if code:
            self.fields["code"].initial = code
            self.fields["code"].widget = forms.HiddenInput()

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")
        session = LiveSession.objects.filter(code=code[:CODE_LENGTH]).first()
        if session is None or len(code) != CODE_LENGTH:
            raise forms.ValidationError(_("Ce code ne correspond à aucune séance en cours."))
        if end_if_over(session):  # ended, or past its day or its idle time: ended now
            raise forms.ValidationError(ended_message(session))
        self.session = session
        return code

    def clean_nickname(self):
        try:
            return clean_nickname(self.cleaned_data["nickname"])
        except Refused as refusal:
            raise forms.ValidationError(str(refusal)) from None


class StartForm(forms.Form):
    quiz = forms.ModelChoiceField(
        label=_("Quiz à projeter"),
        queryset=Quiz.objects.none(),
        empty_label=None,
        help_text=_("Les questions sont tirées une fois pour toute la salle, dans l'ordre."),
    )
    workshop = forms.ModelChoiceField(
        label=_("Atelier"),
        queryset=Workshop.objects.none(),
        required=False,
        empty_label=_("aucun : des invités, sans résultats d'atelier"),
        help_text=_(
            "Les participants connectés et membres de l'atelier y retrouvent leurs résultats."
        ),
    )
    question_count = forms.IntegerField(
        label=_("Nombre de questions"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Vide : toutes les questions du quiz. Sinon, les premières tirées."),
    )
    timer = forms.ChoiceField(label=_("Minuteur par question"), choices=TIMERS, required=False)
    podium = forms.BooleanField(
        label=_("Podium à la fin (pseudonymes seulement, sans score)"), required=False
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = Quiz.objects.live().in_course_order()
        self.fields["workshop"].queryset = Workshop.objects.run_by(user).filter(archived=False)


# A question written during the session: (key, label, kind, options).
ADDABLE = [
    ("poll", _("Sondage (une réponse)"), "poll", {"multiple": False}),
    ("poll_multiple", _("Sondage (plusieurs réponses)"), "poll", {"multiple": True}),
    ("scale_5", _("Échelle de 1 à 5"), "scale", {"scale": "1-5"}),
    ("scale_10", _("Échelle de 0 à 10"), "scale", {"scale": "0-10"}),
    ("word_cloud", _("Nuage de mots"), "word_cloud", {}),
    ("open", _("Question ouverte"), "open", {}),
]


class AddQuestionForm(forms.Form):
    """A question without a right answer, added on the fly: it becomes the next question."""

    kind = forms.ChoiceField(
        label=_("Type"), choices=[(key, label) for key, label, _kind, _options in ADDABLE]
    )
    text = forms.CharField(label=_("Question"), max_length=300)
    choices = forms.CharField(
        label=_("Réponses proposées (sondage)"),
        required=False,
        help_text=format_lazy(_("Une par ligne, de 2 à {most}."), most=opinions.POLL_CHOICES),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    low_label = forms.CharField(
        label=_("Sens du plus petit nombre (échelle)"),
        max_length=40,
        required=False,
        help_text=_("Vide : « Pas du tout d'accord »."),
    )
    high_label = forms.CharField(
        label=_("Sens du plus grand nombre (échelle)"),
        max_length=40,
        required=False,
        help_text=_("Vide : « Tout à fait d'accord »."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "ajout-%s")  # the projector's page has other forms
        super().__init__(*args, **kwargs)

    def clean_text(self):
        text = opinions.clean_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Écrivez la question."))
        return text

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in ("poll", "poll_multiple"):
            lines = [opinions.clean_text(line) for line in cleaned.get("choices", "").splitlines()]
            choices = list(dict.fromkeys(line[:120] for line in lines if line))
            if not 2 <= len(choices) <= opinions.POLL_CHOICES:
                self.add_error(
                    "choices",
                    _("Un sondage propose de 2 à %(most)s réponses, une par ligne.")
                    % {"most": opinions.POLL_CHOICES},
                )
            cleaned["choice_list"] = choices
        return cleaned

    def question(self):
        """The new question's snapshot, as a quiz's question of its kind would be kept."""
        data = self.cleaned_data
        _key, _label, kind, options = next(row for row in ADDABLE if row[0] == data["kind"])
        if kind == "poll":
            options = {
                **options,
                "choices": [(str(uuid.uuid4()), text) for text in data["choice_list"]],
            }
        elif kind == "scale":
            options = {
                **options,
                "low_label": opinions.clean_text(data["low_label"])
                or str(_("Pas du tout d'accord")),
                "high_label": opinions.clean_text(data["high_label"])
                or str(_("Tout à fait d'accord")),
            }
        return opinions.snapshot(kind, data["text"], **options)
