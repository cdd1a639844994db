from datetime import datetime, time, timedelta
from itertools import pairwise

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quizzes.models import Quiz

from . import assessment, objectives
from .models import (
    Assignment,
    Membership,
    Reveal,
    Stage,
    TraineeType,
    Workshop,
    WorkshopSession,
)
from .roles import TRAINERS_GROUP

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = [
            "name",
            "description",
            "objectives",
            "starts_on",
            "ends_on",
            "duration_hours",
            "last_payment_year",
            "general_objective",
            "speciality",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "objectives": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Unsent (a form of before the yearly report): the workshop keeps its objective.
        self.fields["general_objective"].required = False
        workshop = self.instance
        if workshop.pk and not workshop.objectives:  # prefilled from its lessons, to edit
            self.initial["objectives"] = "\n".join(objectives.from_lessons(workshop))

    def clean_general_objective(self):
        return self.cleaned_data["general_objective"] or self.instance.general_objective

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("La fin doit venir après le début."))
        return cleaned


class WorkshopSessionForm(forms.ModelForm):
    """One session of the schedule. Once it has started, its date, hours and place are what the
    attendance sheet certifies: they no longer change."""

    class Meta:
        model = WorkshopSession
        fields = [
            "date",
            "starts_at",
            "ends_at",
            "topic",
            "remote",
            "room",
            "address",
            "remote_tool",
            "remote_link",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "address": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk
            and self.instance.has_started()
            and (self.has_changed() or cleaned.get("DELETE"))
        ):
            raise forms.ValidationError(
                _(
                    "Cette séance a commencé : sa date, ses horaires et son lieu font foi sur la "
                    "feuille d'émargement et ne changent plus."
                )
            )
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("La séance doit finir après son début."))
        workshop = self.instance.workshop if self.instance.workshop_id else None
        day = cleaned.get("date")
        if workshop and day and workshop.starts_on and workshop.ends_on:
            if not workshop.starts_on <= day <= workshop.ends_on:
                self.add_error(
                    "date",
                    _("La séance doit avoir lieu pendant l'atelier, du %(start)s au %(end)s.")
                    % {
                        "start": workshop.starts_on.strftime("%d/%m/%Y"),
                        "end": workshop.ends_on.strftime("%d/%m/%Y"),
                    },
                )
        if cleaned.get("remote"):
            if not cleaned.get("remote_tool"):
                self.add_error("remote_tool", _("Indiquez l'outil de la séance à distance."))
        elif not (cleaned.get("room") or cleaned.get("address")):
            self.add_error("room", _("Indiquez la salle ou l'adresse de la séance."))
        return cleaned


class BaseScheduleFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        spans = sorted(
            (data["date"], data["starts_at"], data["ends_at"])
            for data in kept
            if data.get("date") and data.get("starts_at") and data.get("ends_at")
        )
        for (day, _start, end), (next_day, next_start, _end) in pairwise(spans):
            if day == next_day and next_start < end:
                raise forms.ValidationError(
                    _("Deux séances se chevauchent le %(date)s.")
                    % {"date": day.strftime("%d/%m/%Y")}
                )


ScheduleFormSet = forms.inlineformset_factory(
    Workshop,
    WorkshopSession,
    form=WorkshopSessionForm,
    formset=BaseScheduleFormSet,
    extra=1,
    can_delete=True,
)


