from django import forms
from django.utils.translation import gettext_lazy as _

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
