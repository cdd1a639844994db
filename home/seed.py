"""The home page, the site's plain pages, the navigation settings and the demo accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from caching.addresses import configured_site_fields
from figures.models import Statistic

from .models import HomePage, SiteSettings, StandardPage

HOME_PAGE = {
    "title": "Les réseaux sociaux au service de votre entreprise",
    "slug": "accueil",
    "introduction": (
        "<p>Un cours gratuit, en neuf leçons courtes, pour les dirigeants de petites entreprises : "
        "comprendre les réseaux sociaux, fidéliser vos clients, en trouver de nouveaux et leur "
        "répondre. Des quiz vous aident à vérifier ce que vous avez retenu.</p>"
    ),
    "course_call_to_action": "Commencer le cours",
    "figures_title": "Quelques chiffres pour situer l'enjeu",
    "figures_introduction": (
        "Ils ont été publiés en 2013 et 2014 dans les deux documents dont le cours est tiré : ils "
        "montrent l'enjeu à cette époque, pas la situation d'aujourd'hui."
    ),
    "trainers_title": "Vous animez des ateliers ?",
    "trainers_text": (
        "<p>Conseillers de chambre de commerce et formateurs : créez un groupe pour vos "
        "participants, assignez-leur les quiz du cours avec une date limite et suivez leurs "
        "résultats. Demandez un compte formateur à l'équipe du site.</p>"
    ),
}
HOME_FIGURES = ["france-inscrits", "temps-quotidien", "communaute-bons-plans", "twittos-reponse"]

# The accessibility statement in the RGAA's form; its date is the day the site's content is built.
ACCESSIBILITY_STATEMENT = {
    "site_name": "Atelier Réseaux",
    "commitment": "<p>L'équipe d'Atelier Réseaux s'engage à rendre son site accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>",
    "status": "non",
    "rgaa_version": "4.1.2",
    "test_results": "<p>Le site n'a pas encore fait l'objet d'un audit de conformité au RGAA : aucun taux de conformité ne peut donc être annoncé. À chaque évolution, ses pages sont vérifiées avec des outils automatiques et au clavier (voir ci-dessous) ; ces vérifications ne remplacent pas un audit.</p>",
    "non_compliant": "<p>Faute d'audit, la liste des non-conformités n'est pas encore établie. Ce que vous nous signalez est corrigé en priorité.</p>",
    "derogations": "",
    "exempt": "",
    "technologies": "HTML5, CSS, SVG, JavaScript (le site fonctionne aussi sans)",
    "test_environment": "<ul><li>Chromium, sur ordinateur (1280 pixels de large) et sur téléphone (320 et 375 pixels), avec le texte agrandi à 200 %</li><li>navigation au clavier seul</li></ul>",
    "tools": "<ul><li>axe-core</li><li>Lighthouse</li><li>validateur HTML du W3C</li><li>pa11y (HTML_CodeSniffer)</li></ul>",
    "pages_checked": "<ul><li>l'accueil</li><li>la page du cours et chacune de ses leçons</li><li>la liste des quiz, un quiz et son résultat</li><li>les chiffres clés et les ressources</li><li>la recherche</li><li>la connexion et l'inscription</li><li>les mentions légales, cette déclaration et la page sur les données personnelles</li></ul>",
    "feedback": '<p>Si vous n\'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à <a href="mailto:contact@atelier-reseaux.fr">contact@atelier-reseaux.fr</a> : nous vous orienterons vers une autre solution ou vous fournirons le contenu sous une autre forme.</p>',
    "remedies": '<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site un défaut d\'accessibilité qui vous empêche d\'accéder à un contenu ou à un service, et vous n\'avez pas obtenu de réponse satisfaisante.</p><ul><li>écrire un message au Défenseur des droits (<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>) ;</li><li>contacter le délégué du Défenseur des droits dans votre région (<a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des délégués</a>) ;</li><li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>',
}

STANDARD_PAGES = {
    "legal_page": {
        "title": "Mentions légales",
        "slug": "mentions-legales",
        "introduction": "Qui publie ce site, qui l'héberge, et à qui écrire.",
        "body": [
            # The publisher and the host, from the settings (home.legal): never typed here.
            {"type": "legal_notice", "value": None},
            {"type": "heading", "value": "Contenus"},
            {
                "type": "text",
                "value": "<p>Les leçons sont rédigées à partir de la fiche pratique « Réseaux sociaux : outils de prospection et de fidélisation ? » de l'Espace Numérique Entreprises (ENE) et de l'article « Relation client et réseaux sociaux » de Nicolas Lardet. Chaque chiffre indique sa source.</p>",
            },
        ],
    },
    "accessibility_page": {
        "title": "Déclaration d'accessibilité",
        "slug": "accessibilite",
        "introduction": "L'état d'accessibilité du site, ce que nous avons vérifié et comment nous signaler un problème.",
        "body": [{"type": "accessibility_statement", "value": ACCESSIBILITY_STATEMENT}],
    },
    "privacy_page": {
        "title": "Données personnelles",
        "slug": "donnees-personnelles",
        "introduction": "Ce que nous gardons, pourquoi, et pour combien de temps.",
        "body": [
            {"type": "heading", "value": "Ce que nous gardons"},
            {
                "type": "text",
                "value": "<ul><li>pour un compte : votre adresse e-mail, votre prénom et votre nom si vous les indiquez, les leçons lues, vos réponses aux quiz et les ateliers que vous avez rejoints, tant que le compte existe ;</li><li>sans compte : vos réponses aux quiz, liées à votre session, effacées au bout de 30 jours, et les leçons que vous avez lues jusqu'au bout, gardées dans votre session ; si vous créez un compte ou vous connectez depuis ce navigateur, les unes et les autres passent dans votre compte ;</li><li>dans une séance en direct sans compte : votre pseudonyme et vos réponses, effacés au bout de 30 jours ; avec un compte, ils restent liés au compte tant qu'il existe ;</li><li>vos formateurs voient vos résultats aux quiz qu'ils vous ont assignés, et seulement ceux-là.</li></ul>",
            },
            {"type": "heading", "value": "Connexions et sécurité"},
            {
                "type": "text",
                "value": "<ul><li>pour protéger les comptes contre les mots de passe essayés en série, chaque connexion, réussie ou non, est notée avec l'adresse e-mail saisie, l'adresse IP et le navigateur : ces traces sont effacées au bout de 30 jours, et dès la suppression du compte concerné ;</li><li>une session de connexion expire au bout de deux semaines et est alors effacée ;</li><li>une inscription jamais activée par le lien envoyé par e-mail est effacée au bout de 7 jours.</li></ul>",
            },
            {"type": "heading", "value": "Formations : émargement et attestations"},
            {
                "type": "text",
                "value": "<p>Dans un atelier, l'organisme de formation doit garder la preuve de la formation (obligation légale, article L6353-1 du Code du travail et règles des financeurs) :</p><ul><li>les feuilles d'émargement (votre nom, l'heure et votre signature pour chaque séance) sont gardées 6 ans après la fin de l'année du dernier paiement de la formation ;</li><li>les attestations de fin de formation et les certificats de réalisation (votre nom, la formation, votre présence et vos résultats) sont gardés 3 ans après la fin de l'année du dernier paiement de la formation ; passé ce délai, leur adresse de vérification indique seulement qu'ils ont existé ;</li><li>les convocations et rappels envoyés pour l'atelier (votre nom, l'adresse e-mail à laquelle ils sont partis et leur date) sont gardés 3 ans après la fin de l'année du dernier paiement de la formation : ils prouvent que vous avez été informé du programme avant la formation.</li></ul><p>Dans un atelier commencé, vos réponses à ses quiz restent aussi, détachées de votre compte et de votre e-mail, 3 ans après la fin de l'année du dernier paiement de la formation, pour que les résultats du groupe restent ceux de la formation ; si le formateur a rouvert votre test d'entrée, cette réouverture et son motif restent aussi, sans votre nom, jusqu'à la même date : elle dit laquelle de vos réponses compte.</p><p>Si vous supprimez votre compte, tout le reste est effacé, mais ces pièces restent, sous votre nom, jusqu'à la fin de leur durée de conservation : le RGPD le permet pour une obligation légale. Elles sont ensuite effacées automatiquement.</p>",
            },
            {"type": "heading", "value": "Cookies"},
            {
                "type": "text",
                "value": "<p>Le site ne dépose que les cookies nécessaires à son fonctionnement, et lui seul : aucun traceur publicitaire, aucun outil de mesure d'audience. Voici chacun d'eux.</p><ul><li><b>csrftoken</b> : protège vos envois de formulaire contre un autre site qui voudrait agir à votre place. Posé quand une page contient un formulaire (connexion, quiz…), gardé un an.</li><li><b>sessionid</b> : votre session. Posé quand vous vous connectez et, sans compte, dès que le site a quelque chose à garder pour vous : un quiz envoyé, une leçon lue jusqu'au bout, une séance en direct rejointe, une page ouverte avec son mot de passe. Il garde alors vos résultats et vos leçons lues jusqu'à votre inscription. Il expire au bout de deux semaines, ou à la déconnexion.</li><li><b>messages</b> : un message à vous montrer sur la page suivante (« Votre compte est activé », par exemple), effacé dès qu'il est affiché.</li><li><b>wagtail_sidebar_collapsed</b> : dans l'espace de rédaction seulement, pour les rédacteurs : retient si le menu est replié.</li></ul>",
            },
            {"type": "heading", "value": "Vos droits"},
            {
                "type": "text",
                "value": "<p>Depuis « Mon espace », vous pouvez télécharger vos données ou supprimer votre compte. Pour toute question : contact@atelier-reseaux.fr.</p>",
            },
        ],
    },
}

CREDITS = (
    "<p>Contenus rédigés à partir de la fiche pratique « Réseaux sociaux : outils de prospection "
    "et de fidélisation ? » de l'Espace Numérique Entreprises (ENE) et de l'article « Relation "
    "client et réseaux sociaux » de Nicolas Lardet, publiés en 2013 et 2014. Chaque chiffre "
    "indique sa source et sa date : l'année de l'étude quand la source la donne, sinon l'époque "
    "de sa publication.</p>"
)

# What search engines and link previews read of the pages outside the page tree, each its own;
# and the one contact the seed pages already give. The publisher's other facts and the host's are
# the editors' to fill in (the legal notice leaves out what is missing, and the admin says it).
SETTINGS_TEXTS = {
    "site_description": "Atelier Réseaux : un cours gratuit, des quiz et des chiffres clés pour utiliser les réseaux sociaux dans une petite entreprise.",
    "quiz_index_description": "Tous les quiz du cours, leçon par leçon, et le quiz final : vérifiez ce que vous avez retenu, avec une correction expliquée.",
    "search_description": "Cherchez dans les leçons, les chiffres clés et les ressources du cours sur les réseaux sociaux pour les petites entreprises.",
    "login_description": "Connectez-vous pour retrouver votre progression dans le cours, vos résultats aux quiz et vos ateliers.",
    "signup_description": "Créez un compte gratuit pour garder votre progression dans le cours, vos résultats aux quiz et rejoindre un atelier.",
    "password_reset_description": "Mot de passe oublié : recevez par e-mail un lien pour en choisir un nouveau et retrouver votre compte.",
    "share_image_alt": "Atelier Réseaux, les réseaux sociaux pour votre entreprise : cours gratuit en ligne.",
    "contact_email": "contact@atelier-reseaux.fr",
}

# Development only: these passwords are printed by `make run` and listed in the README.
# (e-mail, password, first name, last name, group, superuser)
DEMO_ACCOUNTS = [
    ("admin@atelier-reseaux.test", "Admin-demo-2026", "Agathe", "Durand", None, True),
    ("editeur@atelier-reseaux.test", "Editeur-demo-2026", "Élise", "Moreau", "Editors", False),
    (
        "moderateur@atelier-reseaux.test",
        "Moderateur-demo-2026",
        "Marc",
        "Petit",
        "Moderators",
        False,
    ),
    (
        "formatrice@atelier-reseaux.test",
        "Formatrice-demo-2026",
        "Fanny",
        "Lambert",
        "Trainers",
        False,
    ),
    ("apprenant@atelier-reseaux.test", "Apprenant-demo-2026", "Alain", "Bernard", None, False),
]


def site_root():
    """The tree's root; recreated as Wagtail's migrations make it if the database was flushed."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Racine", slug="root"))
    return root


