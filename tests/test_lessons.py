"""The course: lessons in order, their content, navigation, query budget, search, moderation."""

import json
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from figures.models import Series, Statistic
from lessons.models import CoursePage, LessonPage, Resource

pytestmark = pytest.mark.django_db

COURSE = [
    # (slug, title, key content that must be in the lesson)
    (
        "comprendre-les-reseaux-sociaux",
        "Comprendre les réseaux sociaux",
        ["freemium", "Viadeo", "1998", "2004", "Google+", "médias sociaux"],
    ),
    ("fideliser-ses-clients", "Fidéliser ses clients", ["club", "65\u00a0%", "après-vente"]),
    (
        "trouver-de-nouveaux-clients",
        "Trouver de nouveaux clients",
        ["prospects", "concours", "novembre 2011", "référencement naturel"],
    ),
    ("le-community-management", "Le community management", ["community manager", "critiques"]),
    (
        "definir-une-strategie",
        "Définir une stratégie",
        [
            "15 à 25 ans",
            "influenceurs",
            "crowdsourcing",
            "charte éditoriale",
            "graphique-regle-1-9-90",
        ],
    ),
    (
        "points-de-vigilance",
        "Points de vigilance",
        ["chronophage", "retour sur investissement", "forums", "collectionneurs"],
    ),
    ("le-social-crm", "Le Social CRM", ["Social Customer Relationship Management", "ambassadeurs"]),
    (
        "relation-client-sur-les-reseaux-sociaux",
        "La relation client sur les réseaux sociaux",
        [
            "graphique-reseaux-inscrits-actifs",
            "graphique-attentes-internautes",
            "33\u00a0%",
            "45\u00a0%",
            "Détection de talents",
            "community manager",
        ],
    ),
    ("pour-aller-plus-loin", "Pour aller plus loin", ["Valeur d’image", "Journal du Net"]),
]


def test_course_lists_every_lesson_in_order_with_reading_time(client):
    html = client.get("/cours/").content.decode()
    positions = [html.index(f'href="/cours/{slug}/"') for slug, _, _ in COURSE]
    assert positions == sorted(positions)
    assert "minutes de lecture" in html
    assert "À qui s’adresse ce cours" in html


