"""Quiz: Le Social CRM (from the ENE guide)."""

QUIZ = {
    "slug": "quiz-le-social-crm",
    "title": "Quiz : le Social CRM",
    "lesson": "le-social-crm",
    "intro": "Vérifiez que vous savez ce qu'est le Social CRM et ce que ses outils peuvent vous apprendre sur vos clients.",
    "pass_mark": 60,
    "questions": [
        {
            "kind": "single",
            "text": "Selon la fiche de l'ENE, que désigne le Social CRM ?",
            "choices": [
                (
                    "Le fait, pour une entreprise, de relier son activité sur les réseaux sociaux à la gestion de sa relation client",
                    True,
                    "",
                ),
                (
                    "Un réseau social réservé aux commerciaux",
                    False,
                    "Ce n'est pas un réseau, mais une façon de gérer la relation client.",
                ),
                (
                    "Un logiciel de comptabilité pour les petites entreprises",
                    False,
                    "Le Social CRM concerne la relation client, pas la comptabilité.",
                ),
                (
                    "La publicité payante diffusée sur les réseaux sociaux",
                    False,
                    "Il ne s'agit pas de publicité, mais de relier vos échanges sur les réseaux à votre suivi client.",
                ),
            ],
            "explanation": "Le Social CRM consiste à relier ce que vous faites sur les réseaux sociaux à la gestion de votre relation client, au lieu de traiter les deux séparément.",
            "section": ("le-social-crm", "definition-du-social-crm"),
        },
        {
            "kind": "true_false",
            "text": "Dans « Social CRM », le sigle CRM signifie Customer Relationship Management, c'est-à-dire gestion de la relation client.",
            "answer": True,
            "explanation": "C'est bien la traduction donnée par la fiche : le Social CRM, c'est la gestion de la relation client enrichie par les réseaux sociaux.",
            "section": ("le-social-crm", "definition-du-social-crm"),
        },
        {
            "kind": "single",
            "text": "Pourquoi les réseaux sociaux intéressent-ils la gestion de la relation client, selon la fiche ?",
            "choices": [
                (
                    "Parce qu'en dehors des coordonnées et des dernières commandes, vous savez peu de choses sur les envies et centres d'intérêt de vos clients, et que les réseaux offrent beaucoup d'informations",
                    True,
                    "",
                ),
                (
                    "Parce qu'ils donnent accès aux coordonnées bancaires des clients",
                    False,
                    "Il n'en est évidemment pas question : la fiche parle d'envies et de centres d'intérêt.",
                ),
                (
                    "Parce qu'ils remplacent le fichier client",
                    False,
                    "La fiche parle d'enrichir la connaissance client, pas de remplacer vos outils.",
                ),
                (
                    "Parce qu'ils permettent de vendre sans site Internet",
                    False,
                    "Cet usage existe mais ne répond pas à la question de la connaissance client.",
                ),
            ],
            "explanation": "Connaître les goûts et les attentes de vos clients et prospects est difficile. Les réseaux sociaux ouvrent un large champ d'informations personnelles qui pourraient vous y aider.",
            "section": ("le-social-crm", "mieux-connaitre-ses-clients"),
        },
        {
            "kind": "multiple",
            "text": "À l'époque de la fiche, que permettaient déjà les outils statistiques du marché ?",
            "choices": [
                ("Mesurer « l'humeur » d'une communauté", True, ""),
                ("Repérer des ambassadeurs de l'entreprise", True, ""),
                (
                    "Connaître avec précision les envies de chacun de vos clients",
                    False,
                    "La fiche précise que les outils ne permettaient pas encore de collecter des informations aussi pointues.",
                ),
                (
                    "Prévoir automatiquement vos ventes du mois suivant",
                    False,
                    "La fiche n'attribue pas cette capacité à ces outils.",
                ),
            ],
            "explanation": "Sans atteindre une connaissance fine de chaque client, ces outils s'en approchaient : ils mesuraient l'état d'esprit d'une communauté et aidaient à identifier ceux qui défendent votre entreprise.",
            "section": ("le-social-crm", "les-outils-de-mesure"),
        },
        {
            "kind": "true_false",
            "text": "Les outils d'analyse du Social CRM donnent des résultats utiles même pour une page qui ne compte qu'une poignée d'abonnés.",
            "answer": False,
            "explanation": "Selon la fiche, ces outils supposent une communauté suffisamment importante pour être analysée. Avec quelques abonnés seulement, il y a trop peu de matière.",
            "section": ("le-social-crm", "les-outils-de-mesure"),
        },
        {
            "kind": "single",
            "text": "Quel document la fiche recommande-t-elle pour approfondir le Social CRM ?",
            "choices": [
                (
                    "« Social CRM : vers la relation sociale augmentée », livre blanc d'Atos Consulting et Publicis Consultants",
                    True,
                    "",
                ),
                (
                    "« Initiation aux médias sociaux pour les petites et moyennes entreprises », livre blanc de Valeur d'image",
                    False,
                    "Ce livre blanc explique surtout comment utiliser Facebook.",
                ),
                (
                    "« Créer une page business avec Google+ », dossier du Journal du Net",
                    False,
                    "Ce dossier porte sur la création d'une page Google+.",
                ),
            ],
            "explanation": "La fiche renvoie vers le livre blanc d'Atos Consulting et Publicis Consultants consacré au Social CRM. C'est une ressource externe de l'époque, dont le lien peut ne plus fonctionner.",
            "section": ("le-social-crm", "les-outils-de-mesure"),
        },
    ],
}