class AssignmentSettingsForm(forms.ModelForm):
    """What a trainer sets for an assigned quiz, and may change later: dates, attempts, the score
    kept and when corrections show. A deadline reveal on a quiz that is also public would be a
    false promise (anyone sees its correction on the site): the form says so, and asks the
    trainer either to reserve the quiz to workshops or to assign it anyway."""

    reserve_quizzes = forms.BooleanField(
        label=_("Réserver ces quiz aux ateliers"),
        required=False,
        help_text=_(
            "Ils quittent le site public (liste des quiz, pages des leçons) pour tout le monde ; "
            "les éditeurs le voient dans leur historique et peuvent les rendre de nouveau publics."
        ),
    )
    confirm_public = forms.BooleanField(
        label=_("Assigner quand même, en laissant ces quiz publics"),
        required=False,
    )

    class Meta:
        model = Assignment
        fields = ["opens_at", "due_at", "max_attempts", "scoring_rule", "reveal", "stage"]
        widgets = {
            "opens_at": DATETIME_WIDGET,
            "due_at": DATETIME_WIDGET,
            "scoring_rule": forms.RadioSelect,
            "reveal": forms.RadioSelect,
            "stage": forms.RadioSelect,
        }

    def __init__(self, *args, stage=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.notes = []
        if "stage" in self.fields and self.instance.pk and not self.is_bound:
            self.set_stage_defaults(stage)
        for name in ("opens_at", "due_at"):
            self.fields[name].input_formats = DATETIME_FORMATS
        self.fields["max_attempts"].widget.attrs["min"] = 1
        if not self.public_quizzes_submitted():
            # Only asked when the warning applies (see clean).
            del self.fields["reserve_quizzes"], self.fields["confirm_public"]

    def set_stage_defaults(self, stage):
        """The form opened to make this quiz the entry or the final test (?role=entry|final):
        its defaults follow the programme. The entry test is taken once, and closes when the
        first session starts; the final test opens when the last one starts."""
        workshop = self.instance.workshop
        if stage == Stage.ENTRY:
            first = assessment.first_session(workshop)
            self.initial.update(stage=Stage.ENTRY, max_attempts=1)
            if first:
                self.initial["due_at"] = timezone.localtime(first.start())
        elif stage == Stage.FINAL:
            last = assessment.last_session(workshop)
            self.initial["stage"] = Stage.FINAL
            if last:
                self.initial["opens_at"] = timezone.localtime(last.start())
                if self.instance.due_at <= last.start():
                    self.initial["due_at"] = timezone.localtime(last.end())

    def submitted_quizzes(self):
        return [self.instance.quiz]

    def public_quizzes_submitted(self):
        if not (self.is_bound and self.data.get("reveal") == Reveal.AFTER_DEADLINE):
            return []
        return [quiz for quiz in self.submitted_quizzes() if not quiz.reserved_to_workshops]

    def clean_stage(self):
        """One entry test and one final test per workshop: the form names the one that holds
        the role, rather than the database refusing it."""
        stage = self.cleaned_data.get("stage", "")
        if stage:
            holder = (
                Assignment.objects.filter(workshop=self.instance.workshop_id, stage=stage)
                .exclude(pk=self.instance.pk)
                .select_related("quiz")
                .first()
            )
            if holder:
                raise forms.ValidationError(
                    _("« %(title)s » est déjà %(stage)s de cet atelier : changez d'abord son rôle.")
                    % {"title": holder.quiz.title, "stage": Stage(stage).label}
                )
        return stage

    def clean_max_attempts(self):
        value = self.cleaned_data["max_attempts"]
        if value == 0:
            raise forms.ValidationError(_("Autorisez au moins une tentative, ou laissez vide."))
        return value

    def clean(self):
        cleaned = super().clean()
        opens, due = cleaned.get("opens_at"), cleaned.get("due_at")
        if cleaned.get("stage") == Stage.ENTRY and self.instance.workshop_id:
            first = assessment.first_session(self.instance.workshop)
            if first and due and due > first.start():
                cleaned["due_at"] = due = first.start()
                self.notes.append(
                    _(
                        "Le test d'entrée mesure le niveau de départ : il ferme au début de la "
                        "première séance, le %(date)s."
                    )
                    % {"date": assessment.when(first.start())}
                )
            if cleaned.get("max_attempts") != 1:
                cleaned["max_attempts"] = 1
                self.notes.append(_("Le test d'entrée se passe une seule fois."))
        if opens and due and due <= opens:
            self.add_error("due_at", _("La date limite doit venir après l'ouverture."))
        public = self.public_quizzes_submitted()
        if public and not cleaned.get("reserve_quizzes") and not cleaned.get("confirm_public"):
            titles = ", ".join(f"« {quiz.title} »" for quiz in public)
            self.add_error(
                None,
                ngettext(
                    "%(titles)s est aussi public : sur le site, chacun peut le faire et voir sa "
                    "correction aussitôt, vos participants compris. Réservez-le aux ateliers, "
                    "ou assignez-le quand même.",
                    "%(titles)s sont aussi publics : sur le site, chacun peut les faire et voir "
                    "leur correction aussitôt, vos participants compris. Réservez-les aux "
                    "ateliers, ou assignez-les quand même.",
                    len(public),
                )
                % {"titles": titles},
            )
        return cleaned

    def quizzes_to_reserve(self):
        return self.public_quizzes_submitted() if self.cleaned_data.get("reserve_quizzes") else []


class QuizChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, assigned_ids, **kwargs):
        self.assigned_ids = assigned_ids
        super().__init__(**kwargs)

    def label_from_instance(self, quiz):
        notes = []
        if quiz.reserved_to_workshops:
            notes.append(_("réservé aux ateliers"))
        if quiz.pk in self.assigned_ids:
            notes.append(_("déjà assigné dans cet atelier"))
        return f"{quiz.title} ({', '.join(str(note) for note in notes)})" if notes else quiz.title


