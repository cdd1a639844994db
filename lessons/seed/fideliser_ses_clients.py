"""Lesson: Fidéliser ses clients (from the ENE guide)."""

LESSON = {
    "slug": "fideliser-ses-clients",
    "title": "Fidéliser ses clients",
    "summary": (
        "Trois leviers de fidélisation pour garder vos clients grâce aux réseaux sociaux : leur offrir un service en "
        "plus, les réunir autour d'un point commun et faire de votre page un club à privilèges."
    ),
    "objectives": [
        "Identifier les services à valeur ajoutée qu'un réseau social vous permet d'offrir à vos clients",
        "Rassembler une communauté autour de votre marque, d'une cause ou d'une action liée à votre entreprise",
        "Inviter vos clients à publier eux-mêmes du contenu pour faire vivre la communauté",
        "Imaginer des avantages réservés à vos abonnés, sur le modèle du club VIP",
    ],
    "sources": ["fiche"],
    "body": [
        ("heading", {"text": "Proposer des services", "anchor": "proposer-des-services"}),
        (
            "text",
            (
                "<p>Pour la fiche de l'Espace Numérique Entreprises (ENE), une entreprise peut tirer parti des "
                "réseaux sociaux de bien des façons, mais deux usages se détachent : garder les clients que "
                "l'on a déjà, et en attirer de nouveaux. Cette leçon traite du premier ; la suivante, du "
                "second.</p>"
                "<p>Première piste : faire de votre présence sur un réseau social un service en plus, que vos "
                "clients ne trouvent pas sur votre site internet. La fiche en donne deux exemples : tenir vos "
                "abonnés au courant de l'actualité de votre secteur, et prendre en charge le service "
                "après-vente. Dans les deux cas, le client y gagne quelque chose de concret, et il a une bonne "
                "raison de continuer à vous suivre.</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : un magasin de cycles",
                "text": (
                    "<p>À titre d'illustration, imaginons un magasin de vélos de quartier. Sur sa page, il "
                    "relaie les nouveautés de son métier (un nouvel équipement, un conseil d'entretien avant "
                    "l'hiver) et répond aux clients qui rencontrent un souci après un achat : un dérailleur "
                    "qui frotte, une question sur la garantie. Le client n'a ni à se déplacer ni à appeler "
                    "pendant les heures d'ouverture, et il retient que la boutique reste à son écoute.</p>"
                ),
            },
        ),
        (
            "warning",
            {
                "title": "Point de vigilance",
                "text": (
                    "<p>Annoncer un service après-vente sur un réseau social, c'est prendre un engagement. "
                    "Une question restée sans réponse sur votre page se remarque : si vous proposez ce "
                    "service, prévoyez le temps d'y répondre.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Converser autour d'un point commun",
                "anchor": "converser-autour-d-un-point-commun",
            },
        ),
        (
            "text",
            (
                "<p>Sur un réseau social, on ne se contente pas de regarder : on y affiche ses idées, ses goûts "
                "et ses convictions. Pour une entreprise, c'est une belle occasion de rassembler autour d'elle "
                "celles et ceux qui se reconnaissent dans sa marque, dans une cause qu'elle soutient ou dans "
                "une action qu'elle mène.</p>"
                "<p>Publier vous-même des vidéos, des photos et des textes reste indispensable. Mais la fiche "
                "insiste sur un point : le plus important est d'encourager vos abonnés à prendre la parole et à "
                "partager leurs propres contenus. C'est ce qui donne naissance à une communauté et la fait "
                "vivre. Chaque contribution joue d'ailleurs un double rôle : elle attache davantage son auteur "
                "à votre entreprise, et elle fait connaître votre entreprise autour de lui.</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : un caviste",
                "text": (
                    "<p>Prenons, pour l'exemple, un caviste attaché aux vignerons de sa région. Il pourrait "
                    "proposer à ses clients de publier chaque lundi la photo de la bouteille ouverte le "
                    "week-end, avec le plat qui l'accompagnait. Lui apporte ses conseils d'accords ; eux "
                    "partagent leurs découvertes. Le point commun, le goût des vins locaux, fait le lien entre "
                    "tous.</p>"
                ),
            },
        ),
        (
            "remark",
            {
                "title": "À retenir",
                "text": (
                    "<p>Une communauté se construit <i>avec</i> vos clients, pas seulement <i>pour</i> eux. "
                    "Posez des questions, demandez des avis, mettez en valeur les publications de vos "
                    "abonnés.</p>"
                ),
            },
        ),
        ("heading", {"text": "Créer un club VIP", "anchor": "creer-un-club-vip"}),
        (
            "text",
            (
                "<p>Pourquoi suit-on une entreprise sur un réseau social ? D'après la fiche ENE, la première "
                "motivation est très concrète : profiter de bonnes affaires.</p>"
            ),
        ),
        ("key_figure", "communaute-bons-plans"),
        (
            "text",
            (
                "<p>Selon la fiche, [[stat:communaute-bons-plans]] des internautes rejoignaient la communauté "
                "d'une entreprise afin de profiter de bons plans et de remises. Faute de date, voyez-y une "
                "tendance relevée à l'époque plutôt qu'une mesure d'aujourd'hui. Le message, lui, reste "
                "parlant.</p>"
                "<p>D'où l'idée de présenter votre page comme un club dont les membres profitent de "
                "privilèges. Être abonné doit valoir la peine : une remise réservée, une avant-première, une "
                "petite attention. Vos clients ont alors une raison tangible de vous suivre, et de "
                "rester.</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Des idées d'avantages pour votre club (à adapter à votre activité)",
                "items": [
                    "Un code de réduction réservé aux abonnés, valable quelques jours",
                    "Une avant-première sur une nouveauté ou une nouvelle collection",
                    "La livraison offerte aux membres de la communauté",
                    "Un petit produit offert lors du prochain passage en boutique",
                    "Une invitation à un événement réservé aux abonnés (dégustation, atelier, vente privée)",
                ],
            },
        ),
        (
            "example",
            {
                "title": "Exemple : un salon de coiffure",
                "text": (
                    "<p>Un salon de coiffure pourrait, par exemple, réserver chaque mois à ses abonnés "
                    "quelques créneaux à tarif réduit en début de semaine, annoncés uniquement sur sa page. "
                    "Les clientes et clients fidèles se sentent privilégiés, et les heures creuses ont une "
                    "chance de se remplir.</p>"
                ),
            },
        ),
        (
            "warning",
            {
                "title": "Point de vigilance",
                "text": (
                    "<p>Un club VIP n'est pas un prospectus permanent. Si vous ne publiez que des promotions, "
                    "votre page perd de son intérêt. Alternez les avantages, les conseils et les échanges "
                    "avec votre communauté.</p>"
                ),
            },
        ),
    ],
}
