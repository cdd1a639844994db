"""Numbers typed in estimates, as kept in attempts and as shown to French readers."""

from decimal import Decimal

from figures.wording import plain_number


def canonical_number(value):
    """A typed number as kept in an attempt: no trailing zeros, never "-0"."""
    value = Decimal(value)
    if value == 0:
        return "0"
    value = value.normalize()
    return format(value, "f")


def french_number(value):
    """12.5 → "12,5"; 1000 → "1 000"; -0 → "0": as the site writes every figure."""
    return plain_number(value)
