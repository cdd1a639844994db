"""The key-figures page: its sections, in reading order."""

KEY_FIGURES_PAGE = {
    "title": "Chiffres clés",
    "slug": "chiffres-cles",
    "introduction": (
        "<p>Les chiffres cités dans le cours, réunis en un seul endroit. Ils ont été publiés en "
        "2013 et 2014, dans les deux documents dont le cours est tiré. Chacun indique sa source "
        "et sa date : l'année de l'étude quand la source la donne, ce qui est rare (2013 ou "
        "2014), sinon l'époque de sa publication. Lisez-les comme un repère de ces années-là, "
        "pas comme une mesure d'aujourd'hui.</p>"
    ),
    "sections": [
        {
            "title": "Les usages en France",
            "anchor": "usages-en-france",
            "introduction": "Combien de Français étaient inscrits sur les réseaux sociaux, et combien de temps ils y passaient.",
            "items": [
                ("chart", "france-usage"),
                ("figure", "france-inscrits"),
                ("figure", "france-actifs"),
                ("figure", "temps-quotidien"),
                ("figure", "contact-prefere-reseaux"),
            ],
        },
        {
            "title": "Les cinq principaux réseaux",
            "anchor": "cinq-reseaux",
            "introduction": "Être inscrit ne voulait pas dire être actif : l'écart variait beaucoup d'un réseau à l'autre.",
            "items": [("chart", "reseaux-inscrits-actifs")],
        },
        {
            "title": "Les marques et leurs clients",
            "anchor": "marques-et-clients",
            "introduction": "Ce que les réseaux apportaient aux marques, et la manière dont elles y répondaient à leurs clients.",
            "items": [
                ("figure", "socionautes-fans-marque"),
                ("figure", "socionautes-nouveaux-clients"),
                ("figure", "socionautes-avis"),
                ("chart", "plateforme-prioritaire"),
                ("figure", "facebook-twitter-utilisation"),
                ("chart", "reclamations-reponses"),
                ("figure", "clients-satisfaits-reponse"),
                ("figure", "communaute-bons-plans"),
                ("chart", "regle-1-9-90"),
            ],
        },
        {
            "title": "L'adoption par les entreprises",
            "anchor": "entreprises",
            "introduction": "En 2013, les médias sociaux restaient surtout l'affaire des grandes entreprises.",
            "items": [
                ("figure", "entreprises-10-sans-medias-sociaux"),
                ("figure", "entreprises-250-medias-sociaux"),
            ],
        },
        {
            "title": "Ce que les internautes attendent",
            "anchor": "attentes",
            "introduction": "Le public attendait des marques autre chose que de la publicité.",
            "items": [
                ("chart", "attentes-internautes"),
                ("chart", "marques-presence"),
                ("figure", "influence-like"),
            ],
        },
    ],
}
