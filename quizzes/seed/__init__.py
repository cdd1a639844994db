"""The quizzes' seed content: one module per quiz, the course quiz last."""

from . import (
    quiz_comprendre_les_reseaux_sociaux,
    quiz_definir_une_strategie,
    quiz_fideliser_ses_clients,
    quiz_final,
    quiz_le_community_management,
    quiz_le_social_crm,
    quiz_points_de_vigilance,
    quiz_pour_aller_plus_loin,
    quiz_relation_client_sur_les_reseaux_sociaux,
    quiz_trouver_de_nouveaux_clients,
)

QUIZZES = [
    module.QUIZ
    for module in (
        quiz_comprendre_les_reseaux_sociaux,
        quiz_fideliser_ses_clients,
        quiz_trouver_de_nouveaux_clients,
        quiz_le_community_management,
        quiz_definir_une_strategie,
        quiz_points_de_vigilance,
        quiz_le_social_crm,
        quiz_relation_client_sur_les_reseaux_sociaux,
        quiz_pour_aller_plus_loin,
        quiz_final,
    )
]
