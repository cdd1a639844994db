"""The training body's official numbers, checked as the administrations issue them: an editor's
typing error would otherwise be printed on every attestation and certificate."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# La Poste's establishments share one SIREN and are numbered past what Luhn's check allows: the
# sum of their SIRET's digits is a multiple of 5 instead (INSEE's rule).
LA_POSTE_SIREN = "356000000"


def digits_of(value):
    """The number as typed, without its spaces (editors copy "123 456 789 00012")."""
    return "".join(value.split())


def luhn_valid(number):
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def validate_siret(value):
    number = digits_of(value)
    if len(number) != 14 or not number.isdigit():
        raise ValidationError(
            _("Le SIRET compte 14 chiffres (9 du SIREN, puis 5 de l'établissement)."),
            code="siret_length",
        )
    if luhn_valid(number):
        return
    if number.startswith(LA_POSTE_SIREN) and sum(int(d) for d in number) % 5 == 0:
        return
    raise ValidationError(
        _(
            "Ce SIRET n'existe pas : sa clé de contrôle ne correspond pas. Recopiez-le depuis "
            "l'avis de situation de l'INSEE ou un extrait Kbis."
        ),
        code="siret_check",
    )


def validate_declaration_number(value):
    number = digits_of(value)
    if len(number) != 11 or not number.isdigit():
        raise ValidationError(
            _(
                "Le numéro de déclaration d'activité compte 11 chiffres (par exemple "
                "84 42 00000 42), tel que le récépissé de la préfecture le donne."
            ),
            code="declaration_number",
        )