@pytest.mark.parametrize(("index", "lesson"), list(enumerate(COURSE)))
def test_each_lesson_is_live_with_its_content_sources_and_neighbours(client, index, lesson):
    slug, title, key_content = lesson
    response = client.get(f"/cours/{slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in html
    for text in key_content:
        assert text in html, f"{text!r} missing from {slug}"
    assert "Sources de cette leçon" in html
    assert "Espace Numérique Entreprises (ENE)" in html or "Nicolas Lardet" in html
    assert 'class="toc"' in html and "Objectifs" in html
    if index > 0:
        assert f'href="/cours/{COURSE[index - 1][0]}/" rel="prev"' in html
    if index < len(COURSE) - 1:
        assert f'href="/cours/{COURSE[index + 1][0]}/" rel="next"' in html


def test_table_of_contents_links_to_heading_anchors(client):
    html = client.get("/cours/definir-une-strategie/").content.decode()
    for anchor in ["definir-une-cible", "identifier-les-influenceurs", "mesurer-les-resultats"]:
        assert f'href="#{anchor}"' in html
        assert f'<h2 id="{anchor}"' in html


def displayed_words(html):
    """The words of a lesson as a reader sees them: its summary, its objectives and its body,
    every block rendered (key figures' sentences, charts' tables, resources' cards), without the
    charts' drawings."""
    parts = [
        re.search(r'<p class="lead">(.*?)</p>', html, re.S).group(1),
        re.search(r'<section class="panel objectives".*?</section>', html, re.S).group(0),
        html[html.index('<div class="lesson__body prose">') : html.index('class="lesson__end"')],
    ]
    text = re.sub(r"<(svg|template)\b.*?</\1>", " ", " ".join(parts), flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("Objectifs", "", 1)  # the panel's heading, not the lesson's
    return len(text.replace("\u00a0", " ").replace("\u2060", "").split())


def test_reading_time_counts_the_words_the_lesson_displays(client):
    """The lesson of the article has its key figures, five charts with their tables and a long
    text: 7 minutes when only the typed paragraphs counted, twice that as displayed."""
    lesson = LessonPage.objects.get(slug="relation-client-sur-les-reseaux-sociaux")
    html = client.get(lesson.url).content.decode()
    words = displayed_words(html)
    assert words > 2000
    # At 200 words a minute, within a minute of the page's own count (a label or two apart).
    assert abs(lesson.reading_minutes - words / 200) <= 1
    assert lesson.reading_minutes >= 11
    assert f"{lesson.reading_minutes}\u00a0minutes de lecture" in html or (
        f"{lesson.reading_minutes} minutes de lecture" in html
    )
    course = client.get("/cours/").content.decode()
    assert f"{lesson.reading_minutes} minutes de lecture" in course
    lesson_data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert lesson_data["timeRequired"] == f"PT{lesson.reading_minutes}M"


def test_saving_a_lesson_counts_its_reading_time_again(client):
    lesson = LessonPage.objects.get(slug="pour-aller-plus-loin")
    before = lesson.reading_minutes
    lesson.body.append(("text", RichText("<p>" + "mot " * 1000 + "</p>")))
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.reading_minutes == before + 5


def test_the_migration_counts_the_reading_time_of_existing_lessons_again():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("lessons.migrations.0008_reading_time_from_displayed_words")
    lesson = LessonPage.objects.get(slug="relation-client-sur-les-reseaux-sociaux")
    right = lesson.reading_minutes
    LessonPage.objects.filter(pk=lesson.pk).update(reading_minutes=7)  # as it said before
    migration.recount(apps, None)
    lesson.refresh_from_db()
    assert lesson.reading_minutes == right


def test_article_lesson_names_the_article_as_its_source(client):
    html = client.get("/cours/relation-client-sur-les-reseaux-sociaux/").content.decode()
    assert "Relation client et réseaux sociaux" in html and "Nicolas Lardet" in html


def test_resources_are_marked_external_and_possibly_outdated(client):
    html = client.get("/cours/pour-aller-plus-loin/").content.decode()
    assert "http://slidesha.re/kZuHLb" in html
    assert "lien ancien, peut-être périmé" in html


def test_resources_page_filters_by_tag(client):
    html = client.get("/ressources/").content.decode()
    assert "Social CRM\u00a0: vers la relation sociale augmentée" in html
    assert "Créer une page business avec Google+" in html
    html = client.get("/ressources/?tag=Social CRM").content.decode()
    assert "Social CRM\u00a0: vers la relation sociale augmentée" in html
    assert "Créer une page business avec Google+" not in html


def test_draft_resource_is_not_shown(client):
    Resource.objects.get(slug="jdn-page-google-plus").unpublish()
    assert "Créer une page business avec Google+" not in client.get("/ressources/").content.decode()
    html = client.get("/cours/pour-aller-plus-loin/").content.decode()
    assert "Créer une page business avec Google+" not in html


def make_lesson(slug, figures, charts):
    course = CoursePage.objects.get()
    statistics = list(Statistic.objects.values_list("pk", flat=True))
    series = list(Series.objects.values_list("pk", flat=True))
    body = [{"type": "heading", "value": {"text": "Des chiffres", "anchor": "chiffres"}}]
    body += [
        {"type": "key_figure", "value": {"statistic": statistics[i % len(statistics)]}}
        for i in range(figures)
    ]
    body += [{"type": "chart", "value": {"series": series[i % len(series)]}} for i in range(charts)]
    body += [{"type": "text", "value": "<p>Un texte.</p>"}] * figures
    page = LessonPage(title=f"Leçon {slug}", slug=slug, summary="Résumé.", body=body)
    course.add_child(instance=page)
    page.save_revision().publish()
    return page


def count_queries(client, url):
    """Queries of an uncached render (the anonymous page cache would answer with none)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_lesson_queries_do_not_grow_with_figures_charts_or_lessons(client):
    small = make_lesson("petite", figures=2, charts=1)
    small_count = count_queries(client, small.url)
    large = make_lesson("grande", figures=40, charts=7)
    for i in range(5):
        make_lesson(f"autre-{i}", figures=1, charts=0)
    assert count_queries(client, large.url) == small_count
    assert small_count <= 21  # 20, and the content generation, read from the database here


def search(client, query):
    return client.get(reverse("search"), {"q": query}).content.decode()


def test_search_finds_lessons_resources_and_statistics_with_their_type(client):
    html = search(client, "community manager")
    assert 'href="/cours/le-community-management/"' in html
    assert "Leçon" in html
    html = search(client, "YSTHAD")
    assert "Chiffre clé" in html and "jeux-concours" in html
    html = search(client, "livre blanc")
    assert "Ressource" in html and "Social CRM" in html


def test_search_finds_the_retaining_lesson_for_fidelisation(client):
    assert 'href="/cours/fideliser-ses-clients/"' in search(client, "fidélisation")


def test_search_finds_another_form_of_a_french_word(client):
    # "fidélisés" appears nowhere: only a stem matches "Fidéliser". PostgreSQL stems it in French;
    # SQLite's full-text index stems with Porter's English rules, which happen to catch it too.
    assert (
        "fidélisés"
        not in LessonPage.objects.get(slug="fideliser-ses-clients").body.render_as_block()
    )
    assert 'href="/cours/fideliser-ses-clients/"' in search(client, "fidélisés")


def test_search_is_paginated(client):
    html = search(client, "réseaux")
    assert "Page 1 sur" in html
    assert "page=2" in html


def result_links(html):
    """The addresses of the results, best first."""
    return re.findall(r'<h2><a href="([^"]+)">', html)


@pytest.mark.parametrize(
    ("query", "best"),
    [
        # In the title of one lesson, in the text of others ("Pour aller plus loin" too).
        ("fidéliser", "/cours/fideliser-ses-clients/"),
        # In a heading of one lesson ("Des réclamations sans réponse"), in the text of another.
        ("réclamations", "/cours/relation-client-sur-les-reseaux-sociaux/"),
        # "Définir une cible", a heading; the course's introduction says "cibler" too.
        ("cible", "/cours/definir-une-strategie/"),
    ],
)
def test_search_ranks_titles_then_headings_above_the_text(client, query, best):
    assert result_links(search(client, query))[0] == best


def test_search_finds_words_from_their_beginning(client):
    first = search(client, "pub")  # "publicité", "publier", "public"…
    assert "/cours/relation-client-sur-les-reseaux-sociaux/" in result_links(first)
    second = client.get(reverse("search"), {"q": "pub", "page": 2}).content.decode()
    assert "uniquement pour leur publicité" in second  # a statistic, after pages and resources


def test_whole_words_come_before_words_that_only_begin_alike(client):
    # "club" (the heading "Créer un club VIP") before words that only start with "club".
    assert result_links(search(client, "club"))[0] == "/cours/fideliser-ses-clients/"


def test_a_search_without_result_suggests_where_to_go(client):
    html = search(client, "zzyzx")
    assert "Aucun résultat" in html and "début d" in html  # try a word's beginning
    suggestions = html[html.index("Aucun résultat") :]
    for url in ["/cours/comprendre-les-reseaux-sociaux/", "/cours/pour-aller-plus-loin/"]:
        assert f'href="{url}"' in suggestions
    assert 'href="/chiffres-cles/"' in suggestions and 'href="/ressources/"' in suggestions


def test_empty_search_shows_the_form_only(client):
    html = search(client, "")
    main = html[html.index("<main") : html.index("</main>")]  # the footer links "Nos résultats"
    assert 'name="q"' in main and "résultat" not in main


def edit_data(page, new_text):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "objectives": streamfield([]),
            "body": streamfield(
                [
                    ("heading", {"text": "Une section", "anchor": "une-section"}),
                    ("text", rich_text(f"<p>{new_text}</p>")),
                ]
            ),
            "sources": streamfield([]),
        }
    )


def test_editor_submits_a_lesson_and_a_moderator_publishes_it(client, editor, moderator):
    assert Workflow.objects.get(name="Validation par un modérateur").active
    page = make_lesson("moderation", figures=0, charts=0)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(editor)
    data = edit_data(page, "Texte relu par la modération.")
    response = client.post(edit_url, {**data, "action-submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    client.logout()
    assert "Texte relu par la modération." not in client.get(page.url).content.decode()

    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    client.logout()
    assert "Texte relu par la modération." in client.get(page.url).content.decode()


def test_editor_cannot_publish_a_lesson_directly(client, editor):
    page = make_lesson("sans-moderation", figures=0, charts=0)
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, {**edit_data(page, "Publication directe."), "action-publish": "1"})
    client.logout()
    assert "Publication directe." not in client.get(page.url).content.decode()


def test_scheduled_publishing_of_a_lesson(client):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    page = LessonPage.objects.get(slug="le-social-crm")
    page.title = "Le Social CRM, mis à jour"
    revision = page.save_revision(approved_go_live_at=timezone.now() + timedelta(seconds=1))
    assert page.get_latest_revision().approved_go_live_at is not None
    assert "Le Social CRM, mis à jour" not in client.get(page.url).content.decode()
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert "Le Social CRM, mis à jour" in client.get(page.url).content.decode()


def test_page_tree_is_strict():
    assert LessonPage.parent_page_types == ["lessons.CoursePage"]
    assert CoursePage.subpage_types == ["lessons.LessonPage"]
    assert not LessonPage.subpage_types
    assert Page.objects.type(CoursePage).count() == 1
