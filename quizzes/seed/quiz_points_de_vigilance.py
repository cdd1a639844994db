"""Quiz: Points de vigilance (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-points-de-vigilance",
    "title": "Quiz : points de vigilance",
    "lesson": "points-de-vigilance",
    "intro": "Vérifiez que vous connaissez les limites des réseaux sociaux avant d'y investir votre temps.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "Vous venez de créer votre activité de traiteur. Que dit la fiche de l'ENE de la place des réseaux sociaux à ce stade ?",
            "choices": [
                (
                    "Sauf exception, ils ne sont pas forcément prioritaires au démarrage, car ils prennent beaucoup de temps",
                    True,
                    "",
                ),
                (
                    "Ils sont indispensables dès le premier jour",
                    False,
                    "La fiche estime au contraire qu'ils ne sont pas nécessairement prioritaires au lancement.",
                ),
                (
                    "Ils sont à éviter dans tous les cas",
                    False,
                    "La fiche leur reconnaît un vrai intérêt pour la relation client, à condition d'y consacrer du temps.",
                ),
                (
                    "Ils ne demandent que quelques minutes par mois",
                    False,
                    "La fiche souligne au contraire qu'ils sont chronophages : animation, réponses aux commentaires…",
                ),
            ],
            "explanation": "Les réseaux sociaux demandent beaucoup de temps. Au lancement d'une activité, la fiche considère donc qu'ils ne passent pas forcément en premier, sauf cas particulier. L'exemple du traiteur n'est qu'une illustration.",
            "section": ("points-de-vigilance", "un-travail-chronophage"),
        },
        {
            "kind": "true_false",
            "text": "Pour la fiche, les réseaux sociaux peuvent nettement améliorer la relation client, pour peu que vous leur consacriez assez de temps.",
            "answer": True,
            "explanation": "Animer la page et répondre aux commentaires prend du temps : c'est à ce prix que les réseaux deviennent un bon outil de relation client.",
            "section": ("points-de-vigilance", "un-travail-chronophage"),
        },
        {
            "kind": "true_false",
            "text": "D'après la fiche, beaucoup d'entreprises parviennent déjà à augmenter fortement leur chiffre d'affaires grâce aux réseaux sociaux.",
            "answer": False,
            "explanation": "La fiche constate au contraire que peu d'entreprises y arrivent pour l'instant. Le retour sur un investissement immatériel reste difficile à évaluer.",
            "section": ("points-de-vigilance", "un-retour-sur-investissement-difficile-a-mesurer"),
        },
        {
            "kind": "single",
            "text": "Si la relation client ne figure pas parmi vos priorités, quels investissements la fiche juge-t-elle plus rentables que les réseaux sociaux ?",
            "choices": [
                ("Les liens commerciaux et l'e-mailing", True, ""),
                (
                    "L'ouverture de comptes sur un maximum de réseaux",
                    False,
                    "Multiplier les comptes multiplie surtout le temps à y consacrer.",
                ),
                (
                    "Les forums spécialisés",
                    False,
                    "La fiche les recommande pour certaines communautés de passionnés, pas comme alternative générale.",
                ),
                (
                    "Le recrutement d'un community manager à plein temps",
                    False,
                    "La fiche ne donne pas ce conseil ; ce serait encore un investissement dans les réseaux sociaux.",
                ),
            ],
            "explanation": "Quand la relation client n'est pas au cœur de votre stratégie, la fiche estime que les liens commerciaux et l'e-mailing rapporteront davantage que les réseaux sociaux.",
            "section": ("points-de-vigilance", "un-retour-sur-investissement-difficile-a-mesurer"),
        },
        {
            "kind": "multiple",
            "text": "Le retour sur investissement est difficile à chiffrer. Que pouvez-vous tout de même mesurer, selon la fiche, pour juger la qualité de votre relation avec les internautes ?",
            "choices": [
                ("Les conversations positives autour de vos produits ou de votre marque", True, ""),
                ("Les situations de crise que vous avez réussi à débloquer", True, ""),
                (
                    "Le gain exact de chiffre d'affaires dû à chaque publication",
                    False,
                    "C'est justement ce que la fiche juge difficile à estimer.",
                ),
                (
                    "Le nombre de concurrents présents sur le réseau",
                    False,
                    "Ce chiffre ne dit rien de la qualité de votre relation client.",
                ),
            ],
            "explanation": "À défaut d'un retour sur investissement chiffré, la fiche propose d'observer la qualité de la relation : les échanges positifs générés autour de vous et les crises désamorcées.",
            "section": ("points-de-vigilance", "un-retour-sur-investissement-difficile-a-mesurer"),
        },
        {
            "kind": "single",
            "text": "Quel type d'activité la fiche cite-t-elle comme se prêtant moins bien aux réseaux sociaux ?",
            "choices": [
                (
                    "La vente de produits aux professionnels",
                    True,
                    "La fiche explique que cette cible n'est pas encore familiarisée avec ces outils.",
                ),
                (
                    "Les commerces de proximité",
                    False,
                    "La fiche ne range pas ce type de commerce parmi les secteurs moins adaptés.",
                ),
                (
                    "Les marques qui s'adressent au grand public",
                    False,
                    "La fiche ne les cite pas : c'est la vente aux professionnels qu'elle pointe.",
                ),
                (
                    "Les entreprises qui recrutent",
                    False,
                    "Le recrutement est au contraire cité comme un usage possible des réseaux sociaux.",
                ),
            ],
            "explanation": "Selon la fiche, la vente aux professionnels se prête moins bien aux réseaux sociaux, car la cible n'est pas encore à l'aise avec ces outils.",
            "section": ("points-de-vigilance", "pas-adapte-a-toutes-les-entreprises"),
        },
        {
            "kind": "single",
            "text": "Vous vendez du matériel pour collectionneurs de timbres. Quel canal la fiche vous invite-t-elle à ne pas négliger ?",
            "choices": [
                ("Les forums spécialisés", True, ""),
                (
                    "Facebook exclusivement",
                    False,
                    "Pour une communauté de passionnés, la fiche note qu'un forum spécialisé est parfois plus efficace.",
                ),
                (
                    "Twitter exclusivement",
                    False,
                    "La fiche ne cite pas Twitter pour ce type de communauté.",
                ),
                (
                    "Aucun canal en ligne",
                    False,
                    "Les passionnés échangent volontiers en ligne, notamment sur des forums.",
                ),
            ],
            "explanation": "Pour toucher des passionnés ou des collectionneurs, la fiche observe que les forums spécialisés donnent parfois de meilleurs résultats que les réseaux sociaux. L'exemple des timbres n'est qu'une illustration.",
            "section": ("points-de-vigilance", "forums-specialises"),
        },
    ],
}
