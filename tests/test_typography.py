"""French typography: no page lets a line break before : ; ? ! » or %, or after «; the text
readers see has typographic apostrophes (’), never the typewriter's, and "range-t-elle" never
breaks after its "t-"."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Page

from typography.french import (
    APOSTROPHE,
    NBSP,
    WORD_JOINER,
    cut_at_word,
    typeset,
    typeset_fragment,
    typeset_plain,
)

pytestmark = pytest.mark.django_db

# A breakable space where French typography wants a non-breaking one.
BREAKABLE = re.compile(r"[ \t\r\n]+[:;?!»]|«[ \t\r\n]|\d[ \t\r\n]+%")


class VisibleText(HTMLParser):
    """The text a reader sees, joined across inline tags (no scripts, styles or code)."""

    RAW = {"script", "style", "textarea", "pre", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.raw = [], 0

    def handle_starttag(self, tag, attrs):
        self.raw += tag in self.RAW

    def handle_endtag(self, tag):
        self.raw -= tag in self.RAW and self.raw > 0

    def handle_data(self, data):
        if not self.raw:
            self.parts.append(data)


def breakable_spaces(html):
    parser = VisibleText()
    parser.feed(html)
    text = "".join(parser.parts)
    return [text[max(0, m.start() - 30) : m.end() + 10] for m in BREAKABLE.finditer(text)]


def test_typeset_puts_non_breaking_spaces_where_french_wants_them():
    assert typeset("<h1>Quiz : fidéliser ?</h1>") == f"<h1>Quiz{NBSP}: fidéliser{NBSP}?</h1>"
    assert typeset("<p>« Bonjour »</p>") == f"<p>«{NBSP}Bonjour{NBSP}»</p>"
    assert typeset("<p>«Bonjour»</p>") == f"<p>«{NBSP}Bonjour{NBSP}»</p>"
    assert typeset("<p>65 % et 1 000 %</p>") == f"<p>65{NBSP}% et 1 000{NBSP}%</p>"
    # Across inline tags.
    assert typeset("<strong>Note</strong> : lu") == f"<strong>Note</strong>{NBSP}: lu"
    assert typeset("<span>65 </span><abbr>%</abbr>") == f"<span>65{NBSP}</span><abbr>%</abbr>"


def test_typeset_leaves_markup_code_and_existing_entities_alone():
    untouched = (
        '<a href="/recherche/?q=a ;b" title="Quiz : x">lien</a>'
        "<script>if (a ? b : c) {}</script><style>a { color: red !important; }</style>"
        "<pre>x : y</pre><textarea>a ?</textarea><!-- note : ok -->"
        "<p>«&nbsp;Bonjour&nbsp;» 65&nbsp;% 12:30 http://x.fr</p>"
    )
    assert typeset(untouched) == untouched


def test_typeset_writes_typographic_apostrophes_in_the_text_only():
    assert typeset("<p>L'enjeu d'aujourd'hui</p>") == "<p>L’enjeu d’aujourd’hui</p>"
    # As Django's escaping writes it, in a text node.
    assert typeset("<p>qu&#x27;il, l&#39;a</p>") == "<p>qu’il, l’a</p>"
    untouched = (
        "<a href=\"/recherche/?q=l'enjeu\" title=\"l'enjeu\" data-x='y'>lien</a>"
        "<code>a = 'b'</code><script>const s = 'l\\'a';</script><pre>l'a</pre>"
        "<textarea>l'a</textarea><p>un angle de 5' et « 'tis »</p>"
    )
    assert typeset(untouched) == untouched.replace("« 'tis »", f"«{NBSP}'tis{NBSP}»")


def test_a_euphonic_t_stays_with_its_pronoun():
    assert typeset("<p>La plateforme range-t-elle ? Va-t-on ?</p>") == (
        f"<p>La plateforme range-t-{WORD_JOINER}elle{NBSP}? Va-t-{WORD_JOINER}on{NBSP}?</p>"
    )
    # Not in other compounds.
    assert typeset("<p>un tee-shirt, un t-shirt</p>") == "<p>un tee-shirt, un t-shirt</p>"


def test_plain_text_is_typeset_and_cut_after_a_word():
    text = typeset_plain("Qu'est-ce qu'un réseau social ?\n  Les bases :   comprendre")
    assert text == f"Qu’est-ce qu’un réseau social{NBSP}? Les bases{NBSP}: comprendre"
    assert (
        cut_at_word("Un cours gratuit, en neuf leçons courtes", 30) == "Un cours gratuit, en neuf…"
    )
    assert cut_at_word("court", 30) == "court"
    # Never between a word and the mark a non-breaking space holds to it.
    assert cut_at_word(f"Quiz{NBSP}: fidéliser ses clients", 7) == "Quiz…"


def test_a_fragment_typeset_once_is_passed_over_and_leaves_no_marker():
    fragment = typeset_fragment("<td>Quiz : 80 %</td>")
    page = typeset(f"<p>Note : lu</p><table>{fragment}</table><p>Fin ?</p>")
    assert (
        page
        == f"<p>Note{NBSP}: lu</p><table><td>Quiz{NBSP}: 80{NBSP}%</td></table><p>Fin{NBSP}?</p>"
    )
    # Not read again: what the fragment holds is served as it was kept.
    kept = fragment.replace(f"Quiz{NBSP}:", "Quiz :")
    assert "<td>Quiz : 80" in typeset(f"<table>{kept}</table><p>Fin ?</p>")


def public_paths():
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    return [page.url for page in pages] + [
        "/quiz/",
        "/quiz/quiz-fideliser-ses-clients/",
        "/quiz/quiz-final/",
        "/recherche/?q=client",
        "/compte/connexion/",
        "/compte/inscription/",
    ]


def test_no_public_page_has_a_breakable_space_before_a_mark_or_a_percent(client):
    paths = public_paths()
    assert len(paths) > 15
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert breakable_spaces(response.content.decode()) == [], path


def test_learner_pages_are_typeset_too(client, django_user_model):
    user = django_user_model.objects.create_user("lea@example.fr", "x")
    client.force_login(user)
    response = client.get("/compte/mon-espace/")
    assert response.status_code == 200
    assert breakable_spaces(response.content.decode()) == []


def straight_apostrophes(html):
    parser = VisibleText()
    parser.feed(html)
    text = "".join(parser.parts)
    return [text[max(0, i - 30) : i + 10] for i, c in enumerate(text) if c == "'"]


def test_no_public_page_shows_a_typewriter_apostrophe(client):
    for path in public_paths():
        html = client.get(path).content.decode()
        assert straight_apostrophes(html) == [], path
        assert APOSTROPHE in html, path


def test_search_engines_and_link_previews_read_the_page_typeset(client):
    """The meta description, og:description, og:title and the JSON-LD, typeset like the page
    (they are attributes and a script, which the page's typesetting leaves alone)."""
    import json

    from tests.test_seo import meta, structured

    for path in ["/", "/cours/", "/cours/relation-client-sur-les-reseaux-sociaux/", "/quiz/"]:
        html = client.get(path).content.decode()
        for text in (
            meta(html, "name", "description"),
            meta(html, "property", "og:description"),
            meta(html, "property", "og:title"),
            json.dumps(structured(html) or {}, ensure_ascii=False),
        ):
            assert "'" not in text, (path, text)
            assert not BREAKABLE.search(text), (path, text)


def test_pages_answered_with_an_error_are_typeset_too(client):
    """A quiz sent incomplete comes back (400) with its questions, and an unknown address gets
    the site's page (404): the reader sees them as typeset as any other."""
    from tests.quiz_helpers import start, submit

    _form, token = start(client, "quiz-fideliser-ses-clients")
    incomplete = submit(client, "quiz-fideliser-ses-clients", {"attempt": token})
    missing = client.get("/pas-de-page-ici/")
    assert (incomplete.status_code, missing.status_code) == (400, 404)
    for response in (incomplete, missing):
        html = response.content.decode()
        assert straight_apostrophes(html) == []
        assert breakable_spaces(html) == []
    assert "fiche de l’ENE" in incomplete.content.decode()
