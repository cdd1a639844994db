"""Numbers typed in estimates, as kept in attempts and as shown to French readers."""

from decimal import Decimal

from django.utils.formats import number_format


def canonical_number(value):
    """A typed number as kept in an attempt: no trailing zeros, never "-0"."""
    value = Decimal(value)
    if value == 0:
        return "0"
    value = value.normalize()
    return format(value, "f")


def french_number(value):
    """12.5 → "12,5"; 1000 → "1 000" (with a narrow no-break space); -0 → "0"."""
    return number_format(Decimal(canonical_number(value)), force_grouping=True)
