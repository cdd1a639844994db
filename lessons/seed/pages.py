"""The course page and the resources page."""

COURSE_PAGE = {
    "title": "Les réseaux sociaux pour votre entreprise",
    "slug": "cours",
    "introduction": (
        "<p>Neuf leçons courtes pour comprendre les réseaux sociaux et décider comment les mettre "
        "au service de votre entreprise : garder vos clients, en trouver de nouveaux, et leur "
        "répondre là où ils vous parlent. Chaque leçon se termine par un quiz pour vérifier ce que "
        "vous avez retenu.</p>"
    ),
    "audience": (
        "<p>Aux dirigeants de petites entreprises, commerçants, artisans et indépendants qui "
        "se demandent s'ils doivent être présents sur les réseaux sociaux, et comment s'y prendre "
        "sans y perdre leurs journées. Aucune connaissance technique n'est nécessaire.</p>"
    ),
    "outcomes": (
        "<ul><li>distinguer les réseaux sociaux selon leur vocation, leur ouverture et leur "
        "modèle économique ;</li><li>choisir une cible, des objectifs et des indicateurs "
        "mesurables ;</li><li>animer une communauté et organiser la publication ;</li>"
        "<li>répondre à vos clients sur les réseaux et en mesurer les limites.</li></ul>"
    ),
}

RESOURCES_PAGE = {
    "title": "Ressources",
    "slug": "ressources",
    "introduction": (
        "<p>Pour aller plus loin : les lectures conseillées par la fiche pratique de l'Espace "
        "Numérique Entreprises. Ce sont des liens externes de l'époque du guide ; certains ont pu "
        "changer d'adresse ou disparaître.</p>"
    ),
}
