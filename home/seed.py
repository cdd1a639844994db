"""The home page, the site's plain pages, the navigation settings and the demo accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
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

STANDARD_PAGES = {
    "legal_page": {
        "title": "Mentions légales",
        "slug": "mentions-legales",
        "introduction": "Qui publie ce site, qui l'héberge, et à qui écrire.",
        "body": [
            {"type": "heading", "value": "Éditeur"},
            {
                "type": "text",
                "value": "<p>Atelier Réseaux, site de formation en ligne. Contact : contact@atelier-reseaux.fr. À compléter par l'éditeur : raison sociale, adresse, directeur de la publication.</p>",
            },
            {"type": "heading", "value": "Hébergement"},
            {"type": "text", "value": "<p>À compléter : nom et adresse de l'hébergeur.</p>"},
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
        "introduction": "Notre engagement pour un site utilisable par toutes et tous.",
        "body": [
            {"type": "heading", "value": "État de conformité"},
            {
                "type": "text",
                "value": "<p>Le site vise la conformité au RGAA 4.1 (niveau AA du WCAG 2.1). Il n'a pas encore fait l'objet d'un audit complet : cette déclaration sera mise à jour après l'audit.</p>",
            },
            {"type": "heading", "value": "Ce que nous avons prévu"},
            {
                "type": "text",
                "value": "<ul><li>navigation complète au clavier, lien d'évitement vers le contenu ;</li><li>graphiques accompagnés d'un tableau de données ;</li><li>quiz utilisables sans JavaScript, erreurs annoncées et reliées à leur question ;</li><li>contrastes suffisants et mise en page lisible sur téléphone.</li></ul>",
            },
            {"type": "heading", "value": "Nous signaler un problème"},
            {
                "type": "text",
                "value": "<p>Si vous ne pouvez pas accéder à un contenu, écrivez-nous à contact@atelier-reseaux.fr : nous vous répondrons et vous fournirons le contenu sous une autre forme. Vous pouvez aussi saisir le Défenseur des droits.</p>",
            },
        ],
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
                "value": "<p>Dans un atelier, l'organisme de formation doit garder la preuve de la formation (obligation légale, article L6353-1 du Code du travail et règles des financeurs) :</p><ul><li>les feuilles d'émargement (votre nom, l'heure et votre signature pour chaque séance) sont gardées 6 ans après la fin de l'année du dernier paiement de la formation ;</li><li>les attestations de fin de formation et les certificats de réalisation (votre nom, la formation, votre présence et vos résultats) sont gardés 3 ans après la fin de l'année du dernier paiement de la formation ; passé ce délai, leur adresse de vérification indique seulement qu'ils ont existé.</li></ul><p>Dans un atelier commencé, vos réponses à ses quiz restent aussi, détachées de votre compte et de votre e-mail, 3 ans après la fin de l'année du dernier paiement de la formation, pour que les résultats du groupe restent ceux de la formation.</p><p>Si vous supprimez votre compte, tout le reste est effacé, mais ces pièces restent, sous votre nom, jusqu'à la fin de leur durée de conservation : le RGPD le permet pour une obligation légale. Elles sont ensuite effacées automatiquement.</p>",
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
            page = StandardPage(**data)
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        pages[field] = page
    return pages, created


def build_settings(site, pages):
    """Fill only the settings that are still empty: an editor's choice is kept."""
    settings = SiteSettings.for_site(site)
    for field, page in pages.items():
        if getattr(settings, f"{field}_id") is None:
            setattr(settings, field, page)
    if not settings.credits:
        settings.credits = CREDITS
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
