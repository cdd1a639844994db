"""Two drawings of how answers spread that horizontal bar charts (`figures.charts`) do not suit,
drawn on the server as inline SVG in the same way: named by a title, described by every value
for screen readers, escaped, no JavaScript, a table of the same data beside them.

- a word cloud: each word sized by how many gave it;
- the columns of a scale (1 to 5, 0 to 10), with the mean marked.
"""

import math
import textwrap
from dataclasses import dataclass

from django.utils.safestring import SafeString

from .charts import text

# A word cloud: drawn for a wide screen (a projector), scaled down with the page.
CLOUD_WIDTH = 960
CLOUD_PADDING = 12
SMALLEST, LARGEST = 22, 84  # font sizes, in the drawing's units
# A bold sans-serif glyph's average advance, in em: each word is then drawn at exactly that
# width (textLength), so that no word runs into the next whatever the font.
ADVANCE = 0.6
WORD_GAP = 26
LINE_HEIGHT = 1.18
CLOUD_WORDS = 40
# A screen is wider than high: the words shrink together until the cloud is at most this high
# for its width (a little, never below SMALLEST_SCALE of their size).
CLOUD_RATIO = 0.55
SHRINK = 0.9
SMALLEST_SCALE = 0.5
CLOUD_PALETTE = ["cloud-a", "cloud-b", "cloud-c", "cloud-d"]


@dataclass
class PlacedWord:
    text: str
    count: int
    size: float
    width: float
    css_class: str
    x: float = 0
    y: float = 0


def word_sizes(words, scale=1.0):
    """[PlacedWord] with its size: the most frequent word the largest, by the square root of
    the counts (areas then grow with them), all of them times `scale`."""
    top, bottom = words[0][1], words[-1][1]
    room = CLOUD_WIDTH - 2 * CLOUD_PADDING
    placed = []
    for rank, (word, count) in enumerate(words):
        share = math.sqrt((count - bottom) / (top - bottom)) if top > bottom else 0.6
        size = (SMALLEST + (LARGEST - SMALLEST) * share) * scale
        size = min(size, room / (max(len(word), 1) * ADVANCE))  # a long word still fits
        width = round(len(word) * size * ADVANCE, 1)
        css = CLOUD_PALETTE[rank % len(CLOUD_PALETTE)]
        placed.append(PlacedWord(word, count, round(size, 1), width, css))
    return placed


def centre_out(items):
    """The first item in the middle, the next ones on either side in turn: the largest words
    (and the lines that hold them) end up in the centre of the cloud."""
    arranged = []
    for index, item in enumerate(items):
        if index % 2:
            arranged.insert(0, item)
        else:
            arranged.append(item)
    return arranged


def layout(words, scale):
    """The words sized (times `scale`) and placed in centred lines, each where it first fits:
    ([PlacedWord], the drawing's height)."""
    room = CLOUD_WIDTH - 2 * CLOUD_PADDING
    lines = []  # each: [words, width used]
    for word in word_sizes(words, scale):
        for line in lines:  # the first line with room for it
            if line[1] + WORD_GAP + word.width <= room:
                line[0].append(word)
                line[1] += WORD_GAP + word.width
                break
        else:
            lines.append([[word], word.width])
    y = CLOUD_PADDING
    drawn = []
    for line_words, used in centre_out(lines):
        tallest = max(word.size for word in line_words)
        baseline = y + tallest * 0.92
        x = CLOUD_PADDING + (room - used) / 2
        for word in centre_out(line_words):
            word.x, word.y = round(x, 1), round(baseline, 1)
            x += word.width + WORD_GAP
            drawn.append(word)
        y += tallest * LINE_HEIGHT
    return drawn, round(y + CLOUD_PADDING)


def word_cloud(slug, title, words, description=""):
    """The cloud of `words` ([(word, count)], the most frequent first; the first CLOUD_WORDS
    of them) as inline SVG, or None without any word."""
    words = list(words)[:CLOUD_WORDS]
    if not words:
        return None
    scale = 1.0
    drawn, height = layout(words, scale)
    while height > CLOUD_WIDTH * CLOUD_RATIO and scale * SHRINK >= SMALLEST_SCALE:
        scale *= SHRINK
        drawn, height = layout(words, scale)
    slug = text(slug)
    sentences = [str(description)] if description else []
    sentences += [f"{word} : {count}." for word, count in words]
    parts = [
        f'<svg class="cloud__svg" viewBox="0 0 {CLOUD_WIDTH} {height}" role="img" '
        f'aria-labelledby="cloud-{slug}-title cloud-{slug}-desc" '
        'preserveAspectRatio="xMidYMid meet">',
        f'<title id="cloud-{slug}-title">{text(title)}</title>',
        f'<desc id="cloud-{slug}-desc">{text(" ".join(sentences))}</desc>',
    ]
    for word in drawn:
        parts.append(
            f'<text class="cloud__word {word.css_class}" x="{word.x}" y="{word.y}" '
            f'font-size="{word.size}" textLength="{word.width}" '
            f'lengthAdjust="spacingAndGlyphs">{text(word.text)}</text>'
        )
    parts.append("</svg>")
    return SafeString("".join(parts))


