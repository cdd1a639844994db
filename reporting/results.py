"""The published results (indicator 2 of Qualiopi) over a period: the workshops held, the people
trained and the hours they followed (from the countersigned attendance sheets), the share of
learners whose final test passed or whose score rose from the entry test (from the workshops'
positioning), and the satisfaction rate (measured by whichever app registers it with
workshops.indicators; until one does, not measured). Each figure comes with its sample and the
moment it was computed."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from workshops.indicators import SATISFACTION, Share, measure_indicator
from workshops.positioning import workshop_positioning
from workshops.progress import is_passed

from .activity import held_between

# A period is at most five years long: each day of it is read from the sheets.
MAX_MONTHS = 60
# Computed figures are kept this long: the public page reads them instead of every sheet again,
# and shows when they were computed.
KEPT_SECONDS = 600


def months_before(day, months):
    """The same day `months` earlier (or the month's last day if it has fewer days)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def default_period(months, today=None):
    """The last `months` months, today included."""
    today = today or timezone.localdate()
    return months_before(today, months) + timedelta(days=1), today


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
INVALID_DATE = gettext_lazy("Saisissez une date, par exemple 31/12/2025.")


class PeriodForm(forms.Form):
    """The period a visitor chooses (?du=…&au=…); by default the last `months` months. Any
    mistake is named, and the default period shown instead."""

    du = forms.DateField(
        label=gettext_lazy("Du"),
        required=False,
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": INVALID_DATE},
    )
    au = forms.DateField(
        label=gettext_lazy("Au"),
        required=False,
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": INVALID_DATE},
    )

    def __init__(self, *args, months=12, **kwargs):
        self.months = months
        super().__init__(*args, **kwargs)
        first_day, last_day = default_period(months)
        self.fields["du"].initial, self.fields["au"].initial = first_day, last_day

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        today = timezone.localdate()
        last_day = cleaned.get("au") or today
        first_day = cleaned.get("du") or default_period(self.months, last_day)[0]
        if last_day > today:
            self.add_error(
                "au",
                _(
                    "La période ne peut pas finir après aujourd'hui : les résultats portent sur "
                    "ce qui a eu lieu."
                ),
            )
        elif first_day > last_day:
            self.add_error("du", _("Le début de la période doit précéder sa fin."))
        elif first_day <= months_before(last_day, MAX_MONTHS):
            self.add_error(
                None,
                _("Choisissez une période de %(years)s ans au plus.") % {"years": MAX_MONTHS // 12},
            )
        else:
            cleaned["period"] = (first_day, last_day)
        return cleaned

    def period(self):
        """(first day, last day): the one asked for when it is valid, else the default."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return default_period(self.months)


def french_count(number):
    """The count ngettext is given so that French rules apply whatever the catalogue holds: the
    singular for 0 and 1, the plural from 2 on."""
    return 2 if number >= 2 else 1


def period_display(first_day, last_day):
    return _("du %(first)s au %(last)s") % {
        "first": date_format(first_day, "j F Y"),
        "last": date_format(last_day, "j F Y"),
    }


def number_display(value):
    """12 → "12", 52.50 → "52,5", 3.333… → "3,33"."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".").replace(".", ",")


@dataclass(frozen=True)
class Figure:
    """One published figure: its value, what it says (in the past tense, with its period), how
    many records it stands on, and when it was computed."""

    key: str
    value: str
    label: str
    sample: str
    computed: str

    @property
    def is_number(self):
        return self.value[:1].isdigit()


@dataclass
class Results:
    first_day: date
    last_day: date
    computed_at: object
    workshops: int
    sheets: int
    people: int
    hours: Decimal
    success: Share
    satisfaction: Share | None

    @property
    def success_percent(self):
        return self.success.percent

    @property
    def satisfaction_percent(self):
        return self.satisfaction.percent if self.satisfaction else None

    @property
    def period(self):
        return period_display(self.first_day, self.last_day)

    def satisfaction_figure(self, period, computed):
        satisfaction = self.satisfaction
        if satisfaction is None:  # no app measures it yet, or nobody answered
            return Figure(
                "satisfaction",
                _("pas encore mesurée"),
                _("Satisfaction des participants %(period)s") % {"period": period},
                _(
                    "Aucune réponse à un questionnaire de satisfaction n'a été recueillie sur le "
                    "site."
                ),
                computed,
            )
        return Figure(
            "satisfaction",
            "—" if satisfaction.percent is None else f"{satisfaction.percent} %",
            _("des participants interrogés se sont dits satisfaits %(period)s")
            % {"period": period},
            ngettext(
                "Sur %(count)s réponse au questionnaire de satisfaction.",
                "Sur %(count)s réponses au questionnaire de satisfaction.",
                french_count(satisfaction.sample),
            )
            % {"count": satisfaction.sample},
            computed,
        )

    def figures(self):
        period = self.period
        computed = _("Calculé le %(date)s.") % {
            "date": date_format(timezone.localtime(self.computed_at), "j F Y à H:i")
        }
        sheets = ngettext(
            "d'après %(count)s feuille d'émargement contresignée",
            "d'après %(count)s feuilles d'émargement contresignées",
            french_count(self.sheets),
        ) % {"count": self.sheets}

        def figure(key, value, label, sample):
            return Figure(key, value, label, sample, computed)

        success = self.success
        return [
            figure(
                "workshops",
                str(self.workshops),
                ngettext(
                    "atelier a eu lieu %(period)s",
                    "ateliers ont eu lieu %(period)s",
                    french_count(self.workshops),
                )
                % {"period": period},
                _("Ateliers dont au moins une séance a été émargée et contresignée, %(sheets)s.")
                % {"sheets": sheets},
            ),
            figure(
                "people",
                str(self.people),
                ngettext(
                    "personne a été formée %(period)s",
                    "personnes ont été formées %(period)s",
                    french_count(self.people),
                )
                % {"period": period},
                _(
                    "Participants inscrits qui ont signé au moins une séance, comptés une fois "
                    "chacun, %(sheets)s."
                )
                % {"sheets": sheets},
            ),
            figure(
                "hours",
                number_display(self.hours),
                ngettext(
                    "heure de formation a été suivie par les participants %(period)s",
                    "heures de formation ont été suivies par les participants %(period)s",
                    french_count(self.hours),
                )
                % {"period": period},
                _("Les séances que chaque participant a signées, additionnées, %(sheets)s.")
                % {"sheets": sheets},
            ),
            figure(
                "success",
                "—" if success.percent is None else f"{success.percent} %",
                _(
                    "des participants évalués ont réussi le test final ou progressé depuis le "
                    "test d'entrée %(period)s"
                )
                % {"period": period},
                ngettext(
                    "Sur %(count)s participant formé qui a passé le test final.",
                    "Sur %(count)s participants formés qui ont passé le test final.",
                    french_count(success.sample),
                )
                % {"count": success.sample},
            ),
            self.satisfaction_figure(period, computed),
        ]


def success_of(held):
    """Of the learners trained in a held workshop who took its final test: those who passed it
    (the quiz's pass mark) or whose score rose from the entry test. Read from the workshop's
    positioning (workshops.positioning), one learner of one workshop at a time."""
    evaluated = succeeded = 0
    for item in held:
        positioning = workshop_positioning(item.workshop)
        if positioning is None or positioning.final is None:
            continue
        pass_mark = positioning.final.quiz.pass_mark
        for row in positioning.learners:
            if row.learner.id not in item.trained or row.final is None:
                continue
            evaluated += 1
            rose = row.entry is not None and row.final > row.entry
            if is_passed(row.final, pass_mark) or rose:
                succeeded += 1
    return Share(succeeded, evaluated)


def compute_results(first_day, last_day):
    held = held_between(first_day, last_day)
    people = {learner for item in held for learner in item.trained}
    return Results(
        first_day=first_day,
        last_day=last_day,
        computed_at=timezone.now(),
        workshops=len(held),
        sheets=sum(len(item.sheets) for item in held),
        people=len(people),
        hours=sum((item.trainee_hours for item in held), Decimal(0)),
        success=success_of(held),
        satisfaction=measure_indicator(
            SATISFACTION, [item.workshop.pk for item in held], first_day, last_day
        ),
    )


def cached_results(first_day, last_day):
    """The period's results as computed at most KEPT_SECONDS ago."""
    key = f"reporting:results:{first_day.isoformat()}:{last_day.isoformat()}"
    return cache.get_or_set(key, lambda: compute_results(first_day, last_day), KEPT_SECONDS)
