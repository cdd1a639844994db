"""Statistics: one record per figure, edited in the admin, cited live on every page."""

import csv
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex

from figures.models import FiguresSettings, Statistic
from lessons.models import LessonPage
from tests.html_forms import edit_form

pytestmark = pytest.mark.django_db

# Every figure in the two source documents, written out here independently of the seed modules:
# (value, unit, denominator, source, year, words of the label). The article gives the networks'
# shares and "trois clients sur quatre" without naming the study they come from.
UNNAMED = "étude non nommée"
SOURCE_FIGURES = [
    (65, "percent", None, "Espace Numérique Entreprises (ENE)", None, "bons plans"),
    (1, "percent", None, "Espace Numérique Entreprises (ENE)", None, "produisaient du contenu"),
    (9, "percent", None, "Espace Numérique Entreprises (ENE)", None, "partageaient"),
    (90, "percent", None, "Espace Numérique Entreprises (ENE)", None, "consommaient"),
    (68, "percent", None, "We Are Social", None, "inscrits sur au moins un réseau"),
    (55, "percent", None, "We Are Social", None, "actifs sur au moins un réseau"),
    (90, "minutes", None, "We Are Social", None, "par jour"),
    (1, "share", 3, "The Ambassador Blog", None, "plutôt que par téléphone"),
    (4, "share", 5, "INSEE", 2013, "au moins 10 personnes"),
    (43, "percent", None, "INSEE", 2013, "plus de 250 personnes"),
    (38, "percent", None, "SNCD", 2013, "fans d'au moins une marque"),
    (16, "percent", None, "SNCD", 2013, "nouveaux clients"),
    (38, "percent", None, "SNCD", None, "avis"),
    (42, "percent", None, UNNAMED, None, "inscrits sur Facebook"),
    (40, "percent", None, UNNAMED, None, "actifs sur Facebook"),
    (35, "percent", None, UNNAMED, None, "inscrits sur Google+"),
    (11, "percent", None, UNNAMED, None, "actifs sur Google+"),
    (24, "percent", None, UNNAMED, None, "inscrits sur Twitter"),
    (10, "percent", None, UNNAMED, None, "actifs sur Twitter"),
    (23, "percent", None, UNNAMED, None, "inscrits sur LinkedIn"),
    (5, "percent", None, UNNAMED, None, "actifs sur LinkedIn"),
    (13, "percent", None, UNNAMED, None, "inscrits sur Viadeo"),
    (5, "percent", None, UNNAMED, None, "actifs sur Viadeo"),
    (2, "share", 3, "Social Media Examiner", None, "Facebook comme la plateforme"),
    (10, "percent", None, "Social Media Examiner", None, "Twitter en première position"),
    (1, "share", 3, "Social Media Examiner", None, "LinkedIn en premier"),
    (9, "share", 10, "Social Media Examiner", None, "utilisaient Facebook et Twitter"),
    (33, "percent", None, "PeopleClaim", None, "twittos insatisfaits"),
    (45, "percent", None, "Eptica", 2014, "e-commerçants de la grande distribution"),
    (3, "share", 4, UNNAMED, None, "satisfaits de la solution"),
    (85, "percent", None, "Institut YSTHAD", None, "uniquement pour leur publicité"),
    (16, "percent", None, "Institut YSTHAD", None, "échanger librement"),
    (80, "percent", None, "Institut YSTHAD", None, "informations exclusives"),
    (41, "percent", None, "Institut YSTHAD", None, "promotions exclusives"),
    (35, "percent", None, "Institut YSTHAD", None, "produits et services"),
    (31, "percent", None, "Institut YSTHAD", None, "informations pratiques"),
    (25, "percent", None, "Institut YSTHAD", None, "jeux-concours"),
    (12, "percent", None, "iAquire", None, "« like »"),
]


@pytest.mark.parametrize(
    ("value", "unit", "denominator", "source", "year", "words"), SOURCE_FIGURES
)
def test_every_source_figure_is_a_published_statistic(
    value, unit, denominator, source, year, words
):
    matches = Statistic.objects.filter(
        live=True,
        value=Decimal(value),
        unit=unit,
        denominator=denominator,
        source=source,
        year=year,
        label__contains=words,
    )
    assert matches.count() == 1


def test_no_statistic_has_an_invented_year():
    dated = dict(Statistic.objects.exclude(year=None).values_list("slug", "year"))
    assert dated == {
        "entreprises-10-sans-medias-sociaux": 2013,
        "entreprises-250-medias-sociaux": 2013,
        "socionautes-fans-marque": 2013,
        "socionautes-nouveaux-clients": 2013,
        "ecommercants-reponse-tweets": 2014,
    }


def edit_url(statistic):
    return reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])


