"""Lesson: Le Social CRM (from the ENE guide)."""

LESSON = {
    "slug": "le-social-crm",
    "title": "Le Social CRM",
    "summary": (
        "Le Social CRM consiste à faire entrer vos réseaux sociaux dans la gestion de votre relation "
        "client. Découvrez ce qu'ils peuvent vous apprendre sur vos clients, et ce que les outils de "
        "mesure savent faire ou non."
    ),
    "objectives": [
        "Définir le Social CRM et ce qu'il ajoute à la gestion habituelle de la relation client",
        "Repérer les informations sur vos clients et prospects que les réseaux sociaux peuvent révéler",
        "Connaître les possibilités et les limites des outils de mesure décrits par la fiche",
        "Vérifier si votre communauté est assez grande pour justifier ces outils",
    ],
    "sources": ["fiche"],
    "body": [
        (
            "heading",
            {"text": "Qu'est-ce que le Social CRM ?", "anchor": "definition-du-social-crm"},
        ),
        (
            "text",
            (
                "<p>Vous tenez sans doute déjà, d'une manière ou d'une autre, un suivi de vos clients : un "
                "fichier, un logiciel de caisse, un carnet de commandes. C'est ce qu'on appelle la gestion "
                "de la relation client, ou CRM en anglais. Le Social CRM va un cran plus loin : il relie ce "
                "suivi à ce qui se passe sur vos comptes de réseaux sociaux.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "CRM (Customer Relationship Management)",
                "definition": (
                    "<p>La gestion de la relation client : l'ensemble des moyens qu'une entreprise utilise "
                    "pour connaître ses clients et suivre les échanges qu'elle a avec eux.</p>"
                ),
            },
        ),
        (
            "definition",
            {
                "term": "Social CRM (Social Customer Relationship Management)",
                "definition": (
                    "<p>D'après la fiche de l'ENE, c'est l'aptitude d'une entreprise à faire de sa présence "
                    "sur les réseaux sociaux une composante à part entière de la gestion de sa relation "
                    "client.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Concrètement, les réseaux sociaux cessent d'être une simple vitrine, gérée à part. Une "
                "question posée en commentaire, un avis publié, un échange en message privé deviennent des "
                "éléments de la relation client, au même titre qu'un appel téléphonique ou un passage en "
                "boutique.</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : une boulangerie de quartier",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Une cliente demande sur la page de "
                    "la boulangerie si un pain sans sel sera bientôt proposé. La boulangère ne se contente "
                    "pas de répondre : elle note la demande et prévient la cliente le jour où le nouveau "
                    "pain arrive en rayon. La conversation en ligne vient nourrir la relation de tous les "
                    "jours.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Mieux connaître ses clients et ses prospects",
                "anchor": "mieux-connaitre-ses-clients",
            },
        ),
        (
            "text",
            (
                "<p>Selon la fiche, l'un des grands intérêts du Social CRM est d'en apprendre davantage sur "
                "vos clients et vos prospects. Dans un fichier classique, vous disposez surtout de leurs "
                "coordonnées et de leurs dernières commandes. Au-delà, obtenir des informations précises "
                "est difficile ; quant à leurs envies et leurs centres d'intérêt, ils sont plus difficiles "
                "encore à cerner.</p>"
                "<p>Or, sur les réseaux sociaux, les internautes dévoilent d'eux-mêmes beaucoup "
                "d'informations personnelles : ce qu'ils aiment, ce qu'ils partagent, les sujets qui les "
                "font réagir. Pour une entreprise, c'est un gisement très vaste d'informations "
                "potentiellement exploitables.</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Ce que vous pouvez apprendre en observant votre communauté",
                "items": [
                    "Les sujets et les produits qui suscitent le plus de réactions",
                    "Les questions qui reviennent souvent, signe d'une attente à laquelle répondre",
                    "Les centres d'intérêt que vos abonnés mettent en avant",
                    "Les clients qui parlent spontanément de vous en bien",
                ],
            },
        ),
        (
            "warning",
            {
                "title": "Point de vigilance",
                "text": (
                    "<p>« Potentiellement exploitable » ne veut pas dire « à exploiter sans retenue ». "
                    "Servez-vous de ce que vous observez pour mieux répondre aux attentes de vos clients, "
                    "avec discrétion et dans le respect de leur vie privée, jamais pour les importuner.</p>"
                ),
            },
        ),
        ("heading", {"text": "Les outils de mesure", "anchor": "les-outils-de-mesure"}),
        (
            "text",
            (
                "<p>Pour analyser tout cela, il existe des outils statistiques. La fiche de l'ENE apporte "
                "toutefois une nuance : au moment où elle a été rédigée, les outils du marché ne savaient "
                "pas encore recueillir des informations aussi fines que celles évoquées plus haut. Ils "
                "s'en approchaient néanmoins de deux manières :</p>"
                "<ul>"
                "<li>en mesurant l'« humeur » d'une communauté, c'est-à-dire la tonalité générale des "
                "échanges à votre sujet ;</li>"
                "<li>en repérant les <b>ambassadeurs</b> de l'entreprise, ces clients qui en parlent en "
                "bien et la recommandent autour d'eux.</li>"
                "</ul>"
            ),
        ),
        (
            "quote",
            {
                "text": "l'humeur d'une communauté",
                "attribution": "Fiche pratique ENE, à propos de ce que mesurent les outils statistiques",
            },
        ),
        (
            "remark",
            {
                "title": "Une condition préalable",
                "text": (
                    "<p>Ces outils supposent, comme le rappelle la fiche, une communauté suffisamment "
                    "importante pour être analysée. Tant que vos abonnés sont peu nombreux, une lecture "
                    "attentive de leurs commentaires et de leurs messages vous en apprendra souvent tout "
                    "autant.</p>"
                ),
            },
        ),
        (
            "example",
            {
                "title": "Exemple : une agence de voyages",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Une agence de voyages indépendante "
                    "dont la page rassemble une large communauté utilise un outil de mesure. Elle y repère "
                    "une poignée de clients qui partagent régulièrement ses offres et racontent leurs "
                    "séjours. Elle les remercie en les invitant à la présentation de ses nouvelles "
                    "destinations : ses ambassadeurs se sentent reconnus.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Pour approfondir le sujet, la fiche recommande un livre blanc consacré au Social CRM. "
                "Il s'agit d'un lien externe qui date de l'époque de la fiche : il peut avoir changé "
                "d'adresse ou ne plus être disponible.</p>"
            ),
        ),
        ("resource", "livre-blanc-social-crm"),
    ],
}
