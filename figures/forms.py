"""A figure's value as editors type it: French decimals ("80,5"), in a text field. A number
field would not do: the browser drops a comma it does not expect, and "80,5" became 805."""

from decimal import Decimal

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .wording import plain_number

SPACES = (" ", "\u00a0", "\u202f")


class FrenchDecimalField(forms.DecimalField):
    """A decimal typed the French way ("80,5", "1 234,5") or the English way ("80.5"), shown
    back as the site writes it ("80,5", never "80,50")."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Saisissez un nombre, avec une virgule pour les décimales : « 80,5 »."),
    }

    def widget_attrs(self, widget):
        # A phone shows its keypad with a decimal separator; nothing rewrites what is typed.
        return super().widget_attrs(widget) | {"inputmode": "decimal", "autocomplete": "off"}

    def to_python(self, value):
        if isinstance(value, str):
            for space in SPACES:
                value = value.replace(space, "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return plain_number(value).translate({ord(space): None for space in SPACES})
        return value


class StatisticForm(WagtailAdminModelForm):
    value = FrenchDecimalField(
        label=capfirst(_("valeur")),
        max_digits=12,
        decimal_places=2,
        help_text=_("Une virgule pour les décimales : « 80,5 »."),
    )
