"""Quiz: course quiz covering all lessons (ENE guide and Nicolas Lardet's article)."""

QUIZ = {
    "slug": "quiz-final",
    "title": "Quiz final : les réseaux sociaux pour votre entreprise",
    "lesson": None,
    "intro": "Faites le point sur l'ensemble du cours, des bases des réseaux sociaux jusqu'à la relation client.",
    "pass_mark": 60,
    # Two questions ask for a share itself: their answers give it, and an answer cannot cite.
    "typed_figures_reason": (
        "Deux questions demandent une part (« un client sur trois », « quatre sociétés sur "
        "cinq ») : leurs réponses la donnent, et une réponse ne peut pas citer de statistique."
    ),
    "questions": [
        {
            "kind": "single",
            "text": "Qu'appelle-t-on une offre « freemium » sur un réseau social ?",
            "choices": [
                (
                    "Un service de base gratuit, complété par une offre payante aux fonctionnalités supplémentaires",
                    True,
                    "",
                ),
                (
                    "Un réseau entièrement gratuit, sans aucune offre payante",
                    False,
                    "Le freemium comporte justement une partie payante.",
                ),
                (
                    "Un réseau accessible uniquement sur abonnement",
                    False,
                    "Dans le freemium, le service minimum reste gratuit.",
                ),
                (
                    "Un espace publicitaire offert aux nouvelles entreprises",
                    False,
                    "Le freemium décrit une formule d'accès au service, pas une offre publicitaire.",
                ),
            ],
            "explanation": "La fiche de l'ENE cite l'exemple de Viadeo, dont l'offre payante permettait notamment de savoir qui avait consulté votre profil ou d'ajouter des contacts sans restriction.",
            "section": ("comprendre-les-reseaux-sociaux", "modele-economique"),
        },
        {
            "kind": "true_false",
            "text": "La fiche de l'ENE présentait Facebook et Google+ comme des réseaux généralistes, où se mêlent amis, clients et marques.",
            "answer": True,
            "explanation": "À la différence des réseaux spécialisés (contacts professionnels, anciens camarades, voisins), Facebook et Google+ mélangeaient tous les types de contacts. Google+ existait encore à l'époque de la fiche.",
            "section": ("comprendre-les-reseaux-sociaux", "vocation-premiere"),
        },
        {
            "kind": "single",
            "text": "Pour animer une communauté autour de votre entreprise, qu'est-ce que la fiche juge le plus important ?",
            "choices": [
                ("Inviter les internautes à publier eux-mêmes du contenu", True, ""),
                (
                    "Publier vous-même un maximum de messages",
                    False,
                    "Publier reste nécessaire, mais la fiche donne la priorité aux contributions des internautes.",
                ),
                (
                    "Filtrer tous les commentaires avant publication",
                    False,
                    "La fiche ne conseille pas de restreindre les échanges.",
                ),
                (
                    "Ne parler que de vos produits",
                    False,
                    "La fiche invite plutôt à fédérer autour d'un point commun : une marque, une cause, une action.",
                ),
            ],
            "explanation": "Les contributions des internautes font vivre la communauté : elles les fidélisent et font connaître votre entreprise.",
            "section": ("fideliser-ses-clients", "converser-autour-d-un-point-commun"),
        },
        {
            "kind": "numeric",
            "text": "Selon la fiche de l'ENE, quel pourcentage des internautes s'abonnaient à la communauté d'une entreprise dans l'espoir d'obtenir des remises et des bons plans ?",
            "statistic": "communaute-bons-plans",
            "tolerance": 5,
            "explanation": "La fiche avance le chiffre de [[stat:communaute-bons-plans]]. C'est pourquoi elle suggère de présenter votre page comme un club qui offre des privilèges à ses membres.",
            "section": ("fideliser-ses-clients", "creer-un-club-vip"),
        },
        {
            "kind": "multiple",
            "text": "Votre page compte encore peu de membres. Quels moyens la fiche propose-t-elle pour la faire grandir ?",
            "choices": [
                ("Demander à votre entourage et à vos salariés de s'inscrire", True, ""),
                ("Faire développer un jeu adapté au réseau social", True, ""),
                (
                    "Offrir un bon de réduction, la livraison ou un produit à ceux qui s'inscrivent",
                    True,
                    "",
                ),
                ("Acheter des abonnés", False, "La fiche ne propose pas ce moyen."),
            ],
            "explanation": "La fiche cite aussi les concours, où l'on demande aux membres d'inviter leurs propres contacts pour tenter de gagner un lot.",
            "section": ("trouver-de-nouveaux-clients", "faire-grandir-la-communaute"),
        },
        {
            "kind": "true_false",
            "text": "À l'époque de la fiche, une présence sur les réseaux sociaux semblait avoir une forte influence sur le référencement naturel d'un site Internet.",
            "answer": False,
            "explanation": "Même si Google indexait certaines informations des réseaux sociaux depuis novembre 2011, leur effet sur le référencement paraissait alors faible. La fiche notait toutefois que cela pourrait évoluer, Google favorisant les contenus récents.",
            "section": ("trouver-de-nouveaux-clients", "reseaux-sociaux-et-referencement"),
        },
        {
            "kind": "multiple",
            "text": "Quelles tâches la fiche confie-t-elle au community manager ?",
            "choices": [
                ("Répondre aux commentaires et aux critiques", True, ""),
                ("Inciter les internautes à publier du contenu", True, ""),
                ("Développer le nombre de contacts", True, ""),
                (
                    "Rédiger les conditions générales de vente",
                    False,
                    "Ce n'est pas une mission de community management.",
                ),
                (
                    "Effacer les critiques pour protéger l'image de l'entreprise",
                    False,
                    "La fiche demande de répondre aux critiques, pas de les supprimer.",
                ),
            ],
            "explanation": "La fiche ajoute une quatrième mission : alimenter en contenu le ou les profils de l'entreprise.",
            "section": ("le-community-management", "les-missions"),
        },
        {
            "kind": "single",
            "text": "Dans la répartition des utilisateurs présentée par la fiche, qui sont les « influenceurs » ?",
            "choices": [
                (
                    "Ceux qui partagent, commentent et relaient le contenu",
                    True,
                    "Selon la fiche, ils représentaient [[stat:regle-1-9-90-influenceurs]] des utilisateurs.",
                ),
                (
                    "Ceux qui produisent le contenu",
                    False,
                    "Ce sont les producteurs, à commencer par l'animateur de la communauté : [[stat:regle-1-9-90-producteurs]] des utilisateurs selon la fiche.",
                ),
                (
                    "Ceux qui consomment le contenu sans le relayer",
                    False,
                    "C'est parmi eux ([[stat:regle-1-9-90-consommateurs]] des utilisateurs selon la fiche) que se trouve surtout votre cible, mais ce ne sont pas les influenceurs.",
                ),
                (
                    "Les personnalités célèbres qui suivent votre marque",
                    False,
                    "Dans la fiche, le mot désigne ceux qui diffusent le contenu, pas forcément des célébrités.",
                ),
            ],
            "explanation": "C'est surtout parmi ceux qui consomment le contenu que se trouve votre cible, mais la fiche recommande de tourner aussi votre stratégie vers les influenceurs, qui font circuler vos contenus.",
            "section": ("definir-une-strategie", "identifier-les-influenceurs"),
        },
        {
            "kind": "single",
            "text": "Parmi les objectifs cités par la fiche, que signifie « faire du crowdsourcing » ?",
            "choices": [
                ("Consulter les internautes sur le développement d'un produit", True, ""),
                (
                    "Acheter une audience sur les réseaux sociaux",
                    False,
                    "Rien à voir : il s'agit de solliciter l'avis des internautes.",
                ),
                (
                    "Confier la gestion de vos comptes à une agence",
                    False,
                    "La fiche parle ici de consulter les internautes.",
                ),
                (
                    "Demander aux internautes de financer un projet",
                    False,
                    "Cela y ressemble, mais la fiche parle de recueillir leur avis, pas leur argent.",
                ),
            ],
            "explanation": "Le crowdsourcing consiste à associer les internautes au développement d'un produit. Comme tout objectif, il doit s'accompagner d'indicateurs mesurables.",
            "section": ("definir-une-strategie", "fixer-des-objectifs"),
        },
        {
            "kind": "true_false",
            "text": "Selon la fiche, si la relation client ne figure pas parmi vos priorités, les liens commerciaux et l'e-mailing seront probablement plus rentables que les réseaux sociaux.",
            "answer": True,
            "explanation": "Le retour sur investissement des réseaux sociaux est difficile à mesurer et peu d'entreprises en tirent une hausse nette de leur chiffre d'affaires. Leur intérêt tient surtout à la relation client.",
            "section": ("points-de-vigilance", "un-retour-sur-investissement-difficile-a-mesurer"),
        },
        {
            "kind": "single",
            "text": "De quoi les outils de mesure du Social CRM ont-ils besoin pour être utiles ?",
            "choices": [
                ("D'une communauté assez importante pour être analysée", True, ""),
                (
                    "D'un abonnement payant sur chaque réseau",
                    False,
                    "La fiche ne pose pas cette condition.",
                ),
                (
                    "Des coordonnées bancaires de vos clients",
                    False,
                    "Il n'en est pas question : ces outils analysent l'humeur d'une communauté.",
                ),
                ("D'un site Internet marchand", False, "La fiche ne pose pas cette condition."),
            ],
            "explanation": "Ces outils mesurent par exemple « l'humeur » d'une communauté ou repèrent des ambassadeurs de l'entreprise ; avec trop peu de membres, il n'y a pas assez de matière à analyser.",
            "section": ("le-social-crm", "les-outils-de-mesure"),
        },
        {
            "kind": "numeric",
            "text": "Selon l'article de Nicolas Lardet, combien de temps les internautes français passaient-ils en moyenne chaque jour sur les réseaux sociaux ? Répondez en minutes.",
            "statistic": "temps-quotidien",
            "tolerance": 15,
            "explanation": "En moyenne, les internautes français passaient [[stat:temps-quotidien]] par jour sur les réseaux sociaux ; la question demandait cette durée en minutes. C'est un chiffre de l'époque de l'article, qui n'en nomme pas la source : il le donne juste après ceux de l'agence We Are Social.",
            "section": ("relation-client-sur-les-reseaux-sociaux", "les-usages-en-france"),
        },
        {
            "kind": "single",
            "text": "Selon The Ambassador Blog, quelle part des clients préférait contacter un organisme par les réseaux sociaux plutôt que par téléphone ?",
            "choices": [
                ("Un client sur trois", True, ""),
                ("Un client sur dix", False, "La part relevée était nettement plus élevée."),
                ("Un client sur deux", False, "La part relevée était plus faible."),
                (
                    "Trois clients sur quatre",
                    False,
                    "Ce ratio correspond à une autre donnée de l'article : les clients satisfaits quand l'organisme répond.",
                ),
            ],
            "explanation": "D'après l'article, [[stat:contact-prefere-reseaux]] préférait les réseaux sociaux au téléphone pour joindre un organisme : vos pages peuvent donc devenir un vrai canal de contact.",
            "section": ("relation-client-sur-les-reseaux-sociaux", "les-usages-en-france"),
        },
        {
            "kind": "single",
            "text": "Selon l'INSEE, quelle était la situation des sociétés françaises d'au moins 10 personnes en 2013 ?",
            "choices": [
                ("Quatre sociétés sur cinq n'utilisaient pas les médias sociaux", True, ""),
                (
                    "Quatre sociétés sur cinq utilisaient les médias sociaux",
                    False,
                    "C'est l'inverse : [[stat:entreprises-10-sans-medias-sociaux]] ne les utilisaient pas.",
                ),
                (
                    "Toutes utilisaient au moins un réseau social",
                    False,
                    "La grande majorité ne les utilisait pas encore.",
                ),
                (
                    "Aucune n'utilisait les médias sociaux",
                    False,
                    "Une minorité les utilisait, et [[stat:entreprises-250-medias-sociaux]] des sociétés de plus de 250 personnes s'en servaient.",
                ),
            ],
            "explanation": "Selon l'INSEE, [[stat:entreprises-10-sans-medias-sociaux]] d'au moins 10 personnes ne se servaient pas des médias sociaux, alors que [[stat:entreprises-250-medias-sociaux]] des sociétés de plus de 250 personnes les utilisaient.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "les-entreprises-et-les-marques",
            ),
        },
        {
            "kind": "numeric",
            "text": "Selon l'étude du SNCD menée en juin-juillet 2013, quel pourcentage des socionautes français étaient devenus clients d'une marque grâce aux réseaux sociaux ?",
            "statistic": "socionautes-nouveaux-clients",
            # ± 3: 12, iAquire's figure for the internet users a "like" influenced, is wrong.
            "tolerance": 3,
            "explanation": "Parmi les socionautes français, [[stat:socionautes-nouveaux-clients]] étaient devenus clients d'une marque grâce aux réseaux, et [[stat:socionautes-fans-marque]] étaient abonnés ou fans d'au moins une marque.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "les-entreprises-et-les-marques",
            ),
        },
        {
            "kind": "multiple",
            "text": "Dans la stratégie de participation proposée par l'article, quels réseaux sont associés au service client ?",
            "choices": [
                ("Facebook", True, ""),
                ("Google+", True, ""),
                ("Twitter", True, ""),
                (
                    "LinkedIn",
                    False,
                    "L'article l'associe à la communication corporate, à l'expertise métiers et à la détection de talents.",
                ),
                (
                    "Viadeo",
                    False,
                    "Comme LinkedIn, l'article l'associe à la communication corporate, à l'expertise métiers et à la détection de talents.",
                ),
            ],
            "explanation": "L'article associe le service client à Facebook, Google+ et Twitter ; les blogs et forums servent plutôt à la veille et à orienter les internautes vers le service client.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "une-strategie-de-participation",
            ),
        },
        {
            "kind": "numeric",
            "text": "Selon l'agence PeopleClaim, quel pourcentage des twittos insatisfaits recevaient une réponse à leur réclamation ?",
            "statistic": "twittos-reponse",
            # ± 5: 45, Eptica's figure for the retailers who answered tweets, is wrong.
            "tolerance": 5,
            "explanation": "Seuls [[stat:twittos-reponse]] des twittos insatisfaits obtenaient une réponse. Ne confondez pas avec la part des e-commerçants de la grande distribution qui répondaient aux tweets selon Eptica (édition 2014) : [[stat:ecommercants-reponse-tweets]]. Beaucoup de réclamations restaient donc sans réponse, alors que répondre est payant : d'après l'article, lorsqu'un organisme prend la peine de répondre, [[stat:clients-satisfaits-reponse]] se disaient satisfaits de la solution apportée.",
            "section": ("relation-client-sur-les-reseaux-sociaux", "des-reclamations-sans-reponse"),
        },
        {
            "kind": "true_false",
            "text": "Selon l'agence iAquire, un « like » Facebook ou un « +1 » Google suffisait à influencer la majorité des internautes.",
            "answer": False,
            "explanation": "Seuls [[stat:influence-like]] des internautes étaient influencés par un « like » ou un « +1 ». Accumuler des mentions « j'aime » ne suffit donc pas : mieux vaut proposer ce que les internautes attendent, à commencer par des informations exclusives.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "ce-que-les-internautes-attendent",
            ),
        },
        {
            "kind": "single",
            "text": "Quelle ressource la fiche conseille-t-elle pour créer une page professionnelle sur Google+ ?",
            "choices": [
                ("Le dossier « Créer une page business avec Google+ » du Journal du Net", True, ""),
                (
                    "Le livre blanc de Valeur d'image",
                    False,
                    "Ce livre blanc explique surtout comment utiliser Facebook.",
                ),
                (
                    "Le livre blanc d'Atos Consulting et Publicis Consultants",
                    False,
                    "Ce livre blanc porte sur le Social CRM.",
                ),
            ],
            "explanation": "Ces ressources externes datent de l'époque de la fiche : Google+ a depuis fermé, et leurs liens peuvent ne plus fonctionner.",
            "section": ("pour-aller-plus-loin", "ressources"),
        },
    ],
}
