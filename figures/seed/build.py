"""Builds the statistics, their series and the key-figures page. Creates only what is missing."""

from decimal import Decimal

from django.db import transaction
from wagtail.models import ReferenceIndex

from figures.models import KeyFiguresPage, Series, SeriesItem, Statistic

from .pages import KEY_FIGURES_PAGE
from .statistics import DOCUMENTS_PUBLISHED, SERIES, STATISTICS


@transaction.atomic
def build_statistics():
    created = 0
    for row in STATISTICS:
        slug, value, unit, denominator, label, scope, source, year, tags, notes, *extra = row
        if Statistic.objects.filter(slug=slug).exists():
            continue
        statistic = Statistic(
            **(extra[0] if extra else {}),
            slug=slug,
            value=Decimal(value),
            unit=unit,
            denominator=denominator,
            label=label,
            scope=scope,
            source=source,
            year=year,
            published_in="" if year else DOCUMENTS_PUBLISHED,
            notes=notes,
            live=False,
        )
        statistic.tags.add(*tags)
        statistic.save()
        statistic.save_revision().publish()
        created += 1
    return created


@transaction.atomic
def build_series():
    created = 0
    statistics = {s.slug: s for s in Statistic.objects.all()}
    for slug, title, description, axis, items in SERIES:
        if Series.objects.filter(slug=slug).exists():
            continue
        series = Series.objects.create(
            slug=slug, title=title, description=description, value_axis_label=axis
        )
        SeriesItem.objects.bulk_create(
            SeriesItem(
                series=series,
                statistic=statistics[stat_slug],
                label=label,
                group=group,
                sort_order=index,
            )
            for index, (stat_slug, label, group) in enumerate(items)
        )
        # bulk_create sends no signal: the "Utilisation" of each statistic lists its chart.
        ReferenceIndex.create_or_update_for_object(series)
        created += 1
    return created


def figure(slug):
    return {"type": "key_figure", "value": {"statistic": Statistic.objects.get(slug=slug).pk}}


def chart(slug):
    return {"type": "chart", "value": {"series": Series.objects.get(slug=slug).pk}}


def build_key_figures_page(home):
    existing = KeyFiguresPage.objects.first()
    if existing:
        return existing, False
    data = KEY_FIGURES_PAGE
    page = KeyFiguresPage(
        title=data["title"],
        slug=data["slug"],
        introduction=data["introduction"],
        body=[
            {
                "type": "section",
                "value": {
                    "title": section["title"],
                    "anchor": section["anchor"],
                    "introduction": section["introduction"],
                    "items": [
                        chart(key) if kind == "chart" else figure(key)
                        for kind, key in section["items"]
                    ],
                },
            }
            for section in data["sections"]
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
