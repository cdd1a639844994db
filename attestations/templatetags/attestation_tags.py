from datetime import date

from django import template
from django.utils.formats import date_format

from workshops.templatetags.workshop_tags import hours

register = template.Library()


@register.filter
def french_date(value):
    """An ISO date kept in an attestation's record, as "12 novembre 2026"."""
    if not value:
        return ""
    return date_format(date.fromisoformat(value), "j F Y")


# "14 heures", "1,5 heure": the workshops' own filter, for the attestations' templates too.
register.filter("hours", hours)


@register.filter
def percent(value):
    return "—" if value is None else f"{value}\u00a0%"
