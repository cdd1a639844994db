"""Lesson: Trouver de nouveaux clients (from the ENE guide)."""

LESSON = {
    "slug": "trouver-de-nouveaux-clients",
    "title": "Trouver de nouveaux clients",
    "summary": (
        "Comment transformer vos abonnés en clients, faire grandir votre communauté, explorer d'autres "
        "usages des réseaux sociaux et savoir ce qu'ils apportent, ou non, à votre référencement."
    ),
    "objectives": [
        "Repérer des prospects parmi vos abonnés et leur proposer un contenu qui donne envie d'acheter",
        "Choisir parmi quatre moyens concrets pour augmenter le nombre de membres de votre communauté",
        "Découvrir d'autres usages possibles des réseaux sociaux pour une entreprise",
        "Évaluer avec prudence le lien entre réseaux sociaux et référencement naturel, tel que la fiche le décrivait",
    ],
    "sources": ["fiche"],
    "body": [
        (
            "heading",
            {
                "text": "Constituer un vivier de prospects",
                "anchor": "constituer-un-vivier-de-prospects",
            },
        ),
        (
            "text",
            (
                "<p>Chaque personne qui vous suit sur un réseau social est un client en puissance. Quand un "
                "internaute devient fan ou ami de votre entreprise sur Facebook, s'abonne à votre compte X "
                "(anciennement Twitter) ou vous "
                "ajoute à ses contacts sur LinkedIn ou Viadeo, il vous adresse un signal : votre activité "
                "l'intéresse, au moins un peu.</p>"
                "<p>Tout l'enjeu, selon la fiche de l'Espace Numérique Entreprises (ENE), est de transformer "
                "cette curiosité en achat. Pour y parvenir, donnez-lui des raisons de rester et de revenir : "
                "un contenu qui lui parle. Selon votre cible, ce seront des informations sur vos produits, des "
                "nouvelles liées à votre métier ou des promotions.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Prospect",
                "definition": (
                    "<p>Personne ou entreprise qui n'est pas encore cliente, mais qui pourrait le devenir "
                    "parce qu'elle a montré de l'intérêt pour votre offre.</p>"
                ),
            },
        ),
        (
            "example",
            {
                "title": "Exemple : un fleuriste",
                "text": (
                    "<p>À titre d'illustration, imaginons une personne qui s'abonne à la page d'un fleuriste "
                    "après avoir vu passer un bouquet partagé par une amie. Elle n'a encore rien acheté. Si, "
                    "dans les semaines qui suivent, elle découvre les compositions de saison, une astuce "
                    "pour faire durer les tulipes et une offre avant la fête des mères, elle aura peut-être "
                    "envie de pousser la porte de la boutique.</p>"
                ),
            },
        ),
        (
            "heading",
            {"text": "Faire grandir la communauté", "anchor": "faire-grandir-la-communaute"},
        ),
        (
            "text",
            (
                "<p>Le démarrage est souvent l'étape la plus ardue. La fiche le rappelle : une communauté "
                "qui ne compte qu'une poignée de membres attire peu, car les internautes hésitent à rejoindre "
                "une page presque vide. Il faut donc lancer le mouvement. La fiche propose quatre moyens "
                "d'augmenter le nombre d'inscrits :</p>"
                "<ol>"
                "<li><b>Mobiliser votre entourage et vos salariés.</b> Ce sont les premiers à pouvoir "
                "s'inscrire, et leur présence donne de la consistance à votre page.</li>"
                "<li><b>Récompenser l'inscription de vos clients</b> : un bon de réduction, la livraison "
                "offerte, un produit gratuit…</li>"
                "<li><b>Organiser un concours</b> : un ou plusieurs lots à gagner pour les membres, en "
                "échange de l'invitation de leurs propres contacts.</li>"
                "<li><b>Commander un jeu</b> conçu spécialement pour le réseau social choisi.</li>"
                "</ol>"
                "<p>Pour ce dernier point, la fiche renvoyait vers des exemples de jeux créés pour des pages "
                "fan Facebook. Il s'agit d'un lien externe ancien, qui peut avoir changé ou ne plus "
                "fonctionner.</p>"
            ),
        ),
        ("resource", "jeux-pages-facebook"),
        (
            "example",
            {
                "title": "Exemple : une boulangerie de quartier",
                "text": (
                    "<p>Pour illustrer : une boulangerie qui ouvre sa page demande d'abord à son équipe et à "
                    "ses proches de s'abonner. Elle affiche ensuite en caisse qu'une viennoiserie est offerte "
                    "à chaque nouvel abonné. Quelques semaines plus tard, un concours (« invitez deux amis à "
                    "rejoindre la page, tentez de gagner une galette ») peut prendre le relais.</p>"
                ),
            },
        ),
        (
            "warning",
            {
                "title": "Point de vigilance",
                "text": (
                    "<p>Avant de lancer un concours ou un jeu, prenez le temps de lire les règles du réseau "
                    "social concerné et de vous renseigner sur le cadre qui s'applique aux jeux-concours.</p>"
                ),
            },
        ),
        ("heading", {"text": "D'autres usages à explorer", "anchor": "autres-usages"}),
        (
            "text",
            (
                "<p>Fidéliser et prospecter ne sont pas les seules possibilités. La fiche en mentionne "
                "d'autres, tout en précisant que beaucoup restent à inventer :</p>"
                "<ul>"
                "<li>recruter ;</li>"
                "<li>vendre ;</li>"
                "<li>remplacer purement et simplement un site internet ;</li>"
                "<li>communiquer en situation de crise.</li>"
                "</ul>"
                "<p>Elle ajoute que ces usages évolueront au rythme des nouvelles fonctions offertes par les "
                "plateformes, d'autant que nombre de réseaux sociaux sont reliés à d'autres médias sociaux. "
                "Autrement dit : restez curieux, et jetez régulièrement un œil aux nouveautés des outils que "
                "vous utilisez.</p>"
            ),
        ),
        (
            "heading",
            {
                "text": "Réseaux sociaux et référencement naturel",
                "anchor": "reseaux-sociaux-et-referencement",
            },
        ),
        (
            "text",
            (
                "<p>Être présent sur les réseaux sociaux aide-t-il votre site à mieux apparaître dans les "
                "résultats de Google ? La fiche apporte une réponse nuancée, qu'il faut replacer dans son "
                "époque.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Référencement naturel",
                "definition": (
                    "<p>Ensemble des efforts qui visent à faire apparaître un site internet dans les résultats "
                    "gratuits des moteurs de recherche, par opposition aux liens publicitaires payants.</p>"
                ),
            },
        ),
        (
            "remark",
            {
                "title": "Remarque de la fiche, à lire comme un constat daté",
                "text": (
                    "<p>En novembre 2011, Google avait commencé à indexer une partie des informations "
                    "publiées sur les réseaux sociaux. Pourtant, au moment où la fiche a été rédigée, être "
                    "présent sur ces réseaux ne semblait peser que faiblement sur le référencement naturel "
                    "d'un site.</p>"
                    "<p>La fiche n'excluait pas que cela change, car Google tend à privilégier les contenus "
                    "récents. Des blogueurs disaient d'ailleurs avoir déjà constaté un effet de Twitter sur "
                    "leur propre référencement.</p>"
                ),
            },
        ),
        ("resource", "twitter-referencement"),
        (
            "text",
            (
                "<p>Ces observations ont plusieurs années, et les moteurs de recherche ont beaucoup évolué "
                "depuis. Retenez l'idée générale sans en faire une promesse : les réseaux sociaux servent "
                "d'abord à nouer et entretenir la relation avec vos clients. Un éventuel gain de visibilité "
                "dans les moteurs de recherche ne doit pas être votre seule motivation.</p>"
            ),
        ),
    ],
}
