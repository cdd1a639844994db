"""An explanation or a choice's comment (rich text) written as plain text, for the files questions
are imported from and exported to, and back:

- paragraphs are separated by a blank line; a single line break stays a line break;
- **bold**, *italic*, [a link](https://…), a page of the site [its title](page:12);
- a key figure is cited as [[stat:its-identifier]] (figures.rich_text): the site shows its
  current published value, never a number typed in the file;
- a backslash keeps the next character as it is: \\* \\[ \\] \\\\.

Nothing else exists in the editors' explanations (quizzes.blocks.EXPLANATION_FEATURES): any
other HTML (a GIFT file's [html] text) is reduced to its text, and what was dropped is said."""

import re
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from wagtail.models import Page

from figures.models import Statistic
from figures.rich_text import FEATURE, SEED_CITATION, citation_text

SPECIAL = re.compile(r"([\\*\[\]])")
PAGE_LINK = re.compile(r"page:(\d+)")
SAFE_LINK = re.compile(r"(https?://|mailto:|#)\S*")
INLINE = re.compile(
    r"(?P<escape>\\(?P<escaped>.))"
    r"|" + SEED_CITATION.pattern.replace("(", "(?P<stat>", 1) + r""
    r"|\[(?P<label>(?:\\.|[^\]\\])+)\]\((?P<target>[^)\s]+)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|\*(?P<italic>[^*\s](?:.*?[^*\s])?)\*",
    re.DOTALL,
)


def escape_text(text):
    """Plain text that the markup must keep as it is."""
    return SPECIAL.sub(r"\\\1", text)


class _TextWriter(HTMLParser):
    """Stored rich text → the markup. `dropped` names the tags that had no equivalent."""

    BOLD = ("b", "strong")
    ITALIC = ("i", "em")
    BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "div")

    def __init__(self, statistic_slugs):
        super().__init__(convert_charrefs=True)
        self.slugs = statistic_slugs
        self.paragraphs = []
        self.current = []
        self.links = []
        self.dropped = []

    def _close_paragraph(self):
        text = "".join(self.current).strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS:
            self._close_paragraph()
            if tag not in ("p", "div"):
                self.dropped.append(tag)
        elif tag == "br":
            self.current.append("\n")
        elif tag in self.BOLD:
            self.current.append("**")
        elif tag in self.ITALIC:
            self.current.append("*")
        elif tag == "a":
            if attrs.get("linktype") == "page":
                target = f"page:{attrs.get('id')}"
            else:
                target = attrs.get("href") or ""
            if target and (PAGE_LINK.fullmatch(target) or SAFE_LINK.fullmatch(target)):
                self.current.append("[")
                self.links.append(target)
            else:
                self.links.append(None)
                self.dropped.append("a")
        elif tag == "embed" and attrs.get("embedtype") == FEATURE:
            slug = self.slugs.get(str(attrs.get("id")))
            if slug:
                self.current.append(citation_text(slug))
            else:
                self.dropped.append(_("chiffre clé supprimé"))
        elif tag not in ("ul", "ol", "span", "html", "body"):
            self.dropped.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._close_paragraph()
        elif tag in self.BOLD:
            self.current.append("**")
        elif tag in self.ITALIC:
            self.current.append("*")
        elif tag == "a" and self.links:
            target = self.links.pop()
            if target:
                self.current.append(f"]({target})")

    def handle_data(self, data):
        self.current.append(escape_text(data))


def html_to_text(html, statistic_slugs=None):
    """(markup, tags dropped) of stored rich text or of HTML. statistic_slugs: {str(pk): slug}
    of the statistics cited (read when not given)."""
    if not html:
        return "", []
    if statistic_slugs is None:
        ids = re.findall(r'embedtype="statistic"[^>]*\bid="(\d+)"', html)
        statistic_slugs = {
            str(pk): slug
            for pk, slug in Statistic.objects.filter(pk__in=ids).values_list("pk", "slug")
        }
    writer = _TextWriter(statistic_slugs)
    writer.feed(html)
    writer.close()
    writer._close_paragraph()
    return "\n\n".join(writer.paragraphs), sorted(set(writer.dropped))


class MarkupError(ValueError):
    """Markup that cannot become rich text (an unknown figure, a page that does not exist), with
    the reason in French."""


def text_to_html(text, statistic_ids=None, page_ids=None):
    """Markup → stored rich text. statistic_ids: {slug: pk}; page_ids: the ids of existing pages
    (both read when not given). Raises MarkupError."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ""
    if statistic_ids is None:
        slugs = SEED_CITATION.findall(text)
        statistic_ids = dict(Statistic.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    if page_ids is None:
        wanted = [int(pk) for pk in PAGE_LINK.findall(text)]
        page_ids = set(Page.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(
        f"<p>{_inline(paragraph, statistic_ids, page_ids)}</p>" for paragraph in paragraphs
    )


def _inline(text, statistic_ids, page_ids):
    html = []
    position = 0
    for match in INLINE.finditer(text):
        html.append(_plain(text[position : match.start()]))
        position = match.end()
        if match["escape"]:
            html.append(escape(match["escaped"]))
        elif match["stat"]:
            slug = match["stat"]
            if slug not in statistic_ids:
                raise MarkupError(
                    _("Aucun chiffre clé n'a l'identifiant « %(slug)s ».") % {"slug": slug}
                )
            html.append(f'<embed embedtype="{FEATURE}" id="{statistic_ids[slug]}"/>')
        elif match["label"] is not None:
            label = _inline(match["label"], statistic_ids, page_ids)
            target = match["target"]
            page = PAGE_LINK.fullmatch(target)
            if page:
                if int(page[1]) not in page_ids:
                    raise MarkupError(
                        _("Le lien « %(target)s » mène à une page qui n'existe pas.")
                        % {"target": target}
                    )
                html.append(f'<a linktype="page" id="{page[1]}">{label}</a>')
            elif SAFE_LINK.fullmatch(target):
                html.append(f'<a href="{escape(target)}">{label}</a>')
            else:
                raise MarkupError(
                    _(
                        "Le lien « %(target)s » n'est ni une adresse (https://…) ni une page du "
                        "site (page:12)."
                    )
                    % {"target": target}
                )
        elif match["bold"] is not None:
            html.append(f"<b>{_inline(match['bold'], statistic_ids, page_ids)}</b>")
        else:
            html.append(f"<i>{_inline(match['italic'], statistic_ids, page_ids)}</i>")
    html.append(_plain(text[position:]))
    return "".join(html)


def _plain(text):
    return escape(text, quote=False).replace("\n", "<br/>")