def build_home():
    home = HomePage.objects.first()
    if home:
        return home, False
    root = site_root()
    welcome = Page.objects.filter(depth=2, content_type__model="page").first()
    home = HomePage(**HOME_PAGE)
    home.key_figures = [
        {"type": "key_figure", "value": {"statistic": pk}}
        for pk in Statistic.objects.filter(slug__in=HOME_FIGURES).values_list("pk", flat=True)
    ]
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            **configured_site_fields(),
            "root_page": home,
            "site_name": "Atelier Réseaux",
        },
    )
    if welcome and not welcome.get_children().exists():
        welcome.delete()
    return home, True


def finish_home(home, course):
    """Link the home page to the course once both exist (only if the editor has not chosen)."""
    if home.course_page_id is None:
        home.course_page = course
        home.save_revision().publish()


def build_standard_pages(home):
    pages, created = {}, 0
    for field, data in STANDARD_PAGES.items():
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = StandardPage(**dated(data))
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        pages[field] = page
    return pages, created


def dated(data):
    """A page's seed with today's date where its content is dated (the accessibility statement
    is established the day the content is built)."""
    body = [
        {**block, "value": {**block["value"], "established_on": timezone.localdate().isoformat()}}
        if block["type"] == "accessibility_statement"
        else block
        for block in data["body"]
    ]
    return {**data, "body": body}


def build_settings(site, pages):
    """Fill only the settings that are still empty: an editor's choice is kept."""
    settings = SiteSettings.for_site(site)
    for field, page in pages.items():
        if getattr(settings, f"{field}_id") is None:
            setattr(settings, field, page)
    if not settings.credits:
        settings.credits = CREDITS
    for field, text in SETTINGS_TEXTS.items():
        if not getattr(settings, field):
            setattr(settings, field, text)
    settings.save()


def build_demo_accounts():
    User = get_user_model()
    lines = []
    for email, password, first_name, last_name, group, superuser in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            factory = User.objects.create_superuser if superuser else User.objects.create_user
            user = factory(
                email=email, password=password, first_name=first_name, last_name=last_name
            )
            if group:
                user.groups.add(Group.objects.get_or_create(name=group)[0])
        lines.append(
            f"  {email:34} {password:22} {group or ('superuser' if superuser else 'learner')}"
        )
    return lines
