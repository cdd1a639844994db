"""French typography in one rendering step: a non-breaking space before : ; ? ! and », after «,
and between a number and %, wherever text is rendered (templates, rich text, figures), so that
no line ever starts with a colon or a lone percent sign; the typographic apostrophe (’) for the
typewriter one; and no line break after the "t-" of "range-t-elle". Editors type ordinary spaces
and apostrophes. Text that is not HTML (a meta description, JSON-LD) goes through
`typeset_plain`."""

import re

from django.utils.safestring import SafeString

NBSP = "\u00a0"
# Around a fragment already typeset (and kept: the trainer's 200 KB results table), which the
# page's typesetting passes over with a plain string search. The markers leave the page with it.
_DONE, _DONE_END = "<!--typeset-->", "<!--/typeset-->"

# Code, raw text and comments are never typeset.
_RAW = re.compile(
    r"(<(script|style|textarea|pre|code)\b.*?</\2\s*>|<!--.*?-->)", re.DOTALL | re.IGNORECASE
)
# A text node (between two tags) with a breakable space before a mark, a guillemet, an apostrophe
# (as typed, or as Django's escaping writes it) or a euphonic t. Most nodes with a mark already
# have it right ("80\u00a0%" in a results table of thousands of cells).
_TEXT_TO_TYPESET = re.compile(r">([^<]*(?:[ \t\r\n][:;?!»%]|[«»']|&#x27;|&#39;|-t-)[^<]*)")
# Text that begins, after a tag, with a mark ("<b>Note</b> : …" is done in the text node, but
# "Note <b>:</b>" or "65 <abbr>%</abbr>" needs the previous node's space).
_MARK_AFTER_TAG = re.compile(r">[:;?!»%]")

_SPACE = "[ \t\r\n]"
_BEFORE_MARK = re.compile(rf"{_SPACE}+(?=[:;?!»])")
_NUMBER_PERCENT = re.compile(rf"(?<=\d){_SPACE}+(?=%)")
_AFTER_GUILLEMET = re.compile(rf"«(?:{_SPACE}+|(?=[^\s&]))")
_BEFORE_GUILLEMET = re.compile(r"»(?<=[^\s;]»)")  # after ";": "&nbsp;»" needs nothing

APOSTROPHE = "\u2019"
# An apostrophe after a letter: "l'enjeu", "aujourd'hui", "qu'" (escaped or not). Not a quote
# opening a word, nor a prime after a figure (5' is five minutes of arc, not an elision).
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])(?:'|&#x27;|&#39;)")
# "range-t-elle", "va-t-on": a line may break after "range-", never after "t-" (a word joiner
# there, invisible, forbids it).
WORD_JOINER = "\u2060"
_EUPHONIC_T = re.compile(r"(?<=[^\W\d_]-t-)(?=(?:il|elle|on|ils|elles)\b)", re.IGNORECASE)


def typeset_text(text):
    """French typography in the text of one node: non-breaking spaces, apostrophes, the
    euphonic t kept with its pronoun."""
    text = _BEFORE_MARK.sub(NBSP, text)
    text = _NUMBER_PERCENT.sub(NBSP, text)
    text = _AFTER_GUILLEMET.sub("«" + NBSP, text)
    text = _APOSTROPHE.sub(APOSTROPHE, text)
    text = _EUPHONIC_T.sub(WORD_JOINER, text)
    return _BEFORE_GUILLEMET.sub(NBSP + "»", text)


_SPACES = re.compile(r"[ \t\r\n]+")


def typeset_plain(text):
    """Plain text (not HTML) typeset as the page's text is: a meta description, a title or a
    description in JSON-LD. Runs of ordinary spaces and line breaks become one space."""
    return typeset_text(_SPACES.sub(" ", str(text)).strip())


def cut_at_word(text, limit):
    """At most `limit` characters, cut after a whole word (never inside one, nor between a word
    and the mark a non-breaking space holds to it), with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = text[:limit]  # the ellipsis takes the place of the space cut at
    cut = head.rfind(" ")
    if cut <= 0:
        return head[: limit - 1] + "…"
    return head[:cut].rstrip(" ,;:" + NBSP) + "…"


def _join_across_tags(html):
    pieces, done = [], 0
    for match in _MARK_AFTER_TAG.finditer(html):
        end = match.start()  # walk back over the tags to the end of the previous text
        while end >= done and html[end] == ">":
            end = html.rfind("<", done, end) - 1
        start = end
        while start >= done and html[start] in " \t\r\n":
            start -= 1
        mark = html[match.end() - 1]
        if start < end and (mark != "%" or html[start].isdigit()):
            pieces += [html[done : start + 1], NBSP]
            done = end + 1
    return "".join(pieces) + html[done:] if pieces else html


def _typeset_markup(html):
    # Text before the first tag counts too: as if a tag had just closed.
    html = _TEXT_TO_TYPESET.sub(lambda m: ">" + typeset_text(m.group(1)), ">" + html)[1:]
    return _join_across_tags(html)


def typeset(html):
    """French non-breaking spaces in the text of an HTML document, leaving tags, attributes,
    comments, scripts, styles and code untouched. Regular expressions over the whole document,
    not a parse: it runs on every page that is not cached, and must cost about a millisecond.
    Fragments made by `typeset_fragment` are not read again."""
    if _DONE not in html:
        return _typeset_document(html)
    first, *rest = html.split(_DONE)
    pieces = [_typeset_document(first)]
    for chunk in rest:
        done, _end, after = chunk.partition(_DONE_END)
        pieces += [done, _typeset_document(after)]
    return "".join(pieces)


def typeset_fragment(html):
    """An HTML fragment typeset now, for a page that keeps it and renders it again and again."""
    return SafeString(f"{_DONE}{typeset(html)}{_DONE_END}")


def _typeset_document(html):
    parts = _RAW.split(html)  # text, raw element, its tag name, text, ...
    return "".join(
        _typeset_markup(part) if index % 3 == 0 else part
        for index, part in enumerate(parts)
        if index % 3 != 2
    )


class FrenchTypographyMiddleware:
    """Typesets every HTML page of the site (not the admin, which is Wagtail's), a form sent
    back with its errors (400) or a missing page (404) as much as any other. It sits inside the
    page cache, so a cached page is typeset once, when it is rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code not in (204, 304)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/admin/")
        ):
            charset = response.charset or "utf-8"
            response.content = typeset(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