class NewAssignmentsForm(AssignmentSettingsForm):
    """One or several quizzes at once, with the same settings."""

    def __init__(self, workshop, *args, **kwargs):
        self.workshop = workshop
        assigned = set(workshop.assignments.values_list("quiz_id", flat=True))
        now = timezone.localtime().replace(second=0, microsecond=0)
        if workshop.ends_on and workshop.ends_on >= now.date():
            due = timezone.make_aware(datetime.combine(workshop.ends_on, time(23, 59)))
        else:
            due = now + timedelta(days=7)
        kwargs.setdefault("initial", {"opens_at": now, "due_at": due})
        super().__init__(*args, **kwargs)
        del self.fields["stage"]  # set on one assigned quiz at a time, once assigned
        self.fields["quizzes"] = QuizChoiceField(
            assigned,
            queryset=Quiz.objects.live().in_course_order(),
            widget=forms.CheckboxSelectMultiple,
            label=_("Quiz à assigner"),
            help_text=_(
                "Dans l'ordre du cours. Les quiz publics se font aussi librement sur le site, "
                "avec leur correction aussitôt ; ceux réservés aux ateliers, seulement ici."
            ),
            error_messages={"required": _("Choisissez au moins un quiz.")},
        )
        self.order_fields(["quizzes"])

    def submitted_quizzes(self):
        ids = [value for value in self.data.getlist("quizzes") if value.isdigit()]
        return list(Quiz.objects.live().filter(pk__in=ids).in_course_order())

    def already_assigned(self):
        assigned = self.fields["quizzes"].assigned_ids
        return [quiz for quiz in self.cleaned_data["quizzes"] if quiz.pk in assigned]

    def save(self, commit=True):
        settings = {
            name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields
        }
        return [
            Assignment.objects.create(workshop=self.workshop, quiz=quiz, **settings)
            for quiz in self.cleaned_data["quizzes"]
        ]


class CoTrainerForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail du co-formateur"))

    def __init__(self, workshop, *args, **kwargs):
        self.workshop = workshop
        # Its ids differ from the invitation form's, beside it on the workshop's page.
        kwargs.setdefault("auto_id", "id_co_trainer_%s")
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


COMPANY_HELP = _("Votre employeur, tel qu'il figurera sur votre certificat de réalisation.")


class InvitationForm(forms.Form):
    """A trainer invites a learner to the roster by name and e-mail."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    email = forms.EmailField(label=_("Adresse e-mail"))
    company = forms.CharField(
        label=_("Entreprise (employeur)"),
        max_length=200,
        required=False,
        help_text=_("Elle figure sur son certificat de réalisation."),
    )
    trainee_type = forms.ChoiceField(
        label=_("Type de stagiaire"),
        choices=TraineeType.choices,
        initial=TraineeType.EMPLOYEE,
        required=False,
        help_text=_("Pour le bilan pédagogique et financier ; modifiable dans la liste."),
    )

    def clean_trainee_type(self):
        return self.cleaned_data["trainee_type"] or TraineeType.EMPLOYEE


class TraineeTypeForm(forms.ModelForm):
    """The learner's type of trainee, set on their line of the roster."""

    class Meta:
        model = Membership
        fields = ["trainee_type"]


class JoinForm(forms.Form):
    """Joining a workshop: its code (unless the join link gave it), the learner's employer, and
    the name the trainer will see beside the results, asked only when the account lacks it."""

    code = forms.CharField(
        label=_("Code de l'atelier"),
        max_length=20,
        help_text=_("Les 8 caractères donnés par votre formateur, par exemple K7MP3QXA."),
    )
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    company = forms.CharField(
        label=_("Entreprise (employeur)"), max_length=200, required=False, help_text=COMPANY_HELP
    )

    def __init__(self, user, *args, workshop=None, asks_company=True, **kwargs):
        self.user = user
        self.workshop = workshop
        super().__init__(*args, **kwargs)
        if workshop is not None:
            del self.fields["code"]
        if not asks_company:
            del self.fields["company"]
        if not user.is_authenticated or (user.first_name.strip() and user.last_name.strip()):
            del self.fields["first_name"], self.fields["last_name"]
        else:
            self.fields["first_name"].initial = user.first_name
            self.fields["last_name"].initial = user.last_name
            self.fields["last_name"].help_text = _(
                "Votre formateur verra ce nom à côté de vos résultats."
            )

    @property
    def asks_name(self):
        return "last_name" in self.fields

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")
        workshop = Workshop.objects.filter(join_code=code, archived=False).first()
        if workshop is None:
            raise forms.ValidationError(_("Ce code ne correspond à aucun atelier ouvert."))
        self.workshop = workshop
        return code

    def save_name(self):
        if self.asks_name:
            self.user.first_name = self.cleaned_data["first_name"]
            self.user.last_name = self.cleaned_data["last_name"]
            self.user.save(update_fields=["first_name", "last_name"])
