"""What search engines and link previews read: a description, a canonical address and Open
Graph tags on every public page; a sitemap of the public pages; a robots file that keeps
crawlers out of personal and trainers' pages."""

import gzip
import html as html_module
import json
import re
from urllib.robotparser import RobotFileParser

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import Page

from quizzes.models import Quiz

pytestmark = pytest.mark.django_db

SITE = settings.SITE_URL  # the configured public address


def public_paths():
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    return [page.url for page in pages] + ["/quiz/", "/quiz/quiz-fideliser-ses-clients/"]


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match and html_module.unescape(match.group(1))


def test_every_public_page_has_a_description_a_canonical_and_open_graph_tags(client):
    for path in public_paths():
        html = client.get(path).content.decode()
        description = meta(html, "name", "description")
        assert description and 50 <= len(description) <= 161, (path, description)
        assert f'<link rel="canonical" href="{SITE}{path}">' in html, path
        assert meta(html, "property", "og:url") == f"{SITE}{path}"
        for tag in ("og:title", "og:description", "og:url", "og:image", "og:site_name"):
            assert meta(html, "property", tag), (path, tag)
        assert meta(html, "property", "og:locale") == "fr_FR"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_the_canonical_address_is_the_configured_one_whatever_the_host_header(client, host):
    """The test settings' SITE_URL is neither the test client's host nor these."""
    assert SITE == "https://atelier-reseaux.test"
    for path in ["/", "/cours/fideliser-ses-clients/", "/quiz/quiz-fideliser-ses-clients/"]:
        for _ in range(2):  # rendered, then from the page cache where pages are cached
            html = client.get(path, HTTP_HOST=host).content.decode()
            assert f'<link rel="canonical" href="{SITE}{path}">' in html, path
            assert meta(html, "property", "og:url") == f"{SITE}{path}"
            assert meta(html, "property", "og:image").startswith(f"{SITE}/static/")
            assert host not in html, path
    course = structured(client.get("/cours/", HTTP_HOST=host).content.decode())
    assert course["url"] == f"{SITE}/cours/" and course["provider"]["url"] == f"{SITE}/"


def test_a_lesson_is_described_by_its_summary_and_a_quiz_by_its_introduction(client):
    lesson = Page.objects.get(slug="fideliser-ses-clients").specific
    html = client.get(lesson.url).content.decode()
    assert meta(html, "name", "description").startswith(lesson.summary[:60])
    quiz = client.get("/quiz/quiz-fideliser-ses-clients/").content.decode()
    assert meta(quiz, "property", "og:title") == "Quiz\u00a0: fidéliser ses clients"  # typeset


