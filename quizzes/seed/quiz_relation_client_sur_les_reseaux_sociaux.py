"""Quiz: La relation client sur les réseaux sociaux (from Nicolas Lardet's article)."""

QUIZ = {
    "slug": "quiz-relation-client-sur-les-reseaux-sociaux",
    "title": "Quiz : la relation client sur les réseaux sociaux",
    "lesson": "relation-client-sur-les-reseaux-sociaux",
    "intro": "Vérifiez que vous avez retenu les chiffres clés de l'article de Nicolas Lardet et ce qu'ils impliquent pour votre relation client.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "numeric",
            "text": "Selon l'agence We Are Social, citée dans l'article, quel pourcentage des Français étaient inscrits sur au moins un réseau social ?",
            "statistic": "france-inscrits",
            "tolerance": 5,
            "explanation": "À l'époque de l'article, [[stat:france-inscrits]] des Français avaient un compte sur au moins un réseau social, et [[stat:france-actifs]] s'y montraient actifs.",
            "section": ("relation-client-sur-les-reseaux-sociaux", "les-usages-en-france"),
        },
        {
            "kind": "single",
            "text": "Dans les chiffres par réseau repris par l'article, quel réseau présentait le plus grand écart, en points de pourcentage, entre la part des Français inscrits et celle des Français actifs ?",
            "choices": [
                (
                    "Google+",
                    True,
                    "Inscrits : [[stat:googleplus-inscrits]] ; actifs : seulement [[stat:googleplus-actifs]]. C'était l'écart le plus grand des cinq réseaux.",
                ),
                (
                    "Facebook",
                    False,
                    "Presque tous ses inscrits étaient actifs. Inscrits : [[stat:facebook-inscrits]] ; actifs : [[stat:facebook-actifs]].",
                ),
                (
                    "Twitter",
                    False,
                    "L'écart était réel, mais moindre que pour Google+. Inscrits : [[stat:twitter-inscrits]] ; actifs : [[stat:twitter-actifs]].",
                ),
                (
                    "LinkedIn",
                    False,
                    "L'écart était moindre que pour Google+. Inscrits : [[stat:linkedin-inscrits]] ; actifs : [[stat:linkedin-actifs]]. Rapporté au nombre d'inscrits, en revanche, LinkedIn comptait la plus faible part d'actifs.",
                ),
            ],
            "explanation": "Un grand nombre d'inscrits ne garantit pas une audience active : en points de pourcentage, l'écart était le plus grand sur Google+, qui existait encore à l'époque ; en proportion de ses inscrits, LinkedIn avait encore moins d'actifs. Regardez donc la part d'utilisateurs actifs avant de choisir où investir votre temps.",
            "section": ("relation-client-sur-les-reseaux-sociaux", "les-cinq-principaux-reseaux"),
        },
        {
            "kind": "single",
            "text": "Selon Social Media Examiner, quel réseau les marketeurs des marques BtoB citaient-ils le plus souvent en premier ?",
            "choices": [
                ("LinkedIn", True, ""),
                (
                    "Facebook",
                    False,
                    "Facebook arrivait en deuxième position pour les marques BtoB ; il était en tête pour les marques BtoC.",
                ),
                (
                    "Twitter",
                    False,
                    "Twitter n'était pas cité en tête côté BtoB ; il était surtout mentionné, avec Facebook, pour son taux d'utilisation.",
                ),
                ("Viadeo", False, "Social Media Examiner ne le citait pas en tête."),
            ],
            "explanation": "Pour les marques qui vendent aux professionnels, c'était LinkedIn : [[stat:btob-linkedin-premier]] le citait en premier, devant Facebook. Pour celles qui vendent aux particuliers, c'était Facebook : [[stat:btoc-facebook-premier]] le considéraient comme la plateforme sociale la plus importante.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "les-entreprises-et-les-marques",
            ),
        },
        {
            "kind": "true_false",
            "text": "Selon l'édition 2014 de l'étude Eptica, la majorité des e-commerçants de la grande distribution répondaient aux tweets qui leur étaient adressés.",
            "answer": False,
            "explanation": "Seuls [[stat:ecommercants-reponse-tweets]] d'entre eux répondaient, et seuls [[stat:twittos-reponse]] des twittos insatisfaits obtenaient une réponse à leur réclamation. C'est regrettable, car d'après l'article, lorsqu'un organisme prend la peine de répondre, [[stat:clients-satisfaits-reponse]] se disaient satisfaits de la solution apportée.",
            "section": ("relation-client-sur-les-reseaux-sociaux", "des-reclamations-sans-reponse"),
        },
        {
            "kind": "multiple",
            "text": "Dans la stratégie de participation proposée par l'article, quels usages sont associés à LinkedIn et Viadeo ?",
            "choices": [
                ("La communication corporate", True, ""),
                ("L'expertise métiers", True, ""),
                ("La détection de talents", True, ""),
                (
                    "Les animations commerciales (événements, exclusivités)",
                    False,
                    "L'article les associe à Facebook et Google+.",
                ),
                (
                    "Le service client",
                    False,
                    "L'article le réserve à Facebook, Google+ et Twitter ; blogs et forums servent plutôt à orienter vers le service client.",
                ),
            ],
            "explanation": "L'article attribue à chaque réseau un rôle précis. Le fond de vos messages doit rester cohérent partout, mais leur forme et leur format s'adaptent à chaque réseau.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "une-strategie-de-participation",
            ),
        },
        {
            "kind": "numeric",
            "text": "Selon l'institut YSTHAD, quel pourcentage des personnes interrogées estimaient que les marques sont présentes sur les réseaux sociaux uniquement pour faire leur publicité ?",
            "statistic": "marques-publicite",
            "tolerance": 5,
            "explanation": "Les personnes interrogées étaient [[stat:marques-publicite]] à le penser, contre [[stat:marques-echange]] qui y voyaient un moyen d'échanger librement avec le public. D'où le conseil de l'article : évitez de saturer clients et prospects de messages, au risque d'abîmer votre e-réputation.",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "ce-que-les-internautes-attendent",
            ),
        },
        {
            "kind": "single",
            "text": "Selon YSTHAD, qu'attendaient en priorité les internautes des organismes présents sur les réseaux sociaux ?",
            "choices": [
                (
                    "Des informations exclusives",
                    True,
                    "Attendues par [[stat:attente-infos-exclusives]] des internautes.",
                ),
                (
                    "Des promotions exclusives",
                    False,
                    "Attendues aussi, mais par [[stat:attente-promotions]] des internautes, loin derrière les informations exclusives.",
                ),
                (
                    "Des jeux-concours",
                    False,
                    "Ils arrivaient en dernier parmi les cinq attentes citées, avec [[stat:attente-jeux-concours]].",
                ),
                (
                    "Des informations pratiques",
                    False,
                    "Attendues par [[stat:attente-infos-pratiques]] des internautes.",
                ),
            ],
            "explanation": "Les informations exclusives arrivaient nettement en tête, attendues par [[stat:attente-infos-exclusives]] des internautes. Venaient ensuite les promotions exclusives avec [[stat:attente-promotions]], les informations sur les produits et services avec [[stat:attente-infos-produits]], les informations pratiques avec [[stat:attente-infos-pratiques]] et les jeux-concours avec [[stat:attente-jeux-concours]].",
            "section": (
                "relation-client-sur-les-reseaux-sociaux",
                "ce-que-les-internautes-attendent",
            ),
        },
    ],
}
