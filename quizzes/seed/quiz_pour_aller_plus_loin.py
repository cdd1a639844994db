"""Quiz: Pour aller plus loin (from the ENE guide) and course recap."""

QUIZ = {
    "slug": "quiz-pour-aller-plus-loin",
    "title": "Quiz : pour aller plus loin",
    "lesson": "pour-aller-plus-loin",
    "intro": "Vérifiez que vous savez vers quelles ressources vous tourner et que vous avez retenu l'essentiel du cours.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "Quelle ressource la fiche de l'ENE recommande-t-elle pour apprendre à utiliser Facebook ?",
            "choices": [
                (
                    "« Initiation aux médias sociaux pour les petites et moyennes entreprises », livre blanc de Valeur d'image",
                    True,
                    "",
                ),
                (
                    "« Créer une page business avec Google+ », dossier du Journal du Net",
                    False,
                    "Ce dossier explique comment utiliser Google+.",
                ),
                (
                    "« Social CRM : vers la relation sociale augmentée », livre blanc d'Atos Consulting et Publicis Consultants",
                    False,
                    "Ce livre blanc est consacré au Social CRM.",
                ),
            ],
            "explanation": "La fiche présente le livre blanc de Valeur d'image comme une initiation aux médias sociaux pour les PME, centrée sur l'utilisation de Facebook.",
            "section": ("pour-aller-plus-loin", "ressources"),
        },
        {
            "kind": "single",
            "text": "Qui a publié le dossier « Créer une page business avec Google+ » cité par la fiche ?",
            "choices": [
                ("Le Journal du Net", True, ""),
                (
                    "Valeur d'image",
                    False,
                    "Valeur d'image a publié le livre blanc d'initiation consacré à Facebook.",
                ),
                (
                    "Atos Consulting et Publicis Consultants",
                    False,
                    "Ils sont les auteurs du livre blanc sur le Social CRM.",
                ),
            ],
            "explanation": "Ce dossier du Journal du Net explique comment utiliser Google+, un réseau qui existait encore à l'époque de la fiche.",
            "section": ("pour-aller-plus-loin", "ressources"),
        },
        {
            "kind": "true_false",
            "text": "Les ressources conseillées par la fiche sont des documents externes de l'époque : leurs liens peuvent ne plus fonctionner et certains contenus peuvent être dépassés.",
            "answer": True,
            "explanation": "Ces documents datent de l'époque de la fiche et parlent parfois de services qui ont depuis fermé ou perdu de leur importance, comme Google+. Lisez-les comme des repères, en gardant un œil critique.",
            "section": ("pour-aller-plus-loin", "ressources"),
        },
        {
            "kind": "multiple",
            "text": "Quelles sont les deux grandes façons d'utiliser les réseaux sociaux que la fiche développe pour une entreprise ?",
            "choices": [
                ("Fidéliser ses clients", True, ""),
                ("Trouver de nouveaux clients", True, ""),
                (
                    "Remplacer son site Internet",
                    False,
                    "La fiche le cite seulement parmi d'autres usages possibles.",
                ),
                (
                    "Améliorer à coup sûr son référencement naturel",
                    False,
                    "À l'époque de la fiche, l'effet sur le référencement semblait faible.",
                ),
            ],
            "explanation": "La fiche détaille deux usages principaux : la fidélisation (services, conversation, club VIP) et la recherche de nouveaux clients (vivier de prospects, croissance de la communauté).",
            "section": ("pour-aller-plus-loin", "et-maintenant"),
        },
        {
            "kind": "single",
            "text": "Vous envisagez de vous lancer sur les réseaux sociaux. Quelle démarche résume le mieux les conseils du cours ?",
            "choices": [
                (
                    "Vérifier que votre cible y est présente, fixer des objectifs mesurables et prévoir le temps nécessaire pour animer",
                    True,
                    "",
                ),
                (
                    "Ouvrir un compte sur tous les réseaux en même temps",
                    False,
                    "Mieux vaut choisir les réseaux où se trouve votre cible : chaque compte demande du temps.",
                ),
                (
                    "Publier surtout des publicités pour rentabiliser votre présence",
                    False,
                    "D'après l'article, la grande majorité des personnes interrogées par YSTHAD estimaient déjà que les marques ne sont là que pour leur publicité.",
                ),
                (
                    "Attendre que vos clients viennent d'eux-mêmes",
                    False,
                    "Une communauté se construit et s'anime ; elle ne se forme pas seule.",
                ),
            ],
            "explanation": "Le cours invite à partir de votre cible, à fixer des objectifs assortis d'indicateurs et à garder en tête que les réseaux sociaux sont chronophages.",
            "section": ("pour-aller-plus-loin", "et-maintenant"),
        },
        {
            "kind": "true_false",
            "text": "Selon la fiche, les réseaux sociaux conviennent de la même manière à toutes les entreprises, quel que soit leur secteur.",
            "answer": False,
            "explanation": "La fiche signale que certains secteurs, comme la vente aux professionnels, s'y prêtent moins bien, et que des forums spécialisés sont parfois plus efficaces pour des communautés de passionnés.",
            "section": ("points-de-vigilance", "pas-adapte-a-toutes-les-entreprises"),
        },
    ],
}
