"""A statistic cited inside running text. Stored as `<embed embedtype="statistic" id="N"/>`,
never as a typed number: the page shows the statistic's current published value, with its
date and source, so a figure changed once is right everywhere it is cited. The reference index
counts these citations (the "Utilisation" report)."""

import re

from django.utils.html import format_html
from django.utils.translation import gettext as _
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    KEEP_WHITESPACE,
    InlineEntityElementHandler,
)
from wagtail.rich_text import EmbedHandler

from .models import Statistic

FEATURE = "statistic"
ENTITY = "STATISTIC"


def inline_figure(statistic):
    """The HTML a reader sees: the value (a share in words, "un client sur trois"), then its
    date and source in a smaller note."""
    if statistic is None:
        return format_html(
            '<span class="inline-figure inline-figure--missing">{}</span>',
            _("[chiffre indisponible]"),
        )
    return format_html(
        '<span class="inline-figure"><span class="inline-figure__value">{}</span> '
        '<small class="inline-figure__dating">({})</small></span>',
        statistic.inline_value,
        statistic.dating,
    )


class StatisticEmbedHandler(EmbedHandler):
    identifier = FEATURE

    @staticmethod
    def get_model():
        return Statistic

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        """Every citation of one rich-text value in one query; a statistic that is not live
        (unpublished, deleted) shows as unavailable, never as an old number."""
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        live = Statistic.objects.filter(live=True).in_bulk([i for i in ids if i.isdigit()])
        return [inline_figure(live.get(int(i)) if i.isdigit() else None) for i in ids]

    @classmethod
    def expand_db_attributes(cls, attrs):
        return cls.expand_db_attributes_many([attrs])[0]

    @classmethod
    def extract_references(cls, attrs):
        yield Statistic, attrs["id"], "", ""


class StatisticElementHandler(InlineEntityElementHandler):
    """Database → editor: the embed becomes an immutable entity whose text is the current
    value, as the editor should read it."""

    mutability = "IMMUTABLE"

    def get_attribute_data(self, attrs):
        statistic = Statistic.objects.filter(pk=attrs.get("id")).first()
        return {
            "id": attrs.get("id"),
            "value": statistic.inline_value if statistic else "?",
            "label": str(statistic) if statistic else "",
        }

    def handle_starttag(self, name, attrs, state, contentstate):
        super().handle_starttag(name, attrs, state, contentstate)
        state.current_block.text += contentstate.entity_map[contentstate.entity_count - 1].data[
            "value"
        ]

    def handle_endtag(self, name, state, contentstate):
        super().handle_endtag(name, state, contentstate)
        state.leading_whitespace = KEEP_WHITESPACE  # or the next word loses its space


def statistic_entity(props):
    """Editor → database: only the reference; the text the editor saw is not kept."""
    return DOM.create_element("embed", {"embedtype": FEATURE, "id": props.get("id")})


CONTENTSTATE_RULE = {
    "from_database_format": {f'embed[embedtype="{FEATURE}"]': StatisticElementHandler(ENTITY)},
    "to_database_format": {"entity_decorators": {ENTITY: statistic_entity}},
}


# In the seed content and in questions imported or exported as text (quizzes.exchange),
# "[[stat:slug]]" cites a statistic inside a paragraph.
SEED_CITATION = re.compile(r"\[\[stat:([a-z0-9-]+)\]\]")


def citation_text(slug):
    """The text that cites a statistic where rich text is written as plain text."""
    return f"[[stat:{slug}]]"


def resolve_citations(text, statistic_ids):
    """Seed text → stored rich text: each [[stat:slug]] becomes the statistic's embed (an unknown
    slug fails loudly). statistic_ids: {slug: pk}."""
    return SEED_CITATION.sub(
        lambda match: f'<embed embedtype="{FEATURE}" id="{statistic_ids[match.group(1)]}"/>', text
    )
