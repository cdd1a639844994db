"""Lesson: Points de vigilance (from the ENE guide)."""

LESSON = {
    "slug": "points-de-vigilance",
    "title": "Points de vigilance",
    "summary": (
        "Les réseaux sociaux ne font pas de miracles : ils demandent du temps, leur rentabilité "
        "se mesure mal et ils ne conviennent pas à toutes les activités. Cette leçon vous aide "
        "à décider si, quand et où vous lancer."
    ),
    "objectives": [
        "Évaluer le temps qu'exige une présence sérieuse sur les réseaux sociaux avant de vous lancer",
        "Expliquer pourquoi le retour sur investissement des réseaux sociaux est difficile à chiffrer",
        "Suivre des signes concrets de la qualité de votre relation client plutôt que le seul chiffre d'affaires",
        "Déterminer si votre secteur et votre clientèle se prêtent aux réseaux sociaux",
        "Envisager les forums spécialisés lorsque vos clients forment une communauté de passionnés",
    ],
    "sources": ["fiche"],
    "body": [
        ("heading", {"text": "Un travail chronophage", "anchor": "un-travail-chronophage"}),
        (
            "text",
            (
                "<p>Les leçons précédentes ont montré tout ce que les réseaux sociaux peuvent vous apporter. "
                "Avant de vous lancer, la fiche de l'Espace Numérique Entreprises (ENE) vous invite pourtant "
                "à garder la tête froide sur trois points : le temps qu'ils réclament, la difficulté à en "
                "mesurer la rentabilité, et le fait qu'ils ne conviennent pas à toutes les entreprises.</p>"
                "<p>Premier constat : une présence sur les réseaux sociaux dévore du temps. Publier, animer "
                "les échanges, répondre aux commentaires… ce travail ne s'arrête jamais vraiment. C'est "
                "pourquoi, selon la fiche, ce n'est pas forcément une priorité quand on démarre une activité, "
                "sauf cas particulier : dans les premiers mois, votre énergie est souvent plus utile ailleurs.</p>"
                "<p>Attention, l'outil n'est pas mauvais pour autant. Bien tenus, les réseaux sociaux peuvent "
                "améliorer très nettement la relation avec vos clients. Mais ce bénéfice a une condition : y "
                "consacrer le temps nécessaire. Mieux vaut donc une présence modeste et suivie qu'une page "
                "ouverte avec enthousiasme puis laissée à l'abandon.</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Avant de vous lancer, posez-vous ces questions",
                "items": [
                    "Combien de temps puis-je réellement y consacrer chaque semaine ?",
                    "Qui répondra aux commentaires et aux messages, et dans quel délai ?",
                    "Mon activité est-elle assez installée pour que ce temps ne soit pas pris sur l'essentiel ?",
                    "Ai-je de quoi publier régulièrement (nouveautés, conseils, coulisses du métier) ?",
                ],
            },
        ),
        (
            "example",
            {
                "title": "Exemple : un salon de coiffure qui ouvre ses portes",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Une coiffeuse ouvre son salon. Les "
                    "premiers mois, entre les travaux, les fournisseurs et les premiers rendez-vous, ses "
                    "journées sont pleines. Plutôt que d'ouvrir des comptes partout à la fois, elle attend "
                    "que le salon tourne, puis démarre sur un seul réseau avec un créneau fixe : une "
                    "demi-heure deux fois par semaine pour publier et répondre aux messages.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Un retour sur investissement difficile à mesurer",
                "anchor": "un-retour-sur-investissement-difficile-a-mesurer",
            },
        ),
        (
            "definition",
            {
                "term": "Retour sur investissement (ROI)",
                "definition": (
                    "<p>Ce que rapporte une action, comparé à ce qu'elle a coûté en argent et en temps. "
                    "Quand ce retour est <i>immatériel</i> (image, confiance, bouche-à-oreille), il ne se "
                    "lit pas directement dans la caisse.</p>"
                ),
            },
        ),
        (
            "text",
            (
                "<p>Deuxième point : la rentabilité. Ce que vous apporte une page d'entreprise relève en "
                "grande partie de l'immatériel, et ce genre de retour est toujours délicat à chiffrer. La "
                "fiche de l'ENE constate d'ailleurs qu'à l'époque de sa rédaction, rares étaient les "
                "entreprises qui parvenaient à faire progresser nettement leur chiffre d'affaires grâce aux "
                "réseaux sociaux.</p>"
                "<p>Conséquence pratique : si soigner la relation client n'est pas votre priorité, d'autres "
                "investissements vous rapporteront sans doute davantage. La fiche cite les <b>liens "
                "commerciaux</b> (les annonces payantes qui s'affichent dans les moteurs de recherche) et "
                "l'<b>e-mailing</b>.</p>"
                "<p>Tout n'est pas perdu pour autant : à défaut de tout traduire en euros, vous pouvez "
                "évaluer la <b>qualité de la relation</b> que vous entretenez avec les internautes.</p>"
            ),
        ),
        (
            "checklist",
            {
                "title": "Ce que vous pouvez observer",
                "items": [
                    "Les conversations positives qui naissent autour de vos produits ou de votre marque",
                    "Les situations de crise que vos échanges sur les réseaux ont permis de débloquer",
                    "Les indicateurs fixés avec vos objectifs (leçon « Définir une stratégie ») : "
                    "trafic vers votre site, nombre de contacts",
                ],
            },
        ),
        (
            "example",
            {
                "title": "Exemple : un caviste",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Un caviste publie chaque semaine sa "
                    "sélection de bouteilles. Impossible de dire combien de ventes ces publications ont "
                    "provoquées. En revanche, il relève les commentaires enthousiastes sous ses idées "
                    "d'accords mets-vins, et ce client mécontent d'une livraison qui, après une réponse "
                    "rapide et une solution, a fini par le remercier publiquement. Ce sont des signes "
                    "tangibles d'une relation client en bonne santé.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "text": "Des outils pas adaptés à toutes les entreprises",
                "anchor": "pas-adapte-a-toutes-les-entreprises",
            },
        ),
        (
            "text",
            (
                "<p>Troisième point : tous les secteurs ne s'y prêtent pas aussi bien. La fiche prend "
                "l'exemple de la vente de produits aux professionnels : la clientèle visée n'était pas "
                "encore habituée à ces outils. On retrouve ici une idée vue au moment de définir sa cible : "
                "une entreprise qui travaille en BtoB a plus de mal à se faire entendre sur des réseaux "
                "grand public, surtout fréquentés à titre personnel.</p>"
                "<p>La bonne question n'est donc pas « faut-il être sur les réseaux sociaux ? », mais "
                "plutôt « mes clients y sont-ils, et qu'y viennent-ils chercher ? ». Si la réponse est "
                "non, le temps que vous y passeriez sera plus utile ailleurs.</p>"
            ),
        ),
        (
            "warning",
            {
                "title": "Point de vigilance",
                "text": (
                    "<p>N'ouvrez pas un compte simplement parce que « tout le monde y est ». Vérifiez "
                    "d'abord que votre clientèle s'y trouve : sinon, vous risquez d'y consacrer beaucoup "
                    "d'efforts pour très peu de retombées.</p>"
                ),
            },
        ),
        ("heading", {"text": "Penser aux forums spécialisés", "anchor": "forums-specialises"}),
        (
            "text",
            (
                "<p>Parfois, le bon endroit pour rencontrer vos clients n'est pas un grand réseau social "
                "mais un forum spécialisé. Selon la fiche de l'ENE, ces forums peuvent même se révéler plus "
                "efficaces, en particulier lorsque votre clientèle forme une communauté de passionnés ou de "
                "collectionneurs : ces amateurs aiment se retrouver entre connaisseurs, là où leur sujet "
                "est traité en profondeur.</p>"
                "<p>Sur un forum, vous êtes d'abord un membre parmi d'autres. Partager votre savoir-faire "
                "et répondre avec précision aux questions des membres vous fera davantage connaître qu'un "
                "message publicitaire, qui risque d'y être mal reçu.</p>"
            ),
        ),
        (
            "example",
            {
                "title": "Exemple : un artisan horloger",
                "text": (
                    "<p><i>Illustration imaginée pour cette leçon.</i> Un artisan qui restaure des montres "
                    "anciennes a peu de chances de toucher sa clientèle avec une page généraliste. Sur un "
                    "forum d'amateurs d'horlogerie, en revanche, ses réponses détaillées aux questions des "
                    "membres font de lui une référence, et certains finissent par lui confier leurs pièces.</p>"
                ),
            },
        ),
        (
            "remark",
            {
                "title": "À retenir",
                "text": (
                    "<ul>"
                    "<li>Les réseaux sociaux demandent du temps : sauf exception, ils ne sont pas prioritaires "
                    "au lancement d'une activité.</li>"
                    "<li>Leur effet sur le chiffre d'affaires se mesure mal ; suivez plutôt la qualité de la "
                    "relation avec vos clients.</li>"
                    "<li>Si la relation client n'est pas votre priorité, liens commerciaux et e-mailing "
                    "seront souvent plus rentables.</li>"
                    "<li>Certaines activités, comme la vente aux professionnels, s'y prêtent moins ; pour "
                    "les passionnés et collectionneurs, un forum spécialisé peut faire mieux.</li>"
                    "</ul>"
                ),
            },
        ),
    ],
}
