"""The two satisfaction questionnaires the site starts with (editors change them in the admin):
created once, never overwritten."""

from .models import Questionnaire, Timing

HOT = [
    (
        "scale",
        {
            "text": "Dans l'ensemble, êtes-vous satisfait(e) de cette formation ?",
            "scale": "1-5",
            "low_label": "Pas du tout satisfait(e)",
            "high_label": "Très satisfait(e)",
            "overall": True,
        },
    ),
    (
        "scale",
        {
            "text": "Les objectifs annoncés ont-ils été atteints ?",
            "scale": "1-5",
            "low_label": "Pas du tout",
            "high_label": "Entièrement",
        },
    ),
    (
        "poll",
        {
            "text": "Le rythme de la formation était…",
            "choices": ["Trop lent", "Adapté", "Trop rapide"],
            "multiple": False,
        },
    ),
    ("word_cloud", {"text": "En un mot, ce que vous retenez :"}),
    ("open", {"text": "Une suggestion pour améliorer la formation ?"}),
]

COLD = [
    (
        "scale",
        {
            "text": "Avec le recul, la formation vous a-t-elle été utile ?",
            "scale": "1-5",
            "low_label": "Pas du tout",
            "high_label": "Très utile",
            "overall": True,
        },
    ),
    (
        "poll",
        {
            "text": "Qu'avez-vous mis en pratique depuis ?",
            "choices": [
                "Une page ou un compte professionnel",
                "Des publications régulières",
                "Des réponses aux avis clients",
                "Rien pour l'instant",
            ],
            "multiple": True,
        },
    ),
    ("open", {"text": "Qu'est-ce qui vous a freiné, ou aidé ?"}),
]


def build_questionnaires():
    made = 0
    for timing, title, questions in (
        (Timing.HOT, "Satisfaction à chaud (fin de formation)", HOT),
        (Timing.COLD, "Satisfaction à froid (six semaines après)", COLD),
    ):
        if not Questionnaire.objects.filter(timing=timing).exists():
            Questionnaire.objects.create(title=title, timing=timing, questions=questions)
            made += 1
    return made
