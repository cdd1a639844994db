from django import template

from figures.charts import build_chart

register = template.Library()


@register.inclusion_tag("figures/chart.html")
def series_chart(series):
    return {"chart": build_chart(series)}
