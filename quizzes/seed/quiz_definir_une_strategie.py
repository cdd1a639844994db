"""Quiz: Définir une stratégie (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-definir-une-strategie",
    "title": "Quiz : définir une stratégie",
    "lesson": "definir-une-strategie",
    "intro": "Vérifiez que vous savez choisir votre cible, fixer des objectifs, publier avec régularité et mesurer vos résultats.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "Avant d'ouvrir un profil sur un réseau social, que conseille la fiche de l'ENE de vérifier d'abord ?",
            "choices": [
                ("Que vos clients potentiels sont bien présents sur ce réseau", True, ""),
                (
                    "Que ce réseau est le plus fréquenté du moment",
                    False,
                    "Un réseau très fréquenté ne sert à rien si votre cible n'y est pas.",
                ),
                (
                    "Que vos concurrents n'y sont pas encore",
                    False,
                    "La fiche ne fait pas de l'absence des concurrents un critère.",
                ),
                (
                    "Que l'inscription y est gratuite",
                    False,
                    "Ce n'est pas le critère mis en avant par la fiche.",
                ),
            ],
            "explanation": "Chaque cible a ses habitudes : la fiche invite à se demander quels réseaux elle fréquente et comment elle s'en sert. Elle rappelle par exemple que les jeunes de 15 à 25 ans sont plus présents sur ces réseaux que les générations précédentes.",
            "section": ("definir-une-strategie", "definir-une-cible"),
        },
        {
            "kind": "true_false",
            "text": "Selon la fiche, une entreprise qui vend à d'autres entreprises (BtoB) communique plus facilement sur les réseaux grand public, puisqu'ils sont surtout utilisés à titre personnel.",
            "answer": False,
            "explanation": "C'est l'inverse : les réseaux grand public servent surtout à un usage personnel, ce qui rend la communication BtoB plus difficile.",
            "section": ("definir-une-strategie", "definir-une-cible"),
        },
        {
            "kind": "numeric",
            "text": "Selon la répartition présentée dans la fiche, quel pourcentage des utilisateurs de réseaux sociaux se contentent de « consommer » le contenu, sans le produire ni le relayer ?",
            "statistic": "regle-1-9-90-consommateurs",
            "tolerance": 5,
            "explanation": "La fiche distingue trois groupes : [[stat:regle-1-9-90-producteurs]] produisent du contenu, [[stat:regle-1-9-90-influenceurs]] le partagent, le commentent ou le diffusent (les influenceurs) et [[stat:regle-1-9-90-consommateurs]] le consomment.",
            "section": ("definir-une-strategie", "identifier-les-influenceurs"),
        },
        {
            "kind": "single",
            "text": "Compte tenu de cette répartition, sur qui la fiche conseille-t-elle de concentrer votre stratégie ?",
            "choices": [
                (
                    "Sur les consommateurs, où se trouve l'essentiel de votre cible, sans oublier les influenceurs",
                    True,
                    "",
                ),
                (
                    "Uniquement sur les influenceurs",
                    False,
                    "Ils sont importants, mais votre cible se trouve surtout parmi les consommateurs.",
                ),
                (
                    "Uniquement sur ceux qui produisent du contenu",
                    False,
                    "Ils sont très peu nombreux ; l'animateur de la communauté en fait d'abord partie.",
                ),
                (
                    "Exclusivement sur les 15 à 25 ans",
                    False,
                    "La fiche note qu'ils utilisent davantage les réseaux, mais chaque entreprise doit partir de sa propre cible.",
                ),
            ],
            "explanation": "Votre cible se trouve surtout parmi ceux qui lisent sans intervenir, mais la fiche demande aussi de viser les influenceurs, qui relaient et commentent le contenu.",
            "section": ("definir-une-strategie", "identifier-les-influenceurs"),
        },
        {
            "kind": "multiple",
            "text": "Animer un réseau prend beaucoup de temps : il faut donc fixer des objectifs. Lesquels la fiche donne-t-elle en exemple ?",
            "choices": [
                ("Augmenter la notoriété de l'entreprise", True, ""),
                ("Trouver des prospects", True, ""),
                (
                    "Faire du crowdsourcing, c'est-à-dire consulter les internautes sur le développement d'un produit",
                    True,
                    "",
                ),
                (
                    "Remplacer entièrement la prospection commerciale",
                    False,
                    "La fiche ne fixe pas un objectif aussi radical.",
                ),
                (
                    "Doubler le chiffre d'affaires en un mois",
                    False,
                    "La fiche ne promet rien de tel et souligne même que le retour sur investissement est difficile à mesurer.",
                ),
            ],
            "explanation": "La fiche cite aussi la fidélisation des clients. Chaque objectif doit s'accompagner d'indicateurs mesurables, comme la hausse du trafic vers votre site ou du nombre de contacts.",
            "section": ("definir-une-strategie", "fixer-des-objectifs"),
        },
        {
            "kind": "single",
            "text": "Quelle organisation la fiche recommande-t-elle pour publier ?",
            "choices": [
                (
                    "Publier avec régularité, réagir vite aux abonnés et s'appuyer sur des processus et une charte éditoriale",
                    True,
                    "",
                ),
                (
                    "Publier seulement lorsque vous avez une promotion à annoncer",
                    False,
                    "La fiche insiste sur la régularité, pas sur des publications occasionnelles.",
                ),
                (
                    "Tout publier d'un coup au lancement de la page, puis la laisser vivre",
                    False,
                    "Une page laissée à l'abandon perd vite son intérêt.",
                ),
                (
                    "Confier la publication à chaque salarié, sans règle commune",
                    False,
                    "La fiche demande justement des processus et une charte éditoriale.",
                ),
            ],
            "explanation": "La fiche suggère aussi de créer des rendez-vous réguliers, par exemple une vidéo de démonstration chaque lundi ou un sondage le premier du mois.",
            "section": ("definir-une-strategie", "publier-avec-regularite"),
        },
        {
            "kind": "single",
            "text": "Comment savoir combien de visiteurs de votre site viennent des réseaux sociaux ?",
            "choices": [
                ("Grâce à un outil d'analyse du trafic de votre site", True, ""),
                (
                    "C'est impossible à savoir",
                    False,
                    "La fiche indique que les outils d'analyse de trafic permettent de repérer ces flux.",
                ),
                (
                    "En comptant le nombre de vos abonnés",
                    False,
                    "Un abonné ne visite pas forcément votre site : ce chiffre ne mesure pas le trafic.",
                ),
                (
                    "En demandant à chaque client comment il vous a connu",
                    False,
                    "Utile parfois, mais ce n'est pas la méthode indiquée par la fiche.",
                ),
            ],
            "explanation": "La fiche cite deux moyens de mesure : l'outil statistique intégré à certains réseaux, comme Facebook, et les outils d'analyse de trafic qui repèrent les visites venues des réseaux sociaux.",
            "section": ("definir-une-strategie", "mesurer-les-resultats"),
        },
    ],
}
