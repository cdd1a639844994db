"""The site's legal pages and a lesson's dates: the legal notice gives the facts editors filled in
(and only those: no placeholder), the admin says what is missing; the accessibility statement
follows the RGAA's form with its status and date; each lesson says when its content was
reviewed, or else when it was last updated."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Site

from home.models import SiteSettings, StandardPage
from lessons.models import LessonPage
from workshops.models import TrainingBody

pytestmark = pytest.mark.django_db


def visible(html):
    text = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.replace("\u00a0", " ").split())


def legal_page():
    return StandardPage.objects.get(slug="mentions-legales")


def fill_in_the_facts():
    body = TrainingBody.load()
    body.name = "CCI Exemple — service formation"
    body.address = "1 place de la Bourse\n69002 Lyon"
    body.siret = "73282932000074"
    body.declaration_number = "84691234569"
    body.save()
    options = SiteSettings.objects.get()
    options.publisher_legal_form = "Établissement public administratif"
    options.publication_director = "Camille Martin, directrice"
    options.contact_phone = "04 72 00 00 00"
    options.host_name = "Hébergeur Exemple SAS"
    options.host_address = "2 rue du Serveur\n75002 Paris"
    options.host_phone = "01 00 00 00 00"
    options.save()


def test_the_legal_notice_says_only_what_editors_filled_in(client):
    html = client.get(legal_page().url).content.decode()
    text = visible(html)
    assert "compléter" not in text and "À compléter" not in html
    # Filled in by the seed: the contact address; nothing else is invented.
    assert "Adresse e-mail contact@atelier-reseaux.fr" in text
    for label in ("Raison sociale", "SIRET", "Directeur ou directrice", "Hébergeur", "Téléphone"):
        assert label not in text, label
    assert "Hébergement" not in text  # no host given: no section
    assert "Contenus" in text  # the editors' own text stays


def test_filled_in_facts_appear_on_the_legal_notice(client):
    fill_in_the_facts()
    text = visible(client.get(legal_page().url).content.decode())
    for fact in (
        "Raison sociale CCI Exemple — service formation",
        "Forme juridique Établissement public administratif",
        "Siège 1 place de la Bourse 69002 Lyon",
        "SIRET 732 829 320 00074",
        "Téléphone 04 72 00 00 00",
        "Directeur ou directrice de la publication Camille Martin, directrice",
        "Hébergeur Hébergeur Exemple SAS",
        "Adresse de l’hébergeur 2 rue du Serveur 75002 Paris",
        "Téléphone de l’hébergeur 01 00 00 00 00",
        "Déclaration d’activité enregistrée sous le numéro 84691234569 auprès du préfet de "
        "région. Cet enregistrement ne vaut pas agrément de l’État.",
    ):
        assert fact in text, fact


def test_the_admin_says_what_the_legal_notice_is_missing(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    text = visible(admin_client.get(url).content.decode())
    assert "Mentions légales incomplètes" in text
    for missing in ("Raison sociale (Paramètres → Organisme de formation)", "Hébergeur"):
        assert missing in text, missing
    # The page's preview says it too; the public page does not.
    preview = visible(legal_page().make_preview_request().content.decode())
    assert "Ces mentions obligatoires manquent encore" in preview
    assert "Directeur ou directrice de la publication (Paramètres → Site public" in preview

    fill_in_the_facts()
    text = visible(admin_client.get(url).content.decode())
    assert "Les mentions légales obligatoires sont toutes remplies." in text
    assert "manquent" not in visible(legal_page().make_preview_request().content.decode())


def test_a_fact_filled_in_reaches_the_cached_legal_notice(client):
    url = legal_page().url
    assert "Hébergeur" not in visible(client.get(url).content.decode())
    client.get(url)  # now in the page cache
    options = SiteSettings.objects.get()
    options.host_name = "Hébergeur Exemple SAS"
    options.save()
    assert "Hébergeur Hébergeur Exemple SAS" in visible(client.get(url).content.decode())
    body = TrainingBody.load()
    body.name = "CCI Exemple"
    body.save()
    assert "Raison sociale CCI Exemple" in visible(client.get(url).content.decode())


# The RGAA's model of an accessibility statement, its headings in their order.
RGAA_HEADINGS = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Établissement de cette déclaration d’accessibilité",
    "Technologies utilisées pour la réalisation du site",
    "Retour d’information et contact",
    "Voies de recours",
]


def test_the_accessibility_statement_follows_the_rgaa_form(client):
    page = StandardPage.objects.get(slug="accessibilite")
    html = client.get(page.url).content.decode()
    headings = [visible(h) for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]
    positions = [headings.index(heading) for heading in RGAA_HEADINGS]
    assert positions == sorted(positions)
    text = visible(html)
    assert (
        "Atelier Réseaux est non conforme avec le référentiel général d’amélioration de "
        "l’accessibilité (RGAA), version 4.1.2." in text
    )
    statement = page.body[0].value
    established = statement["established_on"]
    assert f'<time datetime="{established:%Y-%m-%d}">' in html
    assert "Cette déclaration a été établie le" in text
    assert "article 47 de la loi n° 2005-102" in text
    assert "Défenseur des droits" in text
    assert "s’applique au site https://atelier-reseaux.test/" in text

    # The editors' content: a new audit changes the status and the date.
    page.body[0].value["status"] = "partial"
    page.body[0].value["established_on"] = datetime.date(2027, 3, 1)
    page.save_revision().publish()
    text = visible(client.get(page.url).content.decode())
    assert "est partiellement conforme avec le référentiel" in text
    assert "en raison des non-conformités et des dérogations énumérées ci-dessous" in text
    assert "Cette déclaration a été établie le 1 mars 2027" in text


def test_the_migration_turns_the_first_seed_into_facts_and_a_statement():
    """Existing sites: the legal notice's placeholders, and the accessibility page as the first
    seed wrote it, in the page and in its latest revision."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "home.migrations.0007_legal_notice_and_accessibility_statement_content"
    )
    legal, accessibility = legal_page(), StandardPage.objects.get(slug="accessibilite")
    legal.body = [
        ("heading", "Éditeur"),
        ("text", "<p>Atelier Réseaux. À compléter par l'éditeur : raison sociale.</p>"),
        ("heading", "Hébergement"),
        ("text", "<p>À compléter : nom et adresse de l'hébergeur.</p>"),
        ("heading", "Contenus"),
        ("text", "<p>Les leçons sont rédigées à partir de deux documents.</p>"),
    ]
    legal.save_revision().publish()
    accessibility.body = [
        ("heading", "État de conformité"),
        ("text", "<p>Il n'a pas encore fait l'objet d'un audit complet : plus tard.</p>"),
    ]
    accessibility.save_revision().publish()
    options = SiteSettings.objects.get()
    options.search_description = ""
    options.save()

    migration.rewrite(apps, None)

    legal.refresh_from_db()
    assert [block.block_type for block in legal.body] == ["legal_notice", "heading", "text"]
    revision = legal.get_latest_revision_as_object()
    assert [block.block_type for block in revision.body] == ["legal_notice", "heading", "text"]
    accessibility.refresh_from_db()
    assert [block.block_type for block in accessibility.body] == ["accessibility_statement"]
    assert accessibility.body[0].value["status"] == "non"
    assert SiteSettings.objects.get().search_description.startswith("Cherchez dans les leçons")


def test_each_lesson_says_when_it_was_reviewed_or_else_updated(client):
    lesson = LessonPage.objects.get(slug="le-social-crm")
    text = visible(client.get(lesson.url).content.decode())
    published = lesson.last_published_at.astimezone(datetime.UTC).date()
    assert re.search(r"Contenu mis à jour le \d{1,2} \w+ 20\d\d", text)
    assert "Contenu revu le" not in text
    assert str(published.year) in text

    lesson.reviewed_on = datetime.date(2026, 11, 2)
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert 'Contenu revu le <time datetime="2026-11-02">2 novembre 2026</time>' in html
    assert "Contenu mis à jour" not in html
