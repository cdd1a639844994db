"""Existing sites: the legal notice's placeholders ("À compléter…") give way to the facts editors
fill in the settings (a `legal_notice` block), the accessibility statement built by the first
seed becomes one in the RGAA's form, and the settings get the descriptions the pages outside the
page tree now read. Only content still as the seed wrote it is changed, in the live page and in
its latest revision (what the editor opens); an editor's own text is left alone."""

import json
import uuid

from django.db import migrations
from django.utils import timezone

PLACEHOLDER = "À compléter"
SEED_STATUS = "Il n'a pas encore fait l'objet d'un audit complet"

STATEMENT = {
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

SETTINGS_TEXTS = {
    "site_description": "Atelier Réseaux : un cours gratuit, des quiz et des chiffres clés pour utiliser les réseaux sociaux dans une petite entreprise.",
    "quiz_index_description": "Tous les quiz du cours, leçon par leçon, et le quiz final : vérifiez ce que vous avez retenu, avec une correction expliquée.",
    "search_description": "Cherchez dans les leçons, les chiffres clés et les ressources du cours sur les réseaux sociaux pour les petites entreprises.",
    "login_description": "Connectez-vous pour retrouver votre progression dans le cours, vos résultats aux quiz et vos ateliers.",
    "signup_description": "Créez un compte gratuit pour garder votre progression dans le cours, vos résultats aux quiz et rejoindre un atelier.",
    "password_reset_description": "Mot de passe oublié : recevez par e-mail un lien pour en choisir un nouveau et retrouver votre compte.",
    "share_image_alt": "Atelier Réseaux, les réseaux sociaux pour votre entreprise : cours gratuit en ligne.",
}


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def legal_body(body):
    """Each placeholder paragraph, and the heading just before it, out; the facts block where the
    first of them was."""
    result, placed = [], False
    for item in body:
        if item["type"] == "text" and PLACEHOLDER in item["value"]:
            if result and result[-1]["type"] == "heading":
                result.pop()
            if not placed:
                result.append(block("legal_notice", None))
                placed = True
            continue
        result.append(item)
    return result if placed else None


def accessibility_body(body):
    if any(item["type"] == "text" and SEED_STATUS in item["value"] for item in body):
        statement = {**STATEMENT, "established_on": timezone.localdate().isoformat()}
        return [block("accessibility_statement", statement)]
    return None


def rewrite(apps, schema_editor):
    StandardPage = apps.get_model("home", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in StandardPage.objects.all():
        for change in (legal_body, accessibility_body):
            new_body = change(list(page.body.raw_data))
            if new_body is None:
                continue
            old_body = list(page.body.raw_data)
            page.body = new_body
            page.save(update_fields=["body"])
            revision = Revision.objects.filter(pk=page.latest_revision_id).first()
            if revision is not None:
                stored = revision.content.get("body")
                as_list = json.loads(stored) if isinstance(stored, str) else stored
                if as_list == old_body:
                    revision.content["body"] = json.dumps(new_body)
                    revision.save(update_fields=["content"])
            break
    SiteSettings = apps.get_model("home", "SiteSettings")
    for settings in SiteSettings.objects.all():
        changed = [field for field in SETTINGS_TEXTS if not getattr(settings, field)]
        for field in changed:
            setattr(settings, field, SETTINGS_TEXTS[field])
        if not settings.contact_email:
            settings.contact_email = "contact@atelier-reseaux.fr"
            changed.append("contact_email")
        if changed:
            settings.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_descriptions_legal_notice_accessibility_statement"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
