"""Quiz: Trouver de nouveaux clients (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-trouver-de-nouveaux-clients",
    "title": "Quiz : trouver de nouveaux clients",
    "lesson": "trouver-de-nouveaux-clients",
    "intro": "Vérifiez que vous savez transformer vos abonnés en prospects et faire grandir votre communauté.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "Un internaute devient fan de votre page Facebook, s'abonne à votre compte X (anciennement Twitter) ou vous ajoute à ses contacts LinkedIn. Comment la fiche de l'ENE le considère-t-elle ?",
            "choices": [
                (
                    "Comme un prospect potentiel, qui montre un certain intérêt pour votre entreprise",
                    True,
                    "",
                ),
                (
                    "Comme un client déjà acquis",
                    False,
                    "Pas encore : il vous reste à transformer cet intérêt en achat.",
                ),
                (
                    "Comme un simple curieux, sans intérêt commercial",
                    False,
                    "La fiche voit au contraire dans ces contacts un vivier de prospects.",
                ),
                (
                    "Comme un concurrent qui surveille votre activité",
                    False,
                    "La fiche ne parle pas de cette hypothèse.",
                ),
            ],
            "explanation": "Les contacts noués sur un réseau social forment un vivier de prospects : en vous suivant, ces internautes signalent qu'ils s'intéressent à vous.",
            "section": ("trouver-de-nouveaux-clients", "constituer-un-vivier-de-prospects"),
        },
        {
            "kind": "single",
            "text": "Comment transformer l'intérêt de ces abonnés en achats, selon la fiche ?",
            "choices": [
                (
                    "En leur proposant des contenus intéressants adaptés à votre cible : informations produits, actualités de votre activité, promotions",
                    True,
                    "",
                ),
                (
                    "En publiant chaque jour la même publicité",
                    False,
                    "Répéter une annonce lasse vite ; la fiche insiste sur l'intérêt du contenu.",
                ),
                (
                    "En attendant qu'ils vous contactent d'eux-mêmes",
                    False,
                    "La fiche attend de l'entreprise qu'elle agisse pour convertir cet intérêt.",
                ),
                (
                    "En leur demandant de remplir un long questionnaire",
                    False,
                    "La fiche ne propose pas cette méthode.",
                ),
            ],
            "explanation": "C'est à l'entreprise de convertir l'intérêt en achat en publiant un contenu qui compte pour sa cible. Selon votre clientèle, il peut s'agir de nouveautés, d'actualités du métier ou de promotions.",
            "section": ("trouver-de-nouveaux-clients", "constituer-un-vivier-de-prospects"),
        },
        {
            "kind": "true_false",
            "text": "D'après la fiche, le plus difficile est de lancer votre réseau, car une communauté qui compte peu de membres donne peu envie aux internautes de la rejoindre.",
            "answer": True,
            "explanation": "Les débuts sont l'étape la plus délicate : une page presque vide attire peu. D'où l'intérêt des moyens proposés par la fiche pour augmenter rapidement le nombre d'adhésions.",
            "section": ("trouver-de-nouveaux-clients", "faire-grandir-la-communaute"),
        },
        {
            "kind": "multiple",
            "text": "Quels moyens la fiche cite-t-elle pour augmenter le nombre de membres de votre communauté ?",
            "choices": [
                ("Demander à votre entourage et à vos salariés de s'inscrire", True, ""),
                (
                    "Offrir une contrepartie aux clients qui s'inscrivent (bon de réduction, livraison offerte, produit gratuit…)",
                    True,
                    "",
                ),
                (
                    "Organiser un concours où les membres invitent leurs propres contacts pour tenter de gagner un lot",
                    True,
                    "",
                ),
                (
                    "Acheter des listes d'abonnés",
                    False,
                    "Ce moyen n'apparaît pas dans la fiche, qui mise sur de vrais contacts intéressés.",
                ),
                (
                    "Inscrire vos clients sans leur demander leur avis",
                    False,
                    "La fiche parle d'inviter et d'inciter, jamais d'inscrire quelqu'un à sa place.",
                ),
            ],
            "explanation": "La fiche cite quatre leviers : mobiliser votre entourage et vos salariés, récompenser l'inscription, organiser un concours et faire développer un jeu adapté au réseau. Elle renvoie d'ailleurs vers des exemples de jeux conçus pour des pages fan Facebook.",
            "section": ("trouver-de-nouveaux-clients", "faire-grandir-la-communaute"),
        },
        {
            "kind": "multiple",
            "text": "En dehors de la fidélisation et de la prospection, quels autres usages des réseaux sociaux par les entreprises la fiche mentionne-t-elle ?",
            "choices": [
                ("Le recrutement", True, ""),
                ("La communication de crise", True, ""),
                ("Le commerce", True, ""),
                ("La tenue de la comptabilité", False, "Cet usage n'est pas cité par la fiche."),
            ],
            "explanation": "La fiche évoque aussi le recrutement, le commerce, la communication de crise ou même le remplacement d'un site Internet, et précise que d'autres usages restent à inventer au fil de l'évolution des outils.",
            "section": ("trouver-de-nouveaux-clients", "autres-usages"),
        },
        {
            "kind": "single",
            "text": "Que dit la fiche, à son époque, du lien entre réseaux sociaux et référencement naturel de votre site ?",
            "choices": [
                (
                    "Google indexe certaines informations des réseaux sociaux depuis novembre 2011, mais leur influence sur le référencement semble encore faible",
                    True,
                    "",
                ),
                (
                    "Une présence sur les réseaux sociaux suffit à placer votre site en tête des résultats de Google",
                    False,
                    "La fiche juge au contraire cette influence faible pour l'heure.",
                ),
                (
                    "Google ignore totalement les réseaux sociaux",
                    False,
                    "Selon la fiche, Google a commencé à indexer certaines de ces informations en novembre 2011.",
                ),
                (
                    "Être présent sur les réseaux sociaux pénalise le référencement de votre site",
                    False,
                    "La fiche ne parle d'aucun effet négatif.",
                ),
            ],
            "explanation": "Au moment où la fiche est rédigée, Google indexe déjà une partie des informations issues des réseaux sociaux, mais l'effet d'une présence sociale sur le référencement naturel d'un site paraît limité.",
            "section": ("trouver-de-nouveaux-clients", "reseaux-sociaux-et-referencement"),
        },
        {
            "kind": "true_false",
            "text": "La fiche estime que le rôle des réseaux sociaux dans le référencement pourrait grandir, car Google a tendance à privilégier les contenus récents.",
            "answer": True,
            "explanation": "La fiche laisse la porte ouverte à une évolution et signale que des blogueurs avaient déjà constaté un effet de Twitter sur leur référencement naturel.",
            "section": ("trouver-de-nouveaux-clients", "reseaux-sociaux-et-referencement"),
        },
    ],
}
