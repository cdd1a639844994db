"""Lesson: Comprendre les réseaux sociaux (from the ENE guide)."""

LESSON = {
    "slug": "comprendre-les-reseaux-sociaux",
    "title": "Comprendre les réseaux sociaux",
    "summary": (
        "Qu'est-ce qu'un réseau social, qu'est-ce qui distingue une plateforme d'une autre, et en quoi "
        "diffère-t-il d'un média social ? Les bases pour choisir en connaissance de cause où installer "
        "votre entreprise."
    ),
    "objectives": [
        "Définir ce qu'est un réseau social et ce qu'il peut apporter à une entreprise",
        "Comparer les plateformes selon leur vocation, les informations que livrent leurs membres et leur degré d'ouverture",
        "Expliquer comment les réseaux sociaux se financent, notamment grâce au modèle freemium",
        "Situer les réseaux sociaux au sein de l'ensemble plus large des médias sociaux",
    ],
    "sources": ["fiche"],
    "body": [
        ("heading", {"text": "Qu'est-ce qu'un réseau social ?", "anchor": "definition"}),
        (
            "text",
            (
                "<p>Vous avez sans doute déjà un compte personnel sur un réseau social, peut-être même une "
                "page pour votre commerce. Mais de quoi parle-t-on au juste ? La fiche pratique de l'Espace "
                "Numérique Entreprises (ENE) en donne une image simple : un réseau social ressemble à un grand "
                "annuaire. On y trouve des particuliers, mais aussi des entreprises et des organisations, qui "
                "s'y inscrivent pour entrer en relation avec ceux qui partagent leurs centres d'intérêt.</p>"
                "<p>Longtemps vu comme un simple moyen de prendre contact, il donne aujourd'hui accès, "
                "souligne la fiche, à une foule de services : partage de photos, de vidéos ou de sons, "
                "recommandation de produits, jeux… Pour une entreprise, un seul outil permet ainsi de diffuser "
                "des informations, de se faire connaître, de gagner des clients et même de gérer le service "
                "après-vente.</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Réseau social",
                "definition": (
                    "<p>Plateforme en ligne qui rassemble des personnes et des structures (entreprises, "
                    "associations, organisations) pour leur permettre de tisser des liens autour d'intérêts "
                    "communs.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Pour distinguer les plateformes entre elles, la fiche propose quatre critères : la "
                "vocation première, les informations données par les membres, l'ouverture vers l'extérieur "
                "et le modèle économique.</p>"
            ),
        ),
        ("heading", {"text": "La vocation première", "anchor": "vocation-premiere"}),
        (
            "text",
            (
                "<p>Premier critère : à quoi la plateforme est-elle destinée au départ ? Certaines se sont "
                "spécialisées dans un type de relation bien précis. À l'époque de sa rédaction, la fiche citait "
                "Viadeo et LinkedIn pour les contacts professionnels, Copainsdavant et Trombi pour retrouver "
                "d'anciens camarades de classe, ou encore Voisineo pour échanger entre voisins.</p>"
                "<p>D'autres sont généralistes : on y croise à la fois des amis, des clients et des marques. "
                "Les deux exemples retenus par la fiche sont Facebook et Google+.</p>"
            ),
        ),
        (
            "remark",
            {
                "title": "Des exemples à replacer dans leur époque",
                "text": (
                    "<p>La fiche a été écrite il y a plusieurs années. Depuis, Google+ a fermé, Viadeo a "
                    "beaucoup perdu de son importance et Twitter s'appelle désormais X. Retenez surtout la distinction entre réseaux "
                    "spécialisés et réseaux généralistes : elle reste une bonne grille de lecture pour "
                    "choisir où être présent.</p>"
                ),
            },
        ),
        (
            "example",
            {
                "title": "Exemple : un artisan menuisier",
                "text": (
                    "<p>À titre d'illustration, imaginons un menuisier qui travaille à la fois pour des "
                    "particuliers et pour des architectes. Sur un réseau généraliste, il montrera ses "
                    "réalisations à sa clientèle de proximité. Sur un réseau professionnel, il entretiendra "
                    "plutôt ses relations avec les architectes qui le recommandent.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Les informations sur les utilisateurs",
                "anchor": "informations-utilisateurs",
            },
        ),
        (
            "text",
            (
                "<p>Deuxième critère : ce que les membres racontent d'eux-mêmes. Ce sont ces informations qui "
                "relient les membres entre eux et qui font naître des communautés autour de centres d'intérêt "
                "partagés.</p>"
                "<p>Chacun décide de ce qu'il dévoile. Selon la fiche, un profil peut se limiter à un pseudo "
                "ou, au contraire, brosser un portrait complet : date de naissance, employeur, lieu de vie, "
                "parcours professionnel, loisirs, passions, et même situation maritale. Pour vous, ces "
                "éléments aident à comprendre qui vous suit, même s'ils restent très inégaux d'un membre à "
                "l'autre.</p>"
            ),
        ),
        ("heading", {"text": "L'ouverture vers l'extérieur", "anchor": "ouverture"}),
        (
            "text",
            (
                "<p>Troisième critère : qui peut voir quoi ? La fiche distingue trois cas de figure :</p>"
                "<ul>"
                "<li><b>Les réseaux ouverts à tous les internautes.</b> Ils sont plutôt rares ; la fiche "
                "cite Voisineo.</li>"
                "<li><b>Les réseaux partiellement ouverts</b>, de loin les plus nombreux. Seule une partie "
                "du profil est visible : pour voir le reste, il faut être connecté, ou faire partie des "
                "contacts du membre. C'était le cas, selon la fiche, de LinkedIn, de Xing et de Viadeo.</li>"
                "<li><b>Les réseaux à diffusion réglable</b>, comme Facebook : chaque utilisateur choisit "
                "quelles informations il montre à chaque catégorie de contacts.</li>"
                "</ul>"
                "<p>En pratique : que verra de vous un futur client qui n'est pas inscrit ?</p>"
            ),
        ),
        ("heading", {"text": "Le modèle économique", "anchor": "modele-economique"}),
        (
            "text",
            (
                "<p>Dernier critère : comment la plateforme gagne-t-elle sa vie ? Les réseaux sociaux sont "
                "des entreprises, et la plupart se financent surtout en vendant de l'espace publicitaire, sous forme d'emplacements ou de bannières. Facebook en est "
                "l'exemple type : il se sert des informations que ses membres renseignent pour leur afficher "
                "des publicités ciblées.</p>"
                "<p>D'autres ont fait un choix différent : un service de base gratuit, complété par une "
                "formule payante qui ouvre l'accès à des fonctions supplémentaires. C'est le modèle dit "
                "« freemium ».</p>"
            ),
        ),
        (
            "definition",
            {
                "term": "Freemium",
                "definition": (
                    "<p>De l'anglais « free » (gratuit) et « premium » : modèle où l'essentiel du service "
                    "est offert, tandis que certaines fonctions avancées sont réservées aux abonnés "
                    "payants.</p>"
                ),
            },
        ),
        (
            "remark",
            {
                "title": "Le cas de Viadeo, à l'époque de la fiche",
                "text": (
                    "<p>La fiche prenait l'exemple de l'offre payante de Viadeo, qui permettait notamment :</p>"
                    "<ul>"
                    "<li>de savoir qui était venu voir son profil ;</li>"
                    "<li>d'élargir son carnet de contacts sans restriction ;</li>"
                    "<li>d'inscrire un événement dans l'agenda du réseau ;</li>"
                    "<li>de créer un groupe consacré à un thème.</li>"
                    "</ul>"
                    "<p>Ces offres évoluent : avant tout abonnement payant, vérifiez ce qu'il apporte "
                    "vraiment à votre activité.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Médias sociaux et réseaux sociaux : quelle différence ?",
                "anchor": "medias-sociaux-et-reseaux-sociaux",
            },
        ),
        (
            "text",
            (
                "<p>On emploie souvent les deux expressions l'une pour l'autre. La définition reprise par la "
                "fiche les distingue : les médias sociaux regroupent tous les outils qui aident les "
                "internautes à échanger, à collaborer et à partager des contenus ; les réseaux sociaux, eux, "
                "se concentrent sur les liens entre une personne et ses contacts.</p>"
            ),
        ),
        (
            "quote",
            {
                "text": (
                    "Ils sont donc une sous-partie de ce grand ensemble d'outils que sont les media sociaux."
                ),
                "attribution": "Définition citée dans la fiche pratique ENE",
            },
        ),
        (
            "text",
            (
                "<p>Dans les faits, la frontière est floue. Google a vu le jour en 1998 comme moteur de "
                "recherche, et Facebook en 2004 comme réseau social. Mais tous deux ont tant multiplié leurs "
                "services qu'aucune case ne leur convient : chez l'un comme chez l'autre, on peut discuter, "
                "jouer, acheter, publier et partager photos et vidéos, se géolocaliser ou suivre la vie d'une "
                "communauté. La fiche relevait aussi "
                "que de plus en plus de gens s'informaient par Facebook, tandis que Google se dotait, de son "
                "côté, d'un réseau social : Google+, qui a fermé depuis.</p>"
            ),
        ),
        (
            "remark",
            {
                "title": "À retenir",
                "text": (
                    "<p>Peu importe l'étiquette : ce qui compte, c'est ce que vos clients font sur chaque "
                    "plateforme. Les leçons suivantes montrent comment vous en servir pour les fidéliser, puis "
                    "pour en trouver de nouveaux.</p>"
                ),
            },
        ),
    ],
}
