"""Quiz: Fidéliser ses clients (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-fideliser-ses-clients",
    "title": "Quiz : fidéliser ses clients",
    "lesson": "fideliser-ses-clients",
    "intro": "Testez vos connaissances sur les façons de garder vos clients fidèles grâce aux réseaux sociaux.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "multiple",
            "text": "Selon la fiche de l'ENE, quels services à valeur ajoutée pouvez-vous proposer à vos clients sur un réseau social ?",
            "choices": [
                ("Diffuser l'actualité de votre secteur d'activité", True, ""),
                ("Assurer le service après-vente", True, ""),
                (
                    "Recopier à l'identique les pages de votre site Internet",
                    False,
                    "Le réseau doit justement apporter quelque chose que votre site ne propose pas.",
                ),
                (
                    "Publier uniquement des annonces publicitaires",
                    False,
                    "Une suite de publicités n'apporte pas de service au client.",
                ),
            ],
            "explanation": "La fiche conseille d'offrir sur le réseau un service utile qui n'existe pas sur votre site, par exemple des nouvelles de votre secteur ou un service après-vente.",
            "section": ("fideliser-ses-clients", "proposer-des-services"),
        },
        {
            "kind": "true_false",
            "text": "Pour fidéliser, la fiche recommande que votre présence sur un réseau social apporte au client un service qu'il ne trouve pas déjà sur votre site Internet.",
            "answer": True,
            "explanation": "C'est tout l'intérêt d'un « plus » pour le client : s'il retrouve exactement les mêmes informations que sur votre site, il n'a guère de raison de vous suivre sur le réseau.",
            "section": ("fideliser-ses-clients", "proposer-des-services"),
        },
        {
            "kind": "single",
            "text": "Pourquoi un réseau social est-il un bon terrain pour rassembler des personnes autour d'une marque, d'une cause ou d'une action liée à votre entreprise ?",
            "choices": [
                (
                    "Parce que ses membres s'en servent pour exprimer leurs idées, leurs sensibilités et leurs convictions",
                    True,
                    "",
                ),
                (
                    "Parce que les membres y sont obligés de suivre les entreprises de leur région",
                    False,
                    "Rien n'oblige un internaute à suivre une entreprise : il le fait par intérêt.",
                ),
                (
                    "Parce que la publicité y est gratuite pour les entreprises",
                    False,
                    "La fiche explique au contraire que la publicité est la principale source de revenus des réseaux.",
                ),
                (
                    "Parce que les conversations y sont réservées aux clients ayant déjà acheté",
                    False,
                    "La fiche ne pose pas cette limite.",
                ),
            ],
            "explanation": "Les membres d'un réseau social y affirment ce qui leur tient à cœur. La fiche y voit un bon potentiel pour fédérer une communauté autour d'un point commun avec votre entreprise.",
            "section": ("fideliser-ses-clients", "converser-autour-d-un-point-commun"),
        },
        {
            "kind": "single",
            "text": "Pour créer et faire vivre votre communauté, sur quoi la fiche met-elle l'accent avant tout ?",
            "choices": [
                ("Inviter les internautes à publier eux-mêmes du contenu", True, ""),
                (
                    "Publier vous-même le plus de contenus possible",
                    False,
                    "Il faut publier, bien sûr, mais la fiche place en priorité les contributions des internautes.",
                ),
                (
                    "Limiter les commentaires pour garder la maîtrise de la page",
                    False,
                    "Ce serait l'inverse de l'animation recommandée par la fiche.",
                ),
                (
                    "Attendre que la communauté se forme d'elle-même",
                    False,
                    "Une communauté s'anime : elle ne se crée pas toute seule.",
                ),
            ],
            "explanation": "Vidéos, images et textes de votre part sont nécessaires, mais ce sont surtout les contributions des internautes qui créent et animent la communauté. Par exemple, un fleuriste pourrait inviter ses clients à partager la photo de leur bouquet.",
            "section": ("fideliser-ses-clients", "converser-autour-d-un-point-commun"),
        },
        {
            "kind": "multiple",
            "text": "D'après la fiche, qu'apportent à votre entreprise les contenus publiés par les membres de votre communauté ?",
            "choices": [
                ("Ils fidélisent ces internautes", True, ""),
                ("Ils font connaître davantage votre entreprise", True, ""),
                (
                    "Ils garantissent une hausse de votre chiffre d'affaires",
                    False,
                    "La fiche reste prudente : peu d'entreprises augmentent nettement leur chiffre d'affaires grâce aux réseaux sociaux.",
                ),
                (
                    "Ils améliorent à coup sûr le référencement de votre site",
                    False,
                    "À l'époque de la fiche, l'effet des réseaux sociaux sur le référencement semblait faible.",
                ),
            ],
            "explanation": "Selon la fiche, les contributions des internautes jouent sur deux tableaux : elles renforcent leur attachement à l'entreprise et accroissent sa notoriété.",
            "section": ("fideliser-ses-clients", "converser-autour-d-un-point-commun"),
        },
        {
            "kind": "numeric",
            "text": "Selon la fiche de l'ENE, quel pourcentage des internautes rejoignaient la communauté d'une entreprise pour profiter de bons plans et de réductions ?",
            "statistic": "communaute-bons-plans",
            "tolerance": 5,
            "explanation": "Les remises et les bons plans attirent : selon la fiche, [[stat:communaute-bons-plans]] des internautes rejoignaient la communauté d'une entreprise pour en profiter. Une bonne raison de réserver des avantages à vos abonnés.",
            "section": ("fideliser-ses-clients", "creer-un-club-vip"),
        },
        {
            "kind": "single",
            "text": "Vu ce qu'attendent les internautes, quelle idée la fiche suggère-t-elle pour présenter votre page ?",
            "choices": [
                ("Comme un club qui réserve des privilèges à ses membres", True, ""),
                (
                    "Comme un catalogue complet de vos produits",
                    False,
                    "Un catalogue ne répond pas à l'envie d'avantages exclusifs.",
                ),
                (
                    "Comme une page d'information purement institutionnelle",
                    False,
                    "Utile, mais la fiche propose ici de mettre en avant des privilèges.",
                ),
                (
                    "Comme un espace ouvert aux seuls salariés",
                    False,
                    "La communauté vise vos clients, pas seulement votre équipe.",
                ),
            ],
            "explanation": "Puisque beaucoup d'internautes rejoignent une communauté pour des avantages, la fiche propose de la présenter comme un club VIP. Par exemple, un caviste pourrait réserver à ses abonnés une remise ou une invitation à une dégustation.",
            "section": ("fideliser-ses-clients", "creer-un-club-vip"),
        },
    ],
}
