"""Lesson: Le community management (from the ENE guide)."""

LESSON = {
    "slug": "le-community-management",
    "title": "Le community management",
    "summary": (
        "Le community manager fait vivre la communauté de l'entreprise sur les réseaux sociaux. Voici en "
        "quoi consiste ce métier et les quatre missions à confier à celui ou celle qui tiendra ce rôle."
    ),
    "objectives": [
        "Définir le rôle du community manager",
        "Lister les quatre missions essentielles de la personne qui anime vos réseaux sociaux",
        "Désigner, dans votre entreprise, la personne qui assumera ce rôle",
        "Organiser ces missions dans une semaine de travail réaliste",
    ],
    "sources": ["fiche"],
    "body": [
        ("heading", {"text": "Le métier de community manager", "anchor": "le-metier"}),
        (
            "text",
            (
                "<p>Les réseaux sociaux ont fait naître un nouveau métier, apparu en même temps qu'eux : "
                "community manager, que l'on pourrait traduire par « animateur de communauté ». La fiche de "
                "l'Espace Numérique Entreprises (ENE) en reprend une définition :</p>"
            ),
        ),
        (
            "quote",
            {
                "text": (
                    "[Le community management] a pour but d'animer et de fédérer pour une société ou une "
                    "marque les échanges entre [des] internautes […] et de faire respecter les règles de "
                    "bonne conduite au sein de cette communauté."
                ),
                "attribution": "Définition citée dans la fiche pratique ENE",
            },
        ),
        (
            "text",
            (
                "<p>Trois verbes résument cette définition :</p>"
                "<ul>"
                "<li><b>Animer</b> : faire vivre les échanges, lancer les conversations, les relancer quand "
                "tout est calme.</li>"
                "<li><b>Fédérer</b> : rassembler les internautes autour de l'entreprise ou de la marque, pour "
                "qu'ils aient le sentiment d'appartenir à un même groupe.</li>"
                "<li><b>Faire respecter les règles</b> : veiller à ce que les échanges restent courtois, et "
                "intervenir quand ce n'est plus le cas.</li>"
                "</ul>"
                "<p>Le community manager agit toujours pour le compte de quelqu'un, une société ou une "
                "marque. Aux yeux de la communauté, c'est lui qui parle au nom de l'entreprise.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Community manager",
                "definition": (
                    "<p>Personne chargée, pour une entreprise ou une marque, d'animer sa communauté sur les "
                    "réseaux sociaux, d'y rassembler les échanges et de veiller au respect des règles de bonne "
                    "conduite.</p>"
                ),
            },
        ),
        (
            "remark",
            {
                "title": "Dans une petite entreprise",
                "text": (
                    "<p>Le titre peut impressionner, mais il ne s'agit pas forcément d'embaucher. La fiche "
                    "parle de <i>désigner</i> un community manager : ce peut être vous, un associé ou un "
                    "salarié à l'aise avec ces outils. L'essentiel est que la mission soit clairement confiée "
                    "à quelqu'un, qui dispose du temps nécessaire pour la mener.</p>"
                ),
            },
        ),
        ("heading", {"text": "Les missions du community manager", "anchor": "les-missions"}),
        (
            "text",
            (
                "<p>Selon la fiche, dès qu'une entreprise est présente sur les réseaux sociaux, elle doit "
                "nommer un community manager. Parmi ses tâches, quatre sont mises en avant :</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Les quatre missions du community manager",
                "items": [
                    "Publier régulièrement du contenu sur le ou les comptes de l'entreprise",
                    "Répondre aux commentaires, y compris aux critiques",
                    "Encourager les internautes à partager leurs propres contenus",
                    "Faire progresser le nombre de contacts de l'entreprise",
                ],
            },
        ),
        (
            "text",
            (
                "<p>Reprenons-les une à une, avec un regard pratique.</p>"
                "<p><b>Publier.</b> Une page qui ne bouge plus donne l'impression d'une boutique au rideau "
                "baissé. Le community manager prévoit ce qui sera publié, et quand : la leçon « Définir une "
                "stratégie » revient sur cette question du rythme.</p>"
                "<p><b>Répondre.</b> Un compliment mérite un merci ; une critique, une réponse posée et "
                "constructive. Laisser une remarque négative sans suite, c'est laisser le dernier mot au "
                "mécontentement, sous les yeux de tous vos abonnés.</p>"
                "<p><b>Faire participer.</b> Comme on l'a vu dans la leçon « Fidéliser ses clients », une "
                "communauté vit surtout des contributions de ses membres : questions, photos, avis.</p>"
                "<p><b>Élargir le cercle.</b> Enfin, il s'agit d'attirer peu à peu de nouveaux contacts, avec "
                "les moyens présentés dans la leçon « Trouver de nouveaux clients ».</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : la semaine d'un restaurateur",
                "text": (
                    "<p>À titre d'illustration, le gérant d'un petit restaurant qui tient lui-même le rôle de "
                    "community manager pourrait s'organiser ainsi : le lundi, il publie le menu de la "
                    "semaine ; chaque soir, il consacre dix minutes aux commentaires et aux messages ; le "
                    "vendredi, il invite ses clients à partager la photo de leur plat préféré ; et ses cartes "
                    "de fidélité rappellent l'adresse de sa page.</p>"
                ),
            },
        ),
        (
            "warning",
            {
                "title": "Point de vigilance",
                "text": (
                    "<p>Répondre aux critiques fait partie du travail. Gardez un ton courtois, ne supprimez "
                    "pas un avis simplement parce qu'il dérange (sauf s'il enfreint les règles de bonne "
                    "conduite) et proposez de poursuivre l'échange en message privé quand la situation le "
                    "demande.</p>"
                ),
            },
        ),
    ],
}
