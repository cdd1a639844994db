from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def french_date(value):
    """An ISO date kept in an attestation's record, as "12 novembre 2026"."""
    if not value:
        return ""
    return date_format(date.fromisoformat(value), "j F Y")


@register.filter
def hours(value):
    """ "14.0" → "14 heures", "10.5" → "10,5 heures"."""
    if value in (None, ""):
        return ""
    number = float(value)
    shown = f"{number:.1f}".removesuffix(".0").replace(".", ",")
    return ngettext("%(hours)s heure", "%(hours)s heures", 2 if number > 1 else 1) % {
        "hours": shown
    }


@register.filter
def percent(value):
    return "—" if value is None else f"{value}\u00a0%"
