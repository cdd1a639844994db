"""Lesson: La relation client sur les réseaux sociaux (from the article by Nicolas Lardet)."""

LESSON = {
    "slug": "relation-client-sur-les-reseaux-sociaux",
    "title": "La relation client sur les réseaux sociaux",
    "summary": (
        "Chiffres à l'appui, l'article de Nicolas Lardet montre pourquoi les réseaux sociaux sont "
        "devenus un canal de relation client, et comment y participer réseau par réseau sans lasser "
        "vos clients."
    ),
    "objectives": [
        "Situer la place des réseaux sociaux dans les usages des Français à l'époque de l'article",
        "Comparer les cinq principaux réseaux de l'époque selon leurs inscrits et leurs actifs",
        "Mesurer l'enjeu des réclamations publiées sur les réseaux et l'intérêt d'y répondre",
        "Attribuer à chaque réseau un rôle précis dans votre stratégie de participation",
        "Répondre aux attentes des internautes sans tomber dans la publicité envahissante",
    ],
    "sources": ["article"],
    "body": [
        ("heading", {"text": "Les usages en France", "anchor": "les-usages-en-france"}),
        (
            "text",
            (
                "<p>Cette leçon s'appuie sur l'article « Relation client et réseaux sociaux » de Nicolas "
                "Lardet. Il réunit de nombreux chiffres issus d'études différentes : certaines sont datées "
                "(2013, 2014), d'autres non. Lisez-les comme un instantané de l'époque de l'article, pas "
                "comme une photographie d'aujourd'hui.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Réseau social",
                "definition": (
                    "<p>Dans l'article, un site web sur lequel les internautes échangent des informations "
                    "et des contenus avec les membres des communautés auxquelles ils appartiennent.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Premier enseignement : les réseaux sociaux faisaient déjà partie du quotidien d'une "
                "large part des Français. D'après les estimations de l'agence média We Are Social, "
                "[[stat:france-inscrits]] des Français étaient inscrits sur au moins un réseau, et "
                "[[stat:france-actifs]] y étaient réellement actifs. Les internautes français y "
                "passaient aussi beaucoup de temps chaque jour.</p>"
            ),
        ),
        ("chart", "france-usage"),
        ("key_figure", "temps-quotidien"),
        (
            "text",
            (
                "<p>Ces usages ont une conséquence directe pour vous : selon l'agence The Ambassador Blog, "
                "une partie des clients préférait déjà écrire à une entreprise via les réseaux sociaux "
                "plutôt que de lui téléphoner.</p>"
            ),
        ),
        ("key_figure", "contact-prefere-reseaux"),
        (
            "remark",
            {
                "title": "Ce que cela change pour vous",
                "text": (
                    "<p>Pour une partie de vos clients, laisser un message sur votre page est plus naturel "
                    "que de composer votre numéro. Votre page devient alors un guichet : il faut la "
                    "consulter et y répondre comme vous décrocheriez le téléphone.</p>"
                ),
            },
        ),
        (
            "heading",
            {"text": "Les cinq principaux réseaux", "anchor": "les-cinq-principaux-reseaux"},
        ),
        (
            "text",
            (
                "<p>L'article passe ensuite en revue les cinq principaux réseaux en France à son époque : "
                "Facebook, Google+, Twitter, LinkedIn et Viadeo. Pour chacun, il donne la part des "
                "Français inscrits et celle des Français actifs (l'étude d'origine de ces chiffres n'est "
                "pas nommée dans l'article).</p>"
                "<p>Regardez surtout l'écart entre les deux colonnes. Sur Facebook, presque tous les "
                "inscrits étaient actifs. Sur Google+ ou LinkedIn, en revanche, une bonne partie des "
                "comptes dormaient : être inscrit ne veut pas dire être présent.</p>"
            ),
        ),
        ("chart", "reseaux-inscrits-actifs"),
        (
            "remark",
            {
                "title": "Un paysage qui a changé",
                "text": (
                    "<p>Depuis l'article, Google+ a fermé, Viadeo a beaucoup perdu de son audience et "
                    "Twitter a pris en 2023 le nom de X. "
                    "Retenez surtout la méthode : avant de choisir un réseau, regardez combien de personnes "
                    "y sont réellement actives, et pas seulement combien y ont ouvert un compte.</p>"
                ),
            },
        ),
        (
            "heading",
            {"text": "Les entreprises et les marques", "anchor": "les-entreprises-et-les-marques"},
        ),
        (
            "text",
            (
                "<p>Côté entreprises, la situation variait beaucoup selon la taille. En 2013, selon "
                "l'INSEE, la grande majorité des sociétés françaises d'au moins 10 personnes ne se "
                "servaient pas des médias sociaux, alors que chez les plus de 250 personnes, une part "
                "bien plus importante les utilisait.</p>"
            ),
        ),
        ("key_figure", "entreprises-10-sans-medias-sociaux"),
        ("key_figure", "entreprises-250-medias-sociaux"),
        (
            "text",
            (
                "<p>Les internautes, eux, suivaient déjà les marques. D'après une étude du SNCD menée en "
                "juin-juillet 2013, une part importante des socionautes français (les utilisateurs de "
                "réseaux sociaux) étaient abonnés ou fans d'au moins une marque, et certains étaient même "
                "devenus clients d'une marque grâce aux réseaux.</p>"
            ),
        ),
        ("key_figure", "socionautes-fans-marque"),
        ("key_figure", "socionautes-nouveaux-clients"),
        (
            "text",
            (
                "<p>Quelle plateforme privilégier ? Selon l'institut Social Media Examiner, tout dépend "
                "de votre clientèle. Pour les ventes aux particuliers, [[stat:btoc-facebook-premier]] "
                "plaçaient Facebook en tête, loin devant Twitter. Chez les marketeurs qui vendent "
                "aux professionnels (BtoB), c'est LinkedIn qui arrivait le plus souvent en premier, "
                "Facebook se classant deuxième.</p>"
            ),
        ),
        ("chart", "plateforme-prioritaire"),
        (
            "text",
            (
                "<p>Préférée ou non, une plateforme peut être très utilisée : toujours selon Social Media "
                "Examiner, Facebook et Twitter étaient les deux réseaux de référence, de loin les plus "
                "utilisés, que l'on vende aux particuliers ou aux professionnels.</p>"
            ),
        ),
        ("key_figure", "facebook-twitter-utilisation"),
        (
            "heading",
            {"text": "Des réclamations sans réponse", "anchor": "des-reclamations-sans-reponse"},
        ),
        (
            "definition",
            {
                "term": "E-réputation",
                "definition": (
                    "<p>L'image d'une entreprise ou d'une marque telle qu'elle ressort de ce qui se dit "
                    "d'elle sur Internet : avis, commentaires, messages, articles.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Avec des clients aussi présents en ligne, l'article estime qu'une entreprise peut "
                "difficilement rester absente des réseaux sociaux, ne serait-ce que pour peser sur son "
                "e-réputation. Or beaucoup de réclamations restaient lettre morte. Selon l'agence "
                "PeopleClaim, seule une minorité des twittos mécontents obtenait une réponse à sa "
                "réclamation. Et d'après l'édition 2014 de l'étude Eptica consacrée "
                "aux marques françaises et à l'expérience client omnicanal, moins de la moitié des "
                "e-commerçants de la grande distribution répondaient aux tweets qu'on leur adressait.</p>"
            ),
        ),
        ("chart", "reclamations-reponses"),
        (
            "text",
            (
                "<p>Ce silence coûte cher, car les avis comptent : selon le SNCD, une part notable des "
                "socionautes français en tiennent compte. À l'inverse, répondre paie : d'après l'article, "
                "quand l'organisme prend la peine de répondre, la plupart des clients se disent "
                "satisfaits de la solution proposée.</p>"
            ),
        ),
        ("key_figure", "socionautes-avis"),
        ("key_figure", "clients-satisfaits-reponse"),
        (
            "example",
            {
                "title": "Exemple : un salon de coiffure",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Une cliente se plaint en ligne d'avoir "
                    "attendu quarante minutes malgré son rendez-vous. Le gérant lui répond le jour même, "
                    "publiquement et sans se justifier à l'excès : il s'excuse, explique l'imprévu et lui "
                    "propose d'en parler en message privé pour lui offrir un soin lors de sa prochaine "
                    "visite. Les autres clients qui lisent l'échange voient un salon qui écoute.</p>"
                ),
            },
        ),
        (
            "heading",
            {"text": "Une stratégie de participation", "anchor": "une-strategie-de-participation"},
        ),
        (
            "text",
            (
                "<p>L'article recommande donc d'arrêter une véritable <b>stratégie de participation</b> : "
                "décider, pour chaque réseau, du rôle que vous lui confiez. Voici la répartition qu'il "
                "propose. La « communication corporate » désigne ce que vous dites de l'entreprise "
                "elle-même : ses nouvelles, son équipe, ses engagements.</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Facebook",
                "items": [
                    "Communication corporate",
                    "Animations commerciales : événements, exclusivités…",
                    "Service client",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Google+ (fermé depuis l'article)",
                "items": [
                    "Communication corporate",
                    "Animations commerciales : événements, exclusivités…",
                    "Service client",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Twitter (aujourd'hui X)",
                "items": [
                    "Communication corporate",
                    "Service client",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "LinkedIn",
                "items": [
                    "Communication corporate",
                    "Expertise métiers : montrer votre savoir-faire",
                    "Détection de talents",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Viadeo",
                "items": [
                    "Communication corporate",
                    "Expertise métiers : montrer votre savoir-faire",
                    "Détection de talents",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Blogs et forums",
                "items": [
                    "Veille sur votre entreprise et sur votre métier",
                    "Orientation des internautes vers votre service client",
                ],
            },
        ),
        (
            "text",
            (
                "<p>Une règle d'or accompagne ce tableau : le <b>fond</b> reste le même partout, fidèle aux "
                "principes que vous avez fixés au départ (c'est la cohérence de votre stratégie), mais la "
                "<b>forme</b> et le <b>format</b> s'adaptent à chaque réseau. Selon le cas, vous "
                "publierez des informations sur vos produits et services, des événements, des "
                "exclusivités, des avis, des contributions de clients, des récompenses, des enquêtes ou "
                "des vidéos.</p>"
                "<p>Bien menée, cette participation vous permet aussi de repérer vos clients "
                "<b>ambassadeurs</b>, voire de véritables <b>contributeurs</b> qui enrichissent votre "
                "communauté.</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : un artisan menuisier",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Le même chantier, une bibliothèque "
                    "sur mesure, peut nourrir plusieurs réseaux : sur Facebook, des photos avant-après et "
                    "l'annonce de ses portes ouvertes ; sur LinkedIn, un court texte sur la technique "
                    "d'assemblage choisie, qui met en valeur son expertise ; sur X (anciennement Twitter), des "
                    "réponses "
                    "rapides aux questions de ses clients. Le message reste le même, la forme change.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Ce que les internautes attendent",
                "anchor": "ce-que-les-internautes-attendent",
            },
        ),
        (
            "text",
            (
                "<p>L'article met aussi en garde : inonder prospects et clients de messages finit par "
                "abîmer votre e-réputation. Les internautes se méfiaient déjà des marques : selon "
                "l'institut YSTHAD, une très large majorité des personnes interrogées pensaient que les "
                "marques ne venaient sur les réseaux sociaux que pour faire leur publicité, et seule une "
                "petite minorité y voyait un lieu d'échange libre avec leur public.</p>"
            ),
        ),
        ("chart", "marques-presence"),
        (
            "text",
            (
                "<p>Que faut-il proposer, alors ? Toujours selon YSTHAD, les internautes attendaient cinq "
                "choses des organismes présents sur les réseaux. Les informations exclusives arrivaient "
                "de loin en tête ; venaient ensuite les promotions exclusives, les informations sur les "
                "produits et services, les informations pratiques et enfin les jeux-concours.</p>"
            ),
        ),
        ("chart", "attentes-internautes"),
        (
            "text",
            (
                "<p>Enfin, ne courez pas après les « j'aime » : selon l'agence marketing iAquire, peu "
                "d'internautes étaient influencés par un « like » sur Facebook ou un « +1 » sur "
                "Google. Un contenu utile compte davantage qu'un compteur.</p>"
            ),
        ),
        ("key_figure", "influence-like"),
        (
            "checklist",
            {
                "title": "Pour ne pas lasser votre communauté",
                "items": [
                    "Réservez à vos abonnés des informations qu'ils ne trouveront pas ailleurs",
                    "Proposez de temps en temps une offre exclusive, sans en faire l'essentiel",
                    "Partagez des informations utiles : produits, horaires, conseils pratiques",
                    "Gardez les jeux-concours pour des occasions ponctuelles",
                    "Préférez la conversation au message publicitaire",
                ],
            },
        ),
        (
            "heading",
            {"text": "Le rôle du community manager", "anchor": "le-role-du-community-manager"},
        ),
        (
            "text",
            (
                "<p>Qui s'occupe de tout cela ? Selon l'article, la présence d'un organisme sur les "
                "réseaux sociaux est en général confiée à un community manager. Son travail tient en "
                "trois verbes, au service d'une entreprise ou d'une marque :</p>"
                "<ul>"
                "<li><b>animer</b> les communautés, en les faisant vivre ;</li>"
                "<li><b>modérer</b> les échanges ;</li>"
                "<li><b>fédérer</b> les membres autour de l'entreprise ou de la marque.</li>"
                "</ul>"
                "<p>Vous retrouverez ce métier en détail dans la leçon « Le community management ».</p>"
            ),
        ),
        (
            "remark",
            {
                "title": "Dans une petite entreprise",
                "text": (
                    "<p>Dans une TPE, le community manager, c'est souvent vous, ou un membre de votre "
                    "équipe. L'essentiel est que quelqu'un soit clairement désigné pour répondre, et "
                    "qu'il dispose du temps pour le faire.</p>"
                ),
            },
        ),
    ],
}