def test_the_sitemap_lists_the_public_pages_only(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/cours/fideliser-ses-clients/" in xml and "/chiffres-cles/" in xml
    assert "/compte/" not in xml and "/ateliers/" not in xml
    assert f"<loc>{SITE}/quiz/quiz-fideliser-ses-clients/</loc>" in xml


@pytest.mark.parametrize("host", ["testserver", "localhost"])
def test_every_sitemap_entry_is_at_the_configured_address_with_its_date(client, host):
    xml = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    entries = re.findall(r"<url><loc>([^<]*)</loc>(.*?)</url>", xml, re.S)
    assert len(entries) >= 20
    for location, rest in entries:
        assert location.startswith(f"{SITE}/"), location
        assert "<lastmod>" in rest, location
    assert f"{SITE}/quiz/" in dict(entries)
    assert f"{SITE}/cours/fideliser-ses-clients/" in dict(entries)


def test_the_sitemap_leaves_out_quizzes_reserved_to_workshops_or_unpublished(client):
    reserved, unpublished = Quiz.objects.public().order_by("slug")[:2]
    Quiz.objects.filter(pk=reserved.pk).update(reserved_to_workshops=True)
    Quiz.objects.filter(pk=unpublished.pk).update(live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert reserved.get_absolute_url() not in xml
    assert unpublished.get_absolute_url() not in xml
    assert Quiz.objects.public().first().get_absolute_url() in xml


def test_robots_keep_crawlers_out_of_personal_pages_and_point_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    for path in ("/admin/", "/compte/", "/ateliers/", "/direct/", "/attestations/"):
        assert f"Disallow: {path}" in text
    assert text.endswith(f"\nSitemap: {SITE}/sitemap.xml\n")
    other_host = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert other_host.endswith(f"\nSitemap: {SITE}/sitemap.xml\n")


def test_robots_let_crawlers_read_the_sign_in_and_sign_up_pages(client):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    for path in ("/compte/connexion/", "/compte/inscription/", "/cours/", "/quiz/"):
        assert robots.can_fetch("*", f"http://testserver{path}"), path
    for path in (
        "/compte/mon-espace/",
        "/compte/mes-donnees/",
        "/ateliers/",
        "/admin/",
        "/lecons/1/lue/",
    ):
        assert not robots.can_fetch("*", f"http://testserver{path}"), path


def structured(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return match and json.loads(match.group(1))


def test_structured_data_describes_the_course_its_lessons_and_the_quizzes(client):
    course = structured(client.get("/cours/").content.decode())
    assert course["@type"] == "Course" and course["inLanguage"] == "fr"
    lessons = [part["name"] for part in course["hasPart"]]
    assert "Fidéliser ses clients" in lessons and len(lessons) >= 9
    lesson = structured(client.get("/cours/fideliser-ses-clients/").content.decode())
    assert lesson["@type"] == "LearningResource" and lesson["isPartOf"]["@type"] == "Course"
    assert lesson["timeRequired"].startswith("PT")
    quiz = structured(client.get("/quiz/quiz-fideliser-ses-clients/").content.decode())
    assert quiz["@type"] == "Quiz" and quiz["about"]["name"] == "Fidéliser ses clients"
    assert structured(client.get("/recherche/?q=client").content.decode()) is None


def test_html_is_sent_compressed_to_browsers_that_accept_it(client):
    plain = client.get("/chiffres-cles/")
    assert "Content-Encoding" not in plain
    compressed = client.get("/chiffres-cles/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 4


def test_compressed_forms_carry_a_different_csrf_token_each_time_against_breach(client):
    def token():
        response = client.get("/compte/connexion/", HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    assert token() != token()


def test_migrate_gives_the_default_site_the_configured_address(client, settings):
    assert f'href="{SITE}/cours/"' in client.get("/cours/").content.decode()  # now cached
    settings.SITE_URL = "http://www.exemple.fr:8000"
    call_command("migrate", verbosity=0)
    response = client.get("/cours/")
    assert response["X-Page-Cache"] == "miss"  # a new content generation
    html = response.content.decode()
    assert '<link rel="canonical" href="http://www.exemple.fr:8000/cours/">' in html
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://www.exemple.fr:8000/cours/</loc>" in xml
    assert "<loc>http://www.exemple.fr:8000/quiz/</loc>" in xml


@pytest.mark.parametrize(
    "address",
    ["https://www.exemple.fr:8443", "http://www.exemple.fr:443", "https://exemple.fr/site/"],
)
def test_an_address_a_wagtail_site_cannot_hold_is_refused(settings, address):
    settings.SITE_URL = address
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        call_command("migrate", verbosity=0)


def extra_public_paths():
    """The pages outside the page tree that search engines read."""
    return [
        "/quiz/",
        "/recherche/",
        "/compte/connexion/",
        "/compte/inscription/",
        "/compte/mot-de-passe/",
        "/quiz/quiz-final/",
    ]


def test_every_public_page_has_its_own_description(client):
    seen = {}
    for path in dict.fromkeys(public_paths() + extra_public_paths()):
        description = meta(client.get(path).content.decode(), "name", "description")
        assert description, path
        assert description not in seen, f"{path} and {seen.get(description)} share one"
        seen[description] = path


def test_a_description_is_typeset_and_cut_after_a_whole_word(client):
    from typography.french import typeset_plain

    lesson = Page.objects.get(slug="relation-client-sur-les-reseaux-sociaux").specific
    full = typeset_plain(lesson.summary)
    assert len(full) > 160  # long enough to be cut
    html = client.get(lesson.url).content.decode()
    for description in (
        meta(html, "name", "description"),
        meta(html, "property", "og:description"),
        structured(html)["description"],
    ):
        assert description.endswith("…") and len(description) <= 160
        kept = description.removesuffix("…")
        assert full.startswith(kept) and full[len(kept)] == " ", description
        assert "'" not in description


def test_editors_write_the_descriptions_of_the_pages_outside_the_page_tree(client):
    from home.models import SiteSettings

    options = SiteSettings.objects.get()
    for path, field in [
        ("/quiz/", "quiz_index_description"),
        ("/recherche/", "search_description"),
        ("/compte/connexion/", "login_description"),
        ("/compte/inscription/", "signup_description"),
        ("/compte/mot-de-passe/", "password_reset_description"),
    ]:
        html = client.get(path).content.decode()
        assert meta(html, "name", "description") == getattr(options, field).replace(
            " :", "\u00a0:"
        ), path
    options.quiz_index_description = "Les quiz de l'atelier, pour s'entraîner entre deux séances."
    options.save()
    html = client.get("/quiz/").content.decode()
    assert meta(html, "name", "description") == (
        "Les quiz de l’atelier, pour s’entraîner entre deux séances."
    )


def test_a_lesson_is_an_article_and_every_other_page_a_website(client):
    for path in public_paths() + extra_public_paths():
        html = client.get(path).content.decode()
        expected = "article" if path.startswith("/cours/") and path != "/cours/" else "website"
        assert meta(html, "property", "og:type") == expected, path
        assert meta(html, "name", "twitter:card") == "summary_large_image", path
        assert meta(html, "property", "og:image:alt"), path
        assert meta(html, "name", "twitter:image:alt") == meta(html, "property", "og:image:alt")
    lesson = client.get("/cours/fideliser-ses-clients/").content.decode()
    assert meta(lesson, "property", "article:modified_time").startswith("20")


def all_structured(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_the_home_page_presents_the_organization(client):
    (organization,) = all_structured(client.get("/").content.decode())
    assert organization["@type"] == "Organization" and organization["name"] == "Atelier Réseaux"
    assert organization["url"] == f"{SITE}/"
    assert organization["logo"].startswith(f"{SITE}/static/") and organization["logo"].endswith(
        ".png"
    )
    assert organization["email"] == "contact@atelier-reseaux.fr"


def test_each_lesson_gives_the_breadcrumb_it_shows(client):
    for lesson in Page.objects.filter(depth=4).live().specific():
        html = client.get(lesson.url).content.decode()
        blocks = {data["@type"]: data for data in all_structured(html)}
        items = blocks["BreadcrumbList"]["itemListElement"]
        course = lesson.get_parent()
        assert [(item["position"], item["item"]) for item in items] == [
            (1, f"{SITE}{course.url}"),
            (2, f"{SITE}{lesson.url}"),
        ]
        assert items[0]["name"] == course.title.replace("'", "’")
        # The breadcrumb on the page: the course's link, then the lesson.
        start = html.index('<nav class="breadcrumb"')
        nav = html[start : html.index("</nav>", start)]
        assert f'<a href="{course.url}">' in nav and 'aria-current="page"' in nav
    # No breadcrumb, no BreadcrumbList.
    for path in ["/", "/cours/", "/chiffres-cles/", "/mentions-legales/"]:
        html = client.get(path).content.decode()
        assert "BreadcrumbList" not in html and 'class="breadcrumb"' not in html, path


def test_the_site_has_a_favicon_and_a_touch_icon(client):
    html = client.get("/").content.decode()
    icons = re.findall(r'<link rel="(icon|apple-touch-icon)" href="([^"]+)"', html)
    assert {rel for rel, _ in icons} == {"icon", "apple-touch-icon"}
    for _rel, href in icons:
        response = client.get(href)
        assert response.status_code == 200, href
        assert b"".join(response.streaming_content), href
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 302 and favicon.url.endswith(".ico")
    assert client.get(favicon.url).status_code == 200
