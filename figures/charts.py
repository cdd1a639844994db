"""Server-side geometry for accessible horizontal bar charts (rendered as SVG by a template).

Each category gets its own row: its name (wrapped when long), then one bar per group below it,
so long names fit on a phone and the chart needs no JavaScript. The same data goes into an
HTML table. Statistics series (`Series.chart`) and trainers' score distributions both use it.
"""

import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString

WIDTH = 320  # narrow, so that text stays legible when a phone scales the chart down
PLOT_WIDTH = 250  # room after the longest bar for its value
LABEL_HEIGHT = 19
LABEL_CHARACTERS = 34
BAR_HEIGHT = 20
BAR_GAP = 4
ROW_GAP = 14
TOP = 8
AXIS_HEIGHT = 44
# The value axis's title is centred under the drawing, wrapped so that no line is wider than it
# (centred under the bars alone, a 34-character title ran off the left edge).
AXIS_LABEL_CHARACTERS = 38
AXIS_LABEL_LINE = 16
PALETTE = ["bar-a", "bar-b", "bar-c"]


@dataclass
class ChartItem:
    label: str  # the category: "Facebook"
    value: Decimal  # what the bar's length shows
    display: str  # the value as written: "42 %"
    table_display: str = ""  # in the table, if not `display`: "2 sur 3 (67 %)"
    group: str = ""  # for two measures per category: "Inscrits", "Actifs"
    note: str = ""  # shown in the table: the source and year
    highlight: bool = False  # a bar to set apart (a quiz's right answer), besides its label


@dataclass
class Bar:
    item: ChartItem
    y: int
    width: float
    css_class: str

    @property
    def text_x(self):
        return self.width + 6

    @property
    def text_y(self):
        return self.y + 15


@dataclass
class Row:
    label: str
    lines: list  # (y, text): long category names wrap onto several lines
    bars: list = field(default_factory=list)


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    axis_label: str
    rows: list
    groups: list
    height: int
    axis_y: int
    ticks: list
    axis_lines: list = field(default_factory=list)
    width = WIDTH
    axis_middle = WIDTH // 2

    @property
    def legend(self):
        return [(group, PALETTE[i % len(PALETTE)]) for i, group in enumerate(self.groups) if group]

    @property
    def table_rows(self):
        """(category, [item or None per group], notes) for the data table."""
        result = []
        for row in self.rows:
            by_group = {bar.item.group: bar.item for bar in row.bars}
            items = [by_group.get(group) for group in self.groups]
            notes = list(dict.fromkeys(item.note for item in items if item and item.note))
            result.append((row.label, items, notes))
        return result

    @property
    def has_notes(self):
        return any(notes for _, _, notes in self.table_rows)

    def svg(self):
        """The chart as inline SVG, named by its title and described by every value (for screen
        readers; the table beside it holds the same data). Written here rather than by a
        template: a lesson draws several charts, and a template loop over each bar, tick and
        label was most of the cost of rendering it."""
        slug = text(self.slug)
        sentences = [str(self.description)] if self.description else []
        for row in self.rows:
            values = [f"{bar.item.group} {bar.item.display}".strip() for bar in row.bars]
            sentences.append(f"{row.label} : {', '.join(values)}.")
        description = text(" ".join(sentences))
        parts = [
            f'<svg class="chart__svg" viewBox="0 0 {self.width} {self.height}" role="img" '
            f'aria-labelledby="chart-{slug}-title chart-{slug}-desc" '
            'preserveAspectRatio="xMinYMin meet">',
            f'<title id="chart-{slug}-title">{text(self.title)}</title>',
            f'<desc id="chart-{slug}-desc">{description}</desc>',
        ]
        last = len(self.ticks) - 1
        for index, (x, tick) in enumerate(self.ticks):
            anchor = "start" if index == 0 else "end" if index == last else "middle"
            label = f"{tick:.1f}".removesuffix(".0").replace(".", ",")  # French decimal comma
            parts.append(
                f'<line class="chart__grid" x1="{x}" x2="{x}" y1="0" y2="{self.axis_y}"/>'
                f'<text class="chart__tick" x="{x}" y="{self.axis_y + 17}" '
                f'text-anchor="{anchor}">{label}</text>'
            )
        for index, line in enumerate(self.axis_lines):
            parts.append(
                f'<text class="chart__axis-label" x="{self.axis_middle}" '
                f'y="{self.axis_y + 38 + index * AXIS_LABEL_LINE}" '
                f'text-anchor="middle">{text(line)}</text>'
            )
        for row in self.rows:
            lines = "".join(f'<tspan x="0" y="{y}">{text(line)}</tspan>' for y, line in row.lines)
            parts.append(f'<text class="chart__category">{lines}</text>')
            for bar in row.bars:
                parts.append(
                    f'<rect class="chart__bar {bar.css_class}" x="0" y="{bar.y}" '
                    f'width="{bar.width}" height="20" rx="2"/>'
                    f'<text class="chart__value" x="{bar.text_x}" y="{bar.text_y}">'
                    f"{text(bar.item.display)}</text>"
                )
        parts.append("</svg>")
        return SafeString("".join(parts))


def text(value):
    """Escaped for HTML, whether the value is text, a number or a lazy translation."""
    return escape(str(value))


def nice_maximum(values):
    top = max(values, default=Decimal(1)) or Decimal(1)
    step = Decimal(10) ** (len(str(int(top))) - 1)
    return ((top // step) + 1) * step


def count_maximum(values):
    """For counts of people: a multiple of 4, so that the axis's five ticks are whole numbers."""
    top = int(max(values, default=0))
    return Decimal(max(4, -(-top // 4) * 4))


def build_chart(slug, title, items, description="", axis_label="", maximum=None, counts=False):
    """Lay out the items; None when there is nothing to show. counts: the values are numbers
    of people (whole-number ticks)."""
    if not items:
        return None
    values = [item.value for item in items]
    if maximum:
        maximum = Decimal(maximum)
    else:
        maximum = count_maximum(values) if counts else nice_maximum(values)
    groups = list(dict.fromkeys(item.group for item in items))
    categories = list(dict.fromkeys(item.label for item in items))

    rows, y = [], TOP
    for category in categories:
        lines = []
        for text in textwrap.wrap(category, LABEL_CHARACTERS) or [""]:
            lines.append((y + 15, text))
            y += LABEL_HEIGHT
        row = Row(label=category, lines=lines)
        for item in items:
            if item.label != category:
                continue
            row.bars.append(
                Bar(
                    item=item,
                    y=y,
                    width=round(float(item.value / maximum) * PLOT_WIDTH, 1),
                    css_class="bar-highlight"
                    if item.highlight
                    else PALETTE[groups.index(item.group) % len(PALETTE)],
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        rows.append(row)
        y += ROW_GAP
    ticks = [(round(PLOT_WIDTH * i / 4, 1), float(maximum * i / 4)) for i in range(5)]
    axis_lines = textwrap.wrap(str(axis_label), AXIS_LABEL_CHARACTERS)
    return Chart(
        slug=slug,
        title=title,
        description=description,
        axis_label=axis_label,
        rows=rows,
        groups=groups,
        height=y + AXIS_HEIGHT + max(0, len(axis_lines) - 1) * AXIS_LABEL_LINE,
        axis_y=y,
        ticks=ticks,
        axis_lines=axis_lines,
    )
