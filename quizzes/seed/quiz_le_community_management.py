"""Quiz: Le community management (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-le-community-management",
    "title": "Quiz : le community management",
    "lesson": "le-community-management",
    "intro": "Vérifiez que vous savez ce que fait un community manager et ce que vous pouvez attendre de lui.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "true_false",
            "text": "Selon la fiche de l'ENE, le métier de community manager est né en même temps que les réseaux sociaux.",
            "answer": True,
            "explanation": "La fiche présente le community management comme un métier récent, apparu avec les réseaux sociaux eux-mêmes.",
            "section": ("le-community-management", "le-metier"),
        },
        {
            "kind": "single",
            "text": "D'après la définition citée par la fiche, quel est le rôle du community manager ?",
            "choices": [
                (
                    "Animer et fédérer, pour une entreprise ou une marque, les échanges entre internautes, tout en faisant respecter les règles de bonne conduite de la communauté",
                    True,
                    "",
                ),
                (
                    "Concevoir et mettre à jour le site Internet de l'entreprise",
                    False,
                    "Ce travail relève d'un autre métier ; la définition parle d'animer des échanges.",
                ),
                (
                    "Acheter des espaces publicitaires sur les réseaux",
                    False,
                    "La définition ne parle pas de publicité payante.",
                ),
                (
                    "Traiter les commandes passées en ligne",
                    False,
                    "La définition ne parle pas de logistique ni de vente.",
                ),
            ],
            "explanation": "Le community manager fait vivre les échanges entre internautes au nom de l'entreprise, les rassemble autour d'elle et veille au respect des règles de savoir-vivre dans la communauté.",
            "section": ("le-community-management", "le-metier"),
        },
        {
            "kind": "true_false",
            "text": "Pour la fiche, une entreprise présente sur les réseaux sociaux doit désigner quelqu'un pour jouer le rôle de community manager.",
            "answer": True,
            "explanation": "Être présent sur les réseaux suppose qu'une personne soit clairement chargée de les animer. Dans une petite structure, ce peut être par exemple le dirigeant lui-même : l'essentiel est que la mission soit clairement attribuée.",
            "section": ("le-community-management", "les-missions"),
        },
        {
            "kind": "multiple",
            "text": "Parmi ces tâches, lesquelles la fiche confie-t-elle au community manager ?",
            "choices": [
                ("Alimenter en contenu le ou les profils de l'entreprise", True, ""),
                ("Répondre aux commentaires et aux critiques", True, ""),
                ("Développer le nombre de contacts", True, ""),
                (
                    "Supprimer systématiquement les avis négatifs",
                    False,
                    "La fiche demande de répondre aux critiques, pas de les faire disparaître.",
                ),
                (
                    "Établir les devis et les factures des clients",
                    False,
                    "Ce n'est pas une mission de community management.",
                ),
            ],
            "explanation": "La fiche liste quatre missions : nourrir les profils en contenus, répondre aux commentaires et critiques, encourager les internautes à publier et faire grandir le nombre de contacts.",
            "section": ("le-community-management", "les-missions"),
        },
        {
            "kind": "single",
            "text": "Une cliente publie une critique sur la page de votre salon de coiffure. Quelle attitude correspond aux missions décrites par la fiche ?",
            "choices": [
                (
                    "Lui répondre, car répondre aux commentaires et aux critiques fait partie du rôle du community manager",
                    True,
                    "",
                ),
                (
                    "Supprimer le message sans y répondre",
                    False,
                    "Faire disparaître la critique ne règle rien et ne fait pas partie des missions listées.",
                ),
                (
                    "L'ignorer en espérant que le message passe inaperçu",
                    False,
                    "La fiche range explicitement la réponse aux critiques parmi les missions.",
                ),
                (
                    "Fermer la page pour éviter d'autres critiques",
                    False,
                    "Ce serait renoncer à la relation client que la page doit servir.",
                ),
            ],
            "explanation": "Répondre aux critiques fait partie des tâches que la fiche attribue au community manager. L'exemple du salon de coiffure n'est qu'une illustration.",
            "section": ("le-community-management", "les-missions"),
        },
        {
            "kind": "true_false",
            "text": "Le community manager doit se contenter de publier : encourager les internautes à produire eux-mêmes du contenu ne fait pas partie de ses missions.",
            "answer": False,
            "explanation": "Inciter les internautes à publier figure bien parmi les missions citées par la fiche. C'est aussi ce qui fait vivre une communauté et la fidélise.",
            "section": ("le-community-management", "les-missions"),
        },
    ],
}
