"""Lesson: Définir une stratégie (from the ENE guide)."""

LESSON = {
    "slug": "definir-une-strategie",
    "title": "Définir une stratégie",
    "summary": (
        "Avant de vous lancer, posez les bases : qui voulez-vous toucher, qui peut relayer vos messages, "
        "que cherchez-vous à obtenir, à quel rythme publier et comment mesurer les résultats."
    ),
    "objectives": [
        "Vérifier que vos clients potentiels sont bien présents sur le réseau social visé",
        "Expliquer comment les utilisateurs se répartissent entre producteurs, influenceurs et consommateurs de contenu, et le rôle des influenceurs",
        "Fixer des objectifs accompagnés d'indicateurs mesurables",
        "Organiser une publication régulière grâce à des processus, une charte éditoriale et des rendez-vous fixes",
        "Suivre vos résultats avec les statistiques des réseaux et les outils d'analyse de trafic",
    ],
    "sources": ["fiche"],
    "body": [
        ("heading", {"text": "Définir une cible", "anchor": "definir-une-cible"}),
        (
            "text",
            (
                "<p>Ouvrir une page parce que « tout le monde le fait » ne constitue pas une stratégie. La "
                "première question à vous poser, avant même de créer un profil, est simple : vos clients "
                "potentiels fréquentent-ils ce réseau ?</p>"
                "<p>La fiche de l'Espace Numérique Entreprises (ENE) prend un exemple parlant. Une entreprise "
                "qui vend à d'autres entreprises (on parle de BtoB) peinera davantage à se faire entendre sur "
                "les réseaux grand public, où l'on vient surtout pour sa vie personnelle. Autre constat "
                "de la fiche : les 15 à 25 ans sont de plus grands utilisateurs de réseaux sociaux que les "
                "générations qui les précèdent.</p>"
                "<p>Chaque public a ses habitudes. Pour le vôtre, posez-vous deux questions : sur quel réseau "
                "se trouve-t-il, et comment s'en sert-il ?</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "BtoB et BtoC",
                "definition": (
                    "<p><i>BtoB</i> (de l'anglais <i>business to business</i>) désigne la vente entre "
                    "professionnels ; <i>BtoC</i> (<i>business to consumer</i>), la vente d'une entreprise "
                    "à des particuliers.</p>"
                ),
            },
        ),
        (
            "example",
            {
                "title": "Exemple : deux artisans, deux publics",
                "text": (
                    "<p>À titre d'illustration : un pâtissier qui s'adresse aux familles de son quartier a "
                    "tout intérêt à se montrer là où ses clients passent leur temps libre. Un fabricant de "
                    "pièces pour l'industrie, en revanche, touchera difficilement ses acheteurs sur un réseau "
                    "grand public : un réseau professionnel, ou un autre canal, lui conviendra mieux.</p>"
                ),
            },
        ),
        (
            "heading",
            {"text": "Identifier les influenceurs", "anchor": "identifier-les-influenceurs"},
        ),
        (
            "text",
            (
                "<p>Tous les membres d'une communauté ne jouent pas le même rôle. D'après la fiche, les "
                "utilisateurs des réseaux sociaux se répartissent en règle générale en trois groupes :</p>"
                "<ul>"
                "<li><b>ceux qui produisent</b> du contenu, à commencer par l'animateur de la "
                "communauté : [[stat:regle-1-9-90-producteurs]] ;</li>"
                "<li><b>ceux qui relaient</b> : ils partagent, commentent et font circuler ce contenu sur "
                "d'autres supports. Ce sont les influenceurs : "
                "[[stat:regle-1-9-90-influenceurs]] ;</li>"
                "<li><b>ceux qui « consomment »</b> : ils lisent et regardent, sans forcément réagir : "
                "[[stat:regle-1-9-90-consommateurs]].</li>"
                "</ul>"
            ),
        ),
        ("chart", "regle-1-9-90"),
        (
            "text",
            (
                "<p>Vos futurs clients se trouvent surtout parmi ces « consommateurs ». Mais la fiche invite "
                "à ne pas négliger les influenceurs : ce sont eux qui portent vos messages au-delà de votre "
                "propre cercle. Repérez les abonnés qui commentent et partagent souvent, remerciez-les, "
                "donnez-leur de bonnes raisons de parler de vous.</p>"
            ),
        ),
        (
            "remark",
            {
                "title": "Un silence qui n'est pas de l'indifférence",
                "text": (
                    "<p>Peu de réactions sous vos publications ? Ne vous découragez pas : d'après cette "
                    "répartition, la grande majorité des membres lit sans intervenir. Un petit nombre de "
                    "commentaires ne veut pas dire que personne ne vous lit.</p>"
                ),
            },
        ),
        ("heading", {"text": "Fixer des objectifs", "anchor": "fixer-des-objectifs"}),
        (
            "text",
            (
                "<p>Animer un réseau social prend beaucoup de temps. Raison de plus pour savoir précisément ce "
                "que vous en attendez. La fiche cite plusieurs objectifs possibles :</p>"
                "<ul>"
                "<li>faire mieux connaître votre entreprise (gagner en notoriété) ;</li>"
                "<li>fidéliser vos clients ;</li>"
                "<li>trouver des prospects ;</li>"
                "<li>faire du crowdsourcing.</li>"
                "</ul>"
            ),
        ),
        (
            "definition",
            {
                "term": "Crowdsourcing",
                "definition": (
                    "<p>Démarche qui consiste à associer les internautes à la mise au point d'un produit, en "
                    "leur demandant leurs idées et leurs avis.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Un objectif n'a d'intérêt que si vous pouvez vérifier qu'il est atteint. La fiche "
                "recommande donc d'y associer des indicateurs mesurables, par exemple la hausse du nombre de "
                "visites sur votre site internet ou la progression du nombre de contacts.</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : une créatrice de bijoux",
                "text": (
                    "<p>Imaginons, pour l'exemple, une créatrice de bijoux qui prépare une collection. Elle "
                    "se fixe deux objectifs : faire choisir par ses abonnés le modèle phare parmi trois "
                    "projets (c'est du crowdsourcing), et attirer davantage de visiteurs vers sa boutique en "
                    "ligne. Ses indicateurs : le nombre de votes recueillis, et le nombre de visiteurs arrivés "
                    "sur son site depuis le réseau social au cours du mois.</p>"
                ),
            },
        ),
        ("heading", {"text": "Publier avec régularité", "anchor": "publier-avec-regularite"}),
        (
            "text",
            (
                "<p>Une fois la cible et les objectifs fixés, reste à faire vivre votre présence. La fiche "
                "insiste sur deux qualités : publier avec régularité, et réagir vite aux messages de vos "
                "abonnés. Pour tenir dans la durée sans improviser chaque matin, elle conseille de mettre en "
                "place :</p>"
                "<ul>"
                "<li><b>des processus</b> : qui publie, qui répond, qui relit, et dans quels délais ;</li>"
                "<li><b>une charte éditoriale</b> : les sujets traités, le ton employé, ce que vous vous "
                "interdisez.</li>"
                "</ul>"
                "<p>Autre conseil de la fiche : prévoir des rendez-vous réguliers, par exemple une vidéo de "
                "démonstration chaque lundi ou un sondage le premier de chaque mois. Vos abonnés savent à quoi "
                "s'attendre, et vous savez quoi préparer.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Charte éditoriale",
                "definition": (
                    "<p>Document, même court, qui fixe les règles de vos publications : thèmes, ton, "
                    "fréquence, manière de répondre. Il garantit une communication cohérente, quelle que soit "
                    "la personne qui publie.</p>"
                ),
            },
        ),
        (
            "checklist",
            {
                "title": "Votre charte éditoriale en cinq questions",
                "items": [
                    "Quels sujets allez-vous aborder, et lesquels allez-vous éviter ?",
                    "Quel ton adopter : vouvoiement ou tutoiement, sérieux ou complice ?",
                    "À quel rythme publier, et quels jours ?",
                    "Qui publie, et qui répond aux commentaires et aux messages ?",
                    "Dans quel délai vous engagez-vous à répondre ?",
                ],
            },
        ),
        (
            "example",
            {
                "title": "Exemple : les rendez-vous d'un salon de coiffure",
                "text": (
                    "<p>Pour illustrer : un salon de coiffure pourrait publier chaque mardi une astuce de "
                    "coiffage en vidéo, et proposer le premier du mois un sondage sur la tendance du moment. "
                    "Rien de compliqué, mais un rythme que la clientèle finit par attendre.</p>"
                ),
            },
        ),
        ("heading", {"text": "Mesurer les résultats", "anchor": "mesurer-les-resultats"}),
        (
            "text",
            (
                "<p>Dernière étape : vérifier que vos efforts portent leurs fruits, au regard des objectifs "
                "et des indicateurs que vous vous êtes fixés. Selon la fiche, deux sources d'information "
                "s'offrent à vous :</p>"
                "<ul>"
                "<li><b>les statistiques intégrées à certains réseaux</b>, comme l'outil interne dont dispose "
                "Facebook ;</li>"
                "<li><b>les outils d'analyse du trafic de votre site</b>, qui repèrent les visiteurs venus des "
                "réseaux sociaux.</li>"
                "</ul>"
                "<p>Prenez l'habitude de consulter ces chiffres à intervalle régulier, chaque mois par "
                "exemple, et de les comparer d'une période à l'autre. Vous pourrez ainsi ajuster votre "
                "stratégie : garder ce qui fonctionne, abandonner ce qui ne donne rien.</p>"
            ),
        ),
        (
            "remark",
            {
                "title": "À retenir",
                "text": (
                    "<p>Votre stratégie tient en cinq questions : qui voulez-vous toucher ? Qui peut relayer "
                    "vos messages ? Que cherchez-vous à obtenir ? À quel rythme allez-vous publier ? Comment "
                    "saurez-vous que cela fonctionne ?</p>"
                ),
            },
        ),
    ],
}
