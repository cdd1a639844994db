from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from quizzes.models import Quiz

from .models import Assignment, Workshop

TRAINERS_GROUP = "Trainers"


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["name", "description", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("La fin doit venir après le début."))
        return cleaned


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["quiz", "opens_at", "due_at", "max_attempts", "scoring_rule", "reveal"]
        widgets = {
            "opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "due_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "scoring_rule": forms.RadioSelect,
            "reveal": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = Quiz.objects.live().order_by("title")
        for name in ("opens_at", "due_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]

    def clean(self):
        cleaned = super().clean()
        opens, due = cleaned.get("opens_at"), cleaned.get("due_at")
        if opens and due and due <= opens:
            self.add_error("due_at", _("La date limite doit venir après l'ouverture."))
        return cleaned


class CoTrainerForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail du co-formateur"))

    def __init__(self, workshop, *args, **kwargs):
        self.workshop = workshop
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = (
            get_user_model()
            .objects.filter(email__iexact=email, groups__name=TRAINERS_GROUP)
            .first()
        )
        if user is None:
            raise forms.ValidationError(_("Aucun formateur n'a de compte avec cette adresse."))
        if self.workshop.trainers.filter(pk=user.pk).exists():
            raise forms.ValidationError(_("Cette personne anime déjà cet atelier."))
        self.user = user
        return email


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code de l'atelier"),
        max_length=20,
        help_text=_("Les 8 caractères donnés par votre formateur, par exemple K7MP3QXA."),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")
        workshop = Workshop.objects.filter(join_code=code, archived=False).first()
        if workshop is None:
            raise forms.ValidationError(_("Ce code ne correspond à aucun atelier ouvert."))
        self.workshop = workshop
        return code
