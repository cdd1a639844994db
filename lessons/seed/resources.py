"""The guide's further-reading links: old short links, kept as external and possibly outdated."""

# slug, title, kind, publisher, url, description, tags
RESOURCES = [
    (
        "livre-blanc-valeur-image",
        "Initiation aux médias sociaux pour les petites et moyennes entreprises",
        "white_paper",
        "Valeur d'image",
        "http://slidesha.re/kZuHLb",
        "Un livre blanc pour débuter sur les médias sociaux ; il explique notamment comment "
        "utiliser Facebook.",
        ["débuter", "Facebook"],
    ),
    (
        "jdn-page-google-plus",
        "Créer une page business avec Google+",
        "file",
        "Journal du Net",
        "http://bit.ly/viwzLH",
        "Un dossier qui expliquait comment utiliser Google+ pour une entreprise. Google+ a "
        "depuis fermé : à lire comme un témoignage de l'époque.",
        ["Google+"],
    ),
    (
        "livre-blanc-social-crm",
        "Social CRM : vers la relation sociale augmentée",
        "white_paper",
        "Atos Consulting et Publicis Consultants",
        "http://relationclientaugmentee.fr/",
        "Un livre blanc sur le Social CRM : intégrer les réseaux sociaux à la gestion de la "
        "relation client.",
        ["relation client", "Social CRM"],
    ),
    (
        "jeux-pages-facebook",
        "Exemples de jeux développés pour des pages fan Facebook",
        "examples",
        "",
        "http://bit.ly/ebBLbb",
        "Des exemples de jeux conçus pour animer une page d'entreprise sur Facebook et faire "
        "grandir sa communauté.",
        ["communauté", "Facebook"],
    ),
    (
        "twitter-referencement",
        "Les effets de Twitter sur le référencement naturel",
        "article",
        "",
        "http://bit.ly/jkUUvB",
        "Des blogueurs y décrivent les effets qu'ils ont observés de Twitter sur le "
        "référencement naturel de leur site.",
        ["référencement", "Twitter"],
    ),
]