# The columns of a scale.

SCALE_WIDTH = 640
SCALE_SIDE = 20
COLUMNS_TOP = 64  # room for the counts and the mean's label above the columns
COLUMNS_HEIGHT = 190
END_LABEL_CHARACTERS = 26


def scale_columns(
    slug, title, rows, low_label="", high_label="", mean=None, mean_text="", description=""
):
    """Inline SVG of a scale's answers: a column per value (`rows`: [(value, count)] in the
    scale's order) with its count above it and the value below, the meaning of both ends under
    them, and the mean (`mean`, written `mean_text`) marked by a dashed line."""
    if not rows:
        return None
    plot = SCALE_WIDTH - 2 * SCALE_SIDE
    slot = plot / len(rows)
    column = slot * 0.7
    most = max(count for _value, count in rows) or 1
    baseline = COLUMNS_TOP + COLUMNS_HEIGHT
    low_lines = textwrap.wrap(str(low_label), END_LABEL_CHARACTERS)[:3]
    high_lines = textwrap.wrap(str(high_label), END_LABEL_CHARACTERS)[:3]
    height = baseline + 34 + 22 * max(len(low_lines), len(high_lines), 0) + 8
    slug = text(slug)
    sentences = [str(description)] if description else []
    sentences += [f"{value} : {count}." for value, count in rows]
    if mean_text:
        sentences.append(str(mean_text) + ".")
    parts = [
        f'<svg class="scale__svg" viewBox="0 0 {SCALE_WIDTH} {height}" role="img" '
        f'aria-labelledby="scale-{slug}-title scale-{slug}-desc" '
        'preserveAspectRatio="xMinYMin meet">',
        f'<title id="scale-{slug}-title">{text(title)}</title>',
        f'<desc id="scale-{slug}-desc">{text(" ".join(sentences))}</desc>',
        f'<line class="scale__axis" x1="{SCALE_SIDE}" x2="{SCALE_WIDTH - SCALE_SIDE}" '
        f'y1="{baseline}" y2="{baseline}"/>',
    ]
    centres = [round(SCALE_SIDE + slot * (index + 0.5), 1) for index in range(len(rows))]
    if mean is not None and len(rows) > 1:
        # Behind the columns, its label above them all.
        low, high = rows[0][0], rows[-1][0]
        x = round(centres[0] + (float(mean) - low) / (high - low) * (centres[-1] - centres[0]), 1)
        anchor = "start" if x < SCALE_WIDTH * 0.2 else "end" if x > SCALE_WIDTH * 0.8 else "middle"
        parts.append(
            f'<line class="scale__mean" x1="{x}" x2="{x}" y1="30" y2="{baseline}"/>'
            f'<text class="scale__mean-label" x="{x}" y="22" text-anchor="{anchor}">'
            f"{text(mean_text)}</text>"
        )
    for centre, (value, count) in zip(centres, rows, strict=True):
        bar = round(COLUMNS_HEIGHT * count / most, 1)
        parts.append(
            f'<rect class="scale__column" x="{round(centre - column / 2, 1)}" '
            f'y="{baseline - bar}" width="{round(column, 1)}" height="{bar}" rx="3"/>'
            f'<text class="scale__count" x="{centre}" y="{baseline - bar - 8}" '
            f'text-anchor="middle">{count}</text>'
            f'<text class="scale__value" x="{centre}" y="{baseline + 26}" '
            f'text-anchor="middle">{text(value)}</text>'
        )
    for lines, x, anchor in (
        (low_lines, SCALE_SIDE, "start"),
        (high_lines, SCALE_WIDTH - SCALE_SIDE, "end"),
    ):
        for index, line in enumerate(lines):
            parts.append(
                f'<text class="scale__end" x="{x}" y="{baseline + 52 + 22 * index}" '
                f'text-anchor="{anchor}">{text(line)}</text>'
            )
    parts.append("</svg>")
    return SafeString("".join(parts))
