"""Printed (Chromium's PDF), a lesson and the key figures stay readable: the site and the page's
address on the first page, where each link leads written out, and no heading left alone at the
foot of a page."""

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def printed(browser, url):
    """(the page's headings, each PDF page's lines)."""
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(url)
    headings = page.eval_on_selector_all(
        "main h1, main h2, main h3, main .chart__title, main .callout__title, "
        "main .checklist__title",
        "elements => elements.map((e) => e.textContent.trim())",
    )
    pdf = page.pdf(format="A4")
    page.context.close()
    pages = [
        [" ".join(line.split()) for line in p.extract_text().splitlines() if line.strip()]
        for p in PdfReader(io.BytesIO(pdf)).pages
    ]
    return [" ".join(h.split()) for h in headings], pages


def ends_with_a_heading(lines, headings):
    """Whether the page's last line is a heading, or the end of a heading wrapped on two lines."""
    last = lines[-1]
    return any(last == h or (len(last) > 3 and h.endswith(" " + last)) for h in headings)


# Ligatures the PDF's text gives back as one character.
LIGATURES = str.maketrans({"ﬁ": "fi", "ﬀ": "ff", "ﬂ": "fl"})


@pytest.mark.parametrize(
    "path",
    [
        "/cours/relation-client-sur-les-reseaux-sociaux/",
        "/chiffres-cles/",
        "/cours/pour-aller-plus-loin/",
    ],
)
def test_a_printed_lesson_or_key_figures_page_is_readable(seeded_site, browser, path):
    headings, pages = printed(browser, seeded_site + path)
    assert len(pages) > 1
    first = [line.translate(LIGATURES) for line in pages[0]]
    assert first[0] == "Atelier Réseaux"
    assert first[1] == f"https://atelier-reseaux.test{path}"  # the public address
    text = "\n".join(line for page in pages for line in page).translate(LIGATURES)
    assert "Menu" not in pages[0] and "Se connecter" not in text  # no header, no menu
    alone = [
        f"page {number}: « {lines[-1]} »"
        for number, lines in enumerate(pages[:-1], start=1)
        if ends_with_a_heading(lines, headings)
    ]
    assert not alone, alone
    if path == "/cours/pour-aller-plus-loin/":
        # Each resource's link, written after its title.
        for address in ("http://slidesha.re/kZuHLb", "http://bit.ly/viwzLH"):
            assert f"({address})" in re.sub(r"\s+", "", text), address
