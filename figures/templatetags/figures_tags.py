from django import template

from figures import charts

register = template.Library()


@register.inclusion_tag("figures/chart.html")
def series_chart(series):
    return {"chart": charts.series_chart(series)}
