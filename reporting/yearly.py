"""The yearly report (bilan pédagogique et financier, cerfa 10443) for a calendar year: what the
platform knows of it, under the cerfa's frame numbers. Trainees and their hours come from the
countersigned attendance sheets of the year's sessions (reporting.activity); a trainee is a
learner of one workshop (one who followed two workshops counts in each, with each one's hours).
What the platform cannot know (the financial frames, subcontracting, the managing director…) is
named as such, never filled in."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workshops.models import GeneralObjective, Speciality, TraineeType, TrainingBody

from .activity import held_between
from .results import number_display

FIRST_YEAR = 2000
# The cerfa lists this many specialities by name in F-4; the others are added up.
NAMED_SPECIALITIES = 5

# Cerfa lines, in its order.
TRAINEE_LINES = [
    ("a", TraineeType.EMPLOYEE, gettext_lazy("Salariés d'employeurs privés hors apprentis")),
    ("b", TraineeType.APPRENTICE, gettext_lazy("Apprentis")),
    ("c", TraineeType.JOB_SEEKER, gettext_lazy("Personnes en recherche d'emploi")),
    ("d", TraineeType.INDIVIDUAL, gettext_lazy("Particuliers à leurs propres frais")),
    ("e", TraineeType.OTHER, gettext_lazy("Autres stagiaires")),
]
OBJECTIVE_LINES = [
    (
        "a",
        GeneralObjective.RNCP,
        gettext_lazy(
            "Formations visant un diplôme, un titre à finalité professionnelle ou un certificat "
            "de qualification professionnelle enregistré au RNCP"
        ),
    ),
    (
        "b",
        GeneralObjective.RS,
        gettext_lazy(
            "Formations visant une certification ou une habilitation enregistrée au répertoire "
            "spécifique (RS)"
        ),
    ),
    (
        "c",
        GeneralObjective.CQP,
        gettext_lazy("Formations visant un CQP non enregistré au RNCP ni au RS"),
    ),
    ("d", GeneralObjective.OTHER, gettext_lazy("Autres formations professionnelles")),
    ("e", GeneralObjective.SKILLS_REVIEW, gettext_lazy("Bilans de compétences")),
    (
        "f",
        GeneralObjective.VAE,
        gettext_lazy("Actions d'accompagnement à la validation des acquis de l'expérience"),
    ),
]
UNKNOWN = gettext_lazy("non connu de la plateforme")


class Refused(Exception):
    """A year the report cannot be made for; the message says why, in French."""


def valid_year(value, today=None):
    """The year asked for, as a number, or Refused with a French message."""
    this_year = (today or timezone.localdate()).year
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        year = None
    if year is None or not FIRST_YEAR <= year <= this_year:
        raise Refused(
            _("Choisissez une année entre %(first)s et %(last)s, par exemple %(example)s.")
            % {"first": FIRST_YEAR, "last": this_year, "example": this_year - 1}
        )
    return year


@dataclass
class Line:
    """One line of a frame: its letter or code, its label, a count and hours (None: not a
    count), and a value or remark in words."""

    code: str
    label: str
    count: int | None = None
    hours: Decimal | None = None
    value: str = ""
    total: bool = False

    @property
    def hours_display(self):
        return "" if self.hours is None else number_display(self.hours)


@dataclass
class Frame:
    """A frame (cadre) of the cerfa: its number, its title, the meaning of its two number
    columns (none for a frame of words), its lines and a note."""

    number: str
    title: str
    lines: list
    count_label: str = ""
    hours_label: str = ""
    note: str = ""

    @property
    def has_numbers(self):
        return bool(self.count_label)


def unknown_frame(number, title, note=""):
    return Frame(number, title, [Line("", _("Tout le cadre"), value=UNKNOWN)], note=note)


@dataclass
class YearlyReport:
    year: int
    computed_at: object
    held: list
    frames: list = field(default_factory=list)
    workshops: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def first_day(self):
        return date(self.year, 1, 1)

    @property
    def last_day(self):
        return date(self.year, 12, 31)

    @property
    def is_empty(self):
        return not self.held

    @property
    def empty_message(self):
        return _(
            "Aucun atelier n'a eu de séance émargée et contresignée en %(year)s : la plateforme "
            "n'a ni stagiaire ni heure de formation à déclarer pour cette année."
        ) % {"year": self.year}

    @property
    def computed_display(self):
        return date_format(timezone.localtime(self.computed_at), "j F Y à H:i")


def trainees_by(held, key_of):
    """{key: [trainees, hours]}, a trainee being a learner of one held workshop."""
    totals = defaultdict(lambda: [0, Decimal(0)])
    for item in held:
        for learner, (_sessions, hours) in item.trained.items():
            row = totals[key_of(item, learner)]
            row[0] += 1
            row[1] += hours
    return totals


def total_line(totals):
    return Line(
        "",
        _("Total"),
        sum(count for count, _hours in totals.values()),
        sum((hours for _count, hours in totals.values()), Decimal(0)),
        total=True,
    )


def identification_frame(body):
    def known(label, value):
        return Line(
            "", label, value=value or _("non renseigné (Paramètres → Organisme de formation)")
        )

    return Frame(
        "A",
        _("Identification de l'organisme de formation"),
        [
            known(_("Dénomination"), body.name),
            known(_("Numéro de déclaration d'activité"), body.declaration_number),
            known(_("SIRET"), body.siret),
            known(_("Adresse"), " ".join(body.address.split())),
            Line("", _("Forme juridique, code NAF, téléphone, e-mail"), value=UNKNOWN),
        ],
    )


def trainers_frame(held):
    hours = defaultdict(Decimal)
    for item in held:
        for trainer in item.workshop.trainers.all():
            hours[trainer.pk] += item.session_hours
    return Frame(
        "E",
        _("Personnes dispensant des heures de formation"),
        [
            Line(
                "",
                _("Formateurs des ateliers (salariés de l'organisme ou intervenants extérieurs)"),
                len(hours),
                sum(hours.values(), Decimal(0)),
            )
        ],
        count_label=_("Formateurs"),
        hours_label=_("Heures dispensées"),
        note=_(
            "Chaque formateur d'un atelier compte les heures des séances de l'année prouvées par "
            "une feuille d'émargement contresignée. La plateforme ne sait pas lesquels sont "
            "salariés de l'organisme (ligne 1 du cerfa) et lesquels interviennent en "
            "sous-traitance (ligne 2) : répartissez ce total entre les deux lignes."
        ),
    )


def trainee_type_frame(held):
    totals = trainees_by(held, lambda item, learner: item.trainee_types[learner])
    lines = [
        Line(letter, label, *totals.get(kind, (0, Decimal(0))))
        for letter, kind, label in TRAINEE_LINES
    ]
    return Frame(
        "F-1",
        _("Type de stagiaires de l'organisme"),
        [*lines, total_line(totals)],
        count_label=_("Stagiaires"),
        hours_label=_("Heures suivies"),
        note=_(
            "Un stagiaire est un participant inscrit à un atelier qui a signé au moins une "
            "séance de l'année ; ses heures sont celles des séances qu'il a signées. Le type de "
            "stagiaire est celui que le formateur a choisi dans la liste des inscrits. La part "
            "des stagiaires formés à distance n'est pas calculée."
        ),
    )


def objective_frame(held):
    totals = trainees_by(held, lambda item, learner: item.workshop.general_objective)
    lines = [
        Line(letter, label, *totals.get(objective, (0, Decimal(0))))
        for letter, objective, label in OBJECTIVE_LINES
    ]
    return Frame(
        "F-3",
        _("Objectif général des prestations dispensées"),
        [*lines, total_line(totals)],
        count_label=_("Stagiaires"),
        hours_label=_("Heures suivies"),
        note=_(
            "L'objectif général est celui choisi dans le formulaire de chaque atelier. Le niveau "
            "des diplômes et titres (ligne a) est %(unknown)s."
        )
        % {"unknown": UNKNOWN},
    )


def speciality_frame(held):
    totals = trainees_by(held, lambda item, learner: item.workshop.speciality)
    unset = totals.pop("", None)
    ranked = sorted(totals.items(), key=lambda pair: (-pair[1][1], -pair[1][0], pair[0]))
    lines = [
        Line(code, Speciality(code).label.removeprefix(f"{code} "), count, hours)
        for code, (count, hours) in ranked[:NAMED_SPECIALITIES]
    ]
    others = ranked[NAMED_SPECIALITIES:]
    if others:
        lines.append(
            Line(
                "",
                _("Autres spécialités"),
                sum(count for _code, (count, _hours) in others),
                sum((hours for _code, (_count, hours) in others), Decimal(0)),
            )
        )
    if unset:
        lines.append(Line("", _("Spécialité non renseignée"), *unset))
        totals[""] = unset
    return Frame(
        "F-4",
        _("Spécialités de formation"),
        [*lines, total_line(totals)],
        count_label=_("Stagiaires"),
        hours_label=_("Heures suivies"),
        note=_(
            "Les cinq principales spécialités (code NSF) par heures de formation suivies, puis "
            "les autres additionnées. La spécialité est celle choisie dans le formulaire de "
            "chaque atelier."
        ),
    )


def workshop_rows(held):
    return [
        {
            "name": item.workshop.name,
            "first": min(sheet.session.date for sheet in item.sheets),
            "last": max(sheet.session.date for sheet in item.sheets),
            "sessions": len(item.sheets),
            "trainees": len(item.trained),
            "hours": number_display(item.trainee_hours),
            "objective": item.workshop.get_general_objective_display(),
            "speciality": item.workshop.speciality or "—",
        }
        for item in held
    ]


def yearly_report(year):
    held = held_between(date(year, 1, 1), date(year, 12, 31))
    report = YearlyReport(year=year, computed_at=timezone.now(), held=held)
    if report.is_empty:
        return report
    body = TrainingBody.load()
    report.frames = [
        identification_frame(body),
        Frame(
            "B",
            _("Caractéristiques de l'organisme : exercice comptable"),
            [
                Line(
                    "",
                    _("Période des chiffres ci-dessous"),
                    value=_("du 1er janvier au 31 décembre %(year)s (année civile)")
                    % {"year": year},
                )
            ],
            note=_(
                "Si l'exercice comptable de l'organisme ne suit pas l'année civile, ces chiffres "
                "ne lui correspondent pas."
            ),
        ),
        unknown_frame("C", _("Bilan financier hors taxes : origine des produits de l'organisme")),
        unknown_frame("D", _("Bilan financier hors taxes : charges de l'organisme")),
        trainers_frame(held),
        trainee_type_frame(held),
        unknown_frame(
            "F-2",
            _("Activité sous-traitée de l'organisme"),
            _("Les formations confiées à un autre organisme ne passent pas par la plateforme."),
        ),
        objective_frame(held),
        speciality_frame(held),
        unknown_frame(
            "G",
            _(
                "Bilan pédagogique : stagiaires dont l'action a été confiée à votre organisme "
                "par un autre organisme de formation"
            ),
            _("La plateforme ne sait pas si un atelier vous a été confié par un autre organisme."),
        ),
        unknown_frame("H", _("Personne ayant la qualité de dirigeant")),
    ]
    report.workshops = workshop_rows(held)
    unset = [item.workshop.name for item in held if not item.workshop.speciality]
    if unset:
        report.warnings.append(
            _(
                "Spécialité de formation non renseignée pour : %(names)s. Choisissez-la dans le "
                "formulaire de l'atelier (Modifier)."
            )
            % {"names": ", ".join(f"« {name} »" for name in unset)}
        )
    return report


def csv_lines(report):
    """The report as the rows of a CSV file (header first)."""
    lines = [
        [
            _("Cadre"),
            _("Ligne"),
            _("Libellé"),
            _("Nombre"),
            _("Heures"),
            _("Valeur ou remarque"),
        ]
    ]
    for frame in report.frames:
        lines.append([frame.number, "", frame.title, frame.count_label, frame.hours_label, ""])
        for line in frame.lines:
            lines.append(
                [
                    frame.number,
                    line.code,
                    line.label,
                    "" if line.count is None else line.count,
                    line.hours_display,
                    line.value,
                ]
            )
        if frame.note:
            lines.append([frame.number, "", _("Note"), "", "", frame.note])
    lines.append([])
    lines.append(
        [
            _("Ateliers pris en compte"),
            _("Première séance"),
            _("Dernière séance"),
            _("Stagiaires"),
            _("Heures suivies"),
            _("Objectif général · spécialité"),
        ]
    )
    for row in report.workshops:
        lines.append(
            [
                row["name"],
                row["first"].strftime("%d/%m/%Y"),
                row["last"].strftime("%d/%m/%Y"),
                row["trainees"],
                row["hours"],
                f"{row['objective']} · {row['speciality']}",
            ]
        )
    lines.append([])
    lines.append([_("Calculé le %(date)s.") % {"date": report.computed_display}])
    return lines
