"""Quiz: Comprendre les réseaux sociaux (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-comprendre-les-reseaux-sociaux",
    "title": "Quiz : comprendre les réseaux sociaux",
    "lesson": "comprendre-les-reseaux-sociaux",
    "intro": "Vérifiez que vous savez ce qu'est un réseau social et comment distinguer les plateformes avant d'y engager votre entreprise.",
    "pass_mark": 60,
    "questions": [
        # Pour commencer: two opinions, neither right nor wrong and counted in no score, that a
        # trainer can project to open a workshop (and that a self-learner may skip).
        {
            "kind": "poll",
            "text": "Pour commencer : votre entreprise est-elle déjà présente sur les réseaux sociaux ?",
            "choices": [
                "Oui, sur plusieurs réseaux",
                "Oui, sur un seul réseau",
                "Pas encore, mais j'y pense",
                "Non, et je ne sais pas par où commencer",
            ],
        },
        {
            "kind": "scale",
            "text": "Pour commencer : à quel point vous sentez-vous à l'aise avec les réseaux sociaux pour votre entreprise ?",
            "scale": "1-5",
            "low_label": "Pas du tout à l'aise",
            "high_label": "Tout à fait à l'aise",
        },
        {
            "kind": "single",
            "text": "D'après la fiche de l'ENE, quelle description correspond le mieux à un réseau social ?",
            "choices": [
                (
                    "Une sorte d'annuaire où particuliers et organisations se mettent en relation lorsqu'ils partagent des intérêts",
                    True,
                    "",
                ),
                (
                    "Un moteur de recherche qui classe les sites Internet",
                    False,
                    "C'était la vocation de Google à sa création, pas celle d'un réseau social.",
                ),
                (
                    "Un espace publicitaire que l'on loue pour diffuser ses annonces",
                    False,
                    "La publicité finance beaucoup de réseaux, mais elle ne les définit pas.",
                ),
                (
                    "Une boutique en ligne réservée aux professionnels",
                    False,
                    "Vendre en ligne n'est qu'un usage possible parmi d'autres.",
                ),
            ],
            "explanation": "La fiche présente le réseau social comme un annuaire de personnes physiques et morales (entreprises, organisations) dont l'objectif est de créer des liens entre membres qui ont des intérêts communs. Votre entreprise peut donc y figurer au même titre que vos clients.",
            "section": ("comprendre-les-reseaux-sociaux", "definition"),
        },
        {
            "kind": "single",
            "text": "Vous cherchez à développer vos contacts professionnels. Quels réseaux la fiche range-t-elle parmi les réseaux spécialisés dans ce domaine ?",
            "choices": [
                ("Viadeo et LinkedIn", True, ""),
                (
                    "Facebook et Google+",
                    False,
                    "La fiche les classe parmi les réseaux généralistes, qui mélangent amis, clients et marques.",
                ),
                (
                    "Copainsdavant et Trombi",
                    False,
                    "Ces réseaux servent à retrouver d'anciens camarades de classe.",
                ),
                ("Voisineo", False, "Ce réseau met en relation des voisins."),
            ],
            "explanation": "Certains réseaux ont une vocation précise : contacts professionnels pour Viadeo et LinkedIn, anciens camarades de classe pour Copainsdavant et Trombi, voisinage pour Voisineo. Facebook et Google+ (qui existait encore à l'époque de la fiche) sont, eux, généralistes.",
            "section": ("comprendre-les-reseaux-sociaux", "vocation-premiere"),
        },
        {
            "kind": "true_false",
            "text": "Sur un réseau social, chaque membre est tenu de remplir toutes les rubriques de son profil : employeur, date de naissance, situation maritale, loisirs…",
            "answer": False,
            "explanation": "Selon la fiche, c'est l'utilisateur qui décide du niveau de détail de son profil. Ces informations, quand elles sont fournies, servent à rapprocher les membres et à former des communautés d'intérêts.",
            "section": ("comprendre-les-reseaux-sociaux", "informations-utilisateurs"),
        },
        {
            "kind": "single",
            "text": "Sur des réseaux comme LinkedIn ou Viadeo, que voyez-vous en général du profil d'un membre avec lequel vous n'êtes pas en relation ?",
            "choices": [
                ("Seulement une partie de son profil", True, ""),
                (
                    "La totalité de son profil, comme n'importe quel internaute",
                    False,
                    "Selon la fiche, les réseaux entièrement ouverts à tous sont peu nombreux ; elle cite Voisineo en exemple.",
                ),
                (
                    "Son profil complet, à condition de payer un abonnement",
                    False,
                    "La fiche ne présente pas l'accès aux profils comme une option payante : il faut être en relation avec ce membre ou connecté au réseau.",
                ),
                (
                    "Uniquement les publicités qu'il a consultées",
                    False,
                    "Ces données ne sont pas affichées aux autres membres.",
                ),
            ],
            "explanation": "La plupart des réseaux ne montrent qu'une partie du profil de leurs membres : pour en voir davantage, vous devez être en relation avec la personne ou connecté au réseau. Facebook, de son côté, laisse chaque utilisateur régler la diffusion de ses informations selon le type de contact.",
            "section": ("comprendre-les-reseaux-sociaux", "ouverture"),
        },
        {
            "kind": "single",
            "text": "Selon la fiche, comment la plupart des réseaux sociaux gagnent-ils principalement leur argent ?",
            "choices": [
                (
                    "En vendant des espaces publicitaires, souvent ciblés grâce aux informations des membres",
                    True,
                    "C'est l'exemple de Facebook donné par la fiche.",
                ),
                (
                    "En faisant payer un abonnement à tous leurs membres",
                    False,
                    "Certains réseaux ont une offre payante, mais en complément d'un service de base gratuit.",
                ),
                (
                    "En prélevant une commission sur les ventes des entreprises inscrites",
                    False,
                    "La fiche ne mentionne pas ce modèle.",
                ),
                (
                    "Grâce à des subventions publiques",
                    False,
                    "La fiche ne mentionne pas ce mode de financement.",
                ),
            ],
            "explanation": "Les réseaux sociaux sont des entreprises qui vivent surtout de la publicité. Facebook, par exemple, s'appuie sur les données fournies par ses utilisateurs pour leur afficher des annonces ciblées.",
            "section": ("comprendre-les-reseaux-sociaux", "modele-economique"),
        },
        {
            "kind": "multiple",
            "text": "À l'époque de la fiche, Viadeo proposait une offre « freemium ». Que permettait sa partie payante ?",
            "choices": [
                ("Savoir qui a consulté votre profil", True, ""),
                ("Ajouter des contacts sans restriction", True, ""),
                ("Créer un groupe thématique", True, ""),
                (
                    "Placer votre site en tête des résultats de Google",
                    False,
                    "Aucune offre de réseau social décrite par la fiche ne promet cela.",
                ),
                (
                    "Consulter les fiches clients de vos concurrents",
                    False,
                    "La fiche ne cite rien de tel.",
                ),
            ],
            "explanation": "Le freemium associe un service minimum gratuit à une offre payante qui ajoute des fonctions. Chez Viadeo, la fiche cite aussi la possibilité d'inscrire un événement à l'agenda du réseau.",
            "section": ("comprendre-les-reseaux-sociaux", "modele-economique"),
        },
        {
            "kind": "true_false",
            "text": "Pour la fiche, les réseaux sociaux ne sont qu'une partie d'un ensemble plus vaste : les médias sociaux.",
            "answer": True,
            "explanation": "Les médias sociaux regroupent tous les outils qui facilitent les échanges, la collaboration et le partage de contenus ; les réseaux sociaux, eux, se concentrent sur les liens entre une personne et ses contacts. La frontière reste floue : Google, moteur de recherche à sa création en 1998, et Facebook, réseau social fondé en 2004, offrent aujourd'hui des services qui débordent largement leur catégorie d'origine.",
            "section": ("comprendre-les-reseaux-sociaux", "medias-sociaux-et-reseaux-sociaux"),
        },
    ],
}
