from django import template

register = template.Library()


@register.inclusion_tag("figures/chart.html")
def series_chart(series):
    return {"chart": series.chart()}
