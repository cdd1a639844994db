"""The course's seed content: one module per lesson, in course order, plus the resources."""

from . import (
    comprendre_les_reseaux_sociaux,
    definir_une_strategie,
    fideliser_ses_clients,
    le_community_management,
    le_social_crm,
    points_de_vigilance,
    pour_aller_plus_loin,
    relation_client_sur_les_reseaux_sociaux,
    trouver_de_nouveaux_clients,
)

LESSONS = [
    module.LESSON
    for module in (
        comprendre_les_reseaux_sociaux,
        fideliser_ses_clients,
        trouver_de_nouveaux_clients,
        le_community_management,
        definir_une_strategie,
        points_de_vigilance,
        le_social_crm,
        relation_client_sur_les_reseaux_sociaux,
        pour_aller_plus_loin,
    )
]

SOURCES = {
    "fiche": {
        "title": "Fiches pratiques — Réseaux sociaux : outils de prospection et de fidélisation ?",
        "author": "Espace Numérique Entreprises (ENE)",
        "url": "",
    },
    "article": {
        "title": "Relation client et réseaux sociaux",
        "author": "Nicolas Lardet",
        "url": "",
    },
}
