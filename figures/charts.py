"""Server-side geometry for accessible horizontal bar charts (rendered as SVG by a template).

Each category gets its own row: its name (wrapped when long), then one bar per group below it,
so long names fit on a phone and the chart needs no JavaScript. The same data goes into an
HTML table.
"""

import textwrap
from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 320  # narrow, so that text stays legible when a phone scales the chart down
PLOT_WIDTH = 250  # room after the longest bar for its value
LABEL_HEIGHT = 19
LABEL_CHARACTERS = 34
BAR_HEIGHT = 20
BAR_GAP = 4
ROW_GAP = 14
TOP = 8
AXIS_HEIGHT = 44
PALETTE = ["bar-a", "bar-b", "bar-c"]


@dataclass
class Bar:
    statistic: object
    group: str
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
    series: object
    rows: list
    groups: list
    height: int
    axis_y: int
    ticks: list
    uses_percent: bool

    width = WIDTH
    axis_middle = PLOT_WIDTH // 2

    @property
    def legend(self):
        return [(group, PALETTE[i % len(PALETTE)]) for i, group in enumerate(self.groups) if group]

    @property
    def table_rows(self):
        """(category, [statistic or None per group], datings) for the data table."""
        result = []
        for row in self.rows:
            by_group = {bar.group: bar.statistic for bar in row.bars}
            stats = [by_group.get(group) for group in self.groups]
            datings = list(dict.fromkeys(str(s.dating) for s in stats if s))
            result.append((row.label, stats, datings))
        return result


def magnitude(statistic, uses_percent):
    return statistic.percent if uses_percent else statistic.value


def nice_maximum(values):
    top = max(values, default=Decimal(1)) or Decimal(1)
    step = Decimal(10) ** (len(str(int(top))) - 1)
    return ((top // step) + 1) * step


def build_chart(series):
    """Lay out the series' published items; None when none is published."""
    items = series.live_items()
    if not items:
        return None
    uses_percent = all(item.statistic.percent is not None for item in items)
    maximum = (
        Decimal(100) if uses_percent else nice_maximum([item.statistic.value for item in items])
    )
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
            share = magnitude(item.statistic, uses_percent) / maximum
            row.bars.append(
                Bar(
                    statistic=item.statistic,
                    group=item.group,
                    y=y,
                    width=round(float(share) * PLOT_WIDTH, 1),
                    css_class=PALETTE[groups.index(item.group) % len(PALETTE)],
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        rows.append(row)
        y += ROW_GAP
    ticks = [(round(PLOT_WIDTH * i / 4, 1), float(maximum * i / 4)) for i in range(5)]
    return Chart(
        series=series,
        rows=rows,
        groups=groups,
        height=y + AXIS_HEIGHT,
        axis_y=y,
        ticks=ticks,
        uses_percent=uses_percent,
    )
