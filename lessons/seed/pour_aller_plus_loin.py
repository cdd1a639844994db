"""Lesson: Pour aller plus loin (from the ENE guide)."""

LESSON = {
    "slug": "pour-aller-plus-loin",
    "title": "Pour aller plus loin",
    "summary": (
        "Trois lectures recommandées par la fiche de l'ENE pour approfondir, puis un dernier pas : "
        "le quiz final du parcours, pour faire le point sur ce que vous avez appris."
    ),
    "objectives": [
        "Repérer les lectures complémentaires proposées par la fiche de l'ENE",
        "Utiliser ces ressources avec recul, en sachant qu'elles datent de l'époque de la fiche",
        "Faire le point sur vos acquis grâce au quiz final du parcours",
    ],
    "sources": ["fiche"],
    "body": [
        ("heading", {"text": "Ressources pour approfondir", "anchor": "ressources"}),
        (
            "text",
            (
                "<p>La fiche de l'Espace Numérique Entreprises (ENE) se termine par trois lectures pour "
                "celles et ceux qui veulent aller plus loin : une pour bien démarrer sur Facebook, une sur "
                "les pages d'entreprise Google+, et une sur le Social CRM.</p>"
            ),
        ),
        (
            "warning",
            {
                "title": "Des liens externes d'époque",
                "text": (
                    "<p>Ces ressources sont des liens externes, repris tels que la fiche les donnait à "
                    "l'époque de sa rédaction. Ils peuvent avoir changé d'adresse, ne plus fonctionner, "
                    "ou décrire des services qui ont évolué depuis : Google+, par exemple, a fermé. "
                    "Lisez-les comme des documents de référence de leur temps.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p><b>Pour bien utiliser Facebook.</b> Un livre blanc d'initiation aux médias sociaux "
                "destiné aux petites et moyennes entreprises, publié par Valeur d'image, qui explique "
                "comment se servir de Facebook.</p>"
            ),
        ),
        ("resource", "livre-blanc-valeur-image"),
        (
            "text",
            (
                "<p><b>Pour créer une page d'entreprise sur Google+.</b> Un dossier du Journal du Net "
                "consacré à la création d'une page professionnelle sur Google+. Le service ayant fermé, "
                "ce dossier n'a plus qu'un intérêt historique.</p>"
            ),
        ),
        ("resource", "jdn-page-google-plus"),
        (
            "text",
            (
                "<p><b>Pour approfondir le Social CRM.</b> Un livre blanc publié par Atos Consulting et "
                "Publicis Consultants, consacré au Social CRM, c'est-à-dire à la place des réseaux sociaux "
                "dans la relation client.</p>"
            ),
        ),
        ("resource", "livre-blanc-social-crm"),
        ("heading", {"text": "Et maintenant ?", "anchor": "et-maintenant"}),
        (
            "text",
            (
                "<p>Vous voici au bout du parcours. Vous savez ce qu'est un réseau social, comment il peut "
                "vous aider à fidéliser vos clients et à en trouver de nouveaux, comment bâtir une "
                "stratégie, à quoi rester attentif et comment gérer la relation client en ligne.</p>"
                "<p>Pour vérifier ce que vous avez retenu, faites le <b>quiz final</b> du parcours. Chaque "
                "question renvoie à la leçon qui en traite : si une réponse vous échappe, vous saurez "
                "exactement où relire.</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Vos premiers pas après le parcours",
                "items": [
                    "Vérifier sur quels réseaux se trouvent réellement vos clients",
                    "Fixer un ou deux objectifs, avec des indicateurs mesurables",
                    "Réserver dans votre semaine un temps régulier pour publier et répondre",
                    "Désigner la personne qui répondra aux commentaires et aux réclamations",
                    "Suivre vos résultats et ajuster en cours de route",
                ],
            },
        ),
    ],
}