def form_data(client, statistic, **changes):
    """The statistic's edit form as the admin shows it, with these fields changed."""
    return edit_form(client, edit_url(statistic), statistic) | changes


def pages_citing_france_inscrits(client):
    lesson = LessonPage.objects.get(slug="relation-client-sur-les-reseaux-sociaux")
    return {
        "home": client.get("/").content.decode(),
        "key figures": client.get("/chiffres-cles/").content.decode(),
        "lesson": client.get(lesson.url).content.decode(),
    }


def test_editor_updates_a_figure_once_and_every_page_follows_on_publish(client, editor, moderator):
    statistic = Statistic.objects.get(slug="france-inscrits")
    for html in pages_citing_france_inscrits(client).values():
        assert "68\u00a0%" in html and "71\u00a0%" not in html

    client.force_login(editor)
    response = client.post(edit_url(statistic), form_data(client, statistic, value="71"))
    assert response.status_code == 302
    statistic.refresh_from_db()
    assert statistic.has_unpublished_changes and statistic.value == 68
    client.logout()
    for name, html in pages_citing_france_inscrits(client).items():
        assert "71\u00a0%" not in html, f"a draft reached the {name} page"

    client.force_login(moderator)  # editors submit; moderators publish
    response = client.post(
        edit_url(statistic), form_data(client, statistic, value="71", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    client.logout()
    for name, html in pages_citing_france_inscrits(client).items():
        assert "71\u00a0%" in html, f"the {name} page did not follow"
        assert "68\u00a0%</p>" not in html

    values = [r.content["value"] for r in statistic.revisions.order_by("created_at")]
    assert Decimal(values[0]) == 68 and Decimal(values[-1]) == 71
    client.force_login(editor)
    history = client.get(reverse("wagtailsnippets_figures_statistic:history", args=[statistic.pk]))
    assert history.status_code == 200


def test_unpublished_statistic_is_never_shown(client):
    statistic = Statistic.objects.get(slug="temps-quotidien")
    assert "1\u00a0h\u00a030" in client.get("/").content.decode()
    statistic.unpublish()
    assert "1\u00a0h\u00a030" not in client.get("/").content.decode()
    assert "1\u00a0h\u00a030" not in client.get("/chiffres-cles/").content.decode()


def test_unpublished_statistic_leaves_its_chart_bar_out(client):
    Statistic.objects.get(slug="viadeo-actifs").unpublish()
    html = client.get("/chiffres-cles/").content.decode()
    assert "Viadeo\u00a0: Inscrits 13\u00a0%." in html  # the registered share is still published
    assert "Actifs 5\u00a0%" in html  # LinkedIn's
    assert "Viadeo : Inscrits 13\u00a0%, Actifs" not in html


@pytest.mark.parametrize(
    ("slug", "expected_rows"),
    [
        ("reseaux-inscrits-actifs", ["Facebook", "Google+", "Twitter", "LinkedIn", "Viadeo"]),
        ("attentes-internautes", ["Des informations exclusives", "Des jeux-concours"]),
    ],
)
def test_series_render_as_svg_and_table_without_javascript(client, slug, expected_rows):
    html = client.get("/chiffres-cles/").content.decode()
    start = html.index(f'id="graphique-{slug}"')
    figure = html[start : html.index("</figure>", start)]
    assert '<svg class="chart__svg"' in figure and 'role="img"' in figure
    assert f'aria-labelledby="chart-{slug}-title chart-{slug}-desc"' in figure
    assert "<title" in figure and "<desc" in figure
    assert "<table" in figure and "<caption>" in figure
    for row in expected_rows:
        assert f'<th scope="row">{row}</th>' in figure
        assert f">{row}</tspan>" in figure
    assert "<script" not in figure


def chart_figure(html, slug):
    start = html.index(f'id="graphique-{slug}"')
    return html[start : html.index("</figure>", start)]


def test_shares_are_plotted_in_percent_and_labelled_as_the_source_says(client):
    # "2 sur 3" and "1 sur 3" (the article's "2/3" and "1/3") beside "10 %", on an axis of
    # percentages: each bar as long as its share, labelled in the source's words.
    figure = chart_figure(client.get("/chiffres-cles/").content.decode(), "plateforme-prioritaire")
    svg = figure[: figure.index("</svg>")]
    values = re.findall(r'<text class="chart__value"[^>]*>([^<]*)</text>', svg)
    assert values == ["2 sur 3", "10\u00a0%", "1 sur 3"]
    bars = re.findall(r'<rect class="chart__bar[^"]*"[^>]* width="([\d.]+)"', svg)
    widths = [float(width) for width in bars]
    assert widths[0] / widths[1] == pytest.approx(66.7 / 10, rel=0.02)
    assert widths[2] / widths[1] == pytest.approx(33.3 / 10, rel=0.02)
    table = figure[figure.index("<table") :]
    assert "2 sur 3 (67\u00a0%)" in table  # the source's own words, and what the bar shows


def test_a_long_axis_title_is_wrapped_to_fit_the_chart():
    from figures.charts import AXIS_LABEL_CHARACTERS, ChartItem, build_chart

    title = "Part des personnes interrogées dans chaque étude (%)"
    chart = build_chart(
        "c", "Titre", [ChartItem("Catégorie", Decimal(50), "50 %")], axis_label=title
    )
    svg = str(chart.svg())
    lines = re.findall(r'<text class="chart__axis-label"[^>]*>([^<]*)</text>', svg)
    assert " ".join(lines) == title and len(lines) > 1
    assert all(len(line) <= AXIS_LABEL_CHARACTERS for line in lines)
    last_y = max(int(y) for y in re.findall(r'class="chart__axis-label"[^>]* y="(\d+)"', svg))
    assert last_y < chart.height  # within the drawing


def test_key_figures_page_shows_each_figures_source_and_year(client):
    html = unescape(client.get("/chiffres-cles/").content.decode()).replace("\u00a0", " ")
    assert "étude de 2013, source : INSEE" in html
    assert "étude de 2014, source : Eptica" in html
    # No year from the source: the figure is dated by the documents that published it.
    assert "publié en 2013–2014 sans date d’étude, source : SNCD" in html


def test_key_figures_page_filters_by_tag(client):
    html = client.get("/chiffres-cles/?tag=entreprises").content.decode()
    assert "des sociétés de plus de 250 personnes" in html
    assert "graphique-attentes-internautes" not in html
    assert 'aria-current="true">entreprises</a>' in html


def test_needs_review_follows_the_site_setting():
    settings = FiguresSettings.load()
    insee = Statistic.objects.get(slug="entreprises-250-medias-sociaux")
    assert insee.needs_review  # 2013 is more than 5 years ago
    settings.review_after_years = 50
    settings.save()
    insee.refresh_from_db()
    assert not insee.needs_review
    assert Statistic.objects.get(slug="france-inscrits").needs_review  # no year: always review


def listing(client, **params):
    return client.get(reverse("wagtailsnippets_figures_statistic:list_results"), params)


def test_admin_listing_filters_by_source_year_tag_and_review(client, editor):
    client.force_login(editor)
    html = listing(client, source="INSEE").content.decode()
    assert "plus de 250 personnes" in html and "Facebook" not in html
    html = listing(client, year="2014").content.decode()
    assert "grande distribution" in html and "INSEE" not in html
    html = listing(client, tag="attentes").content.decode()
    assert "jeux-concours" in html and "INSEE" not in html

    settings = FiguresSettings.load()
    settings.review_after_years = 12  # 2014 is fresh, 2013 and undated are not
    settings.save()
    html = listing(client, needs_review="false").content.decode()
    assert "grande distribution" in html and "plus de 250 personnes" not in html
    html = listing(client, needs_review="true", source="INSEE").content.decode()
    assert "plus de 250 personnes" in html
    html = listing(client, needs_review="true", year="2014").content.decode()
    assert "grande distribution" not in html


def test_admin_listing_searches(client, editor):
    client.force_login(editor)
    html = listing(client, q="YSTHAD").content.decode()
    assert "jeux-concours" in html and "INSEE" not in html


def test_admin_exports_csv_and_xlsx(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_figures_statistic:list_results")
    response = client.get(url, {"source": "INSEE", "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {row["Identifiant"] for row in rows} == {
        "entreprises-10-sans-medias-sociaux",
        "entreprises-250-medias-sociaux",
    }
    assert {row["Année de l'étude"] for row in rows} == {"2013"}
    xlsx = client.get(url, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_used_in_lists_the_pages_citing_a_statistic(client, editor):
    statistic = Statistic.objects.get(slug="france-inscrits")
    pages = {ref.object_id for ref in ReferenceIndex.get_references_to(statistic)}
    assert len(pages) >= 2  # the home page and the key-figures page
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_figures_statistic:usage", args=[statistic.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chiffres clés" in html
    assert "Les réseaux sociaux au service de votre entreprise" in html


def test_editor_can_preview_a_statistic(client, editor):
    statistic = Statistic.objects.get(slug="france-inscrits")
    client.force_login(editor)
    url = reverse("wagtailsnippets_figures_statistic:preview_on_edit", args=[statistic.pk])
    assert client.post(url, form_data(client, statistic, value="70")).json()["is_valid"]
    assert "70\u00a0%" in client.get(url).content.decode()
