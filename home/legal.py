"""The legal notice (mentions légales) from what editors filled in: the site's publisher (the
training body, "Paramètres → Organisme de formation", and the rest in "Paramètres → Site public")
and its host. The public page gives the facts that are filled in and leaves out the others; the
admin (the settings' form and the page's preview) lists what is missing. Nothing is typed in a
template: a fact nobody filled in is never replaced by a placeholder."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from workshops.models import TrainingBody

# Where editors fill each group of facts in.
TRAINING_BODY = _("Paramètres → Organisme de formation")
SITE = _("Paramètres → Site public, onglet « Mentions légales »")


@dataclass
class Fact:
    label: str
    value: str = ""
    where: str = ""
    required: bool = True
    lines: list = field(default_factory=list)  # an address, line by line


@dataclass
class LegalNotice:
    publisher: list  # the facts filled in, in the order a reader expects them
    host: list
    declaration_number: str
    missing: list  # Fact, with where to fill it in

    @property
    def complete(self):
        return not self.missing


def spaced_siret(number):
    """ "12345678900012" → "123 456 789 00012" (SIREN, then the establishment)."""
    if len(number) != 14:
        return number
    return f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}"


def legal_notice(site_settings, body=None):
    body = body if body is not None else TrainingBody.load()
    publisher = [
        Fact(_("Raison sociale"), body.name, TRAINING_BODY),
        Fact(_("Forme juridique"), site_settings.publisher_legal_form, SITE, required=False),
        Fact(_("Siège"), body.address, TRAINING_BODY),
        Fact(_("SIRET"), spaced_siret(body.siret), TRAINING_BODY),
        Fact(_("Téléphone"), site_settings.contact_phone, SITE),
        Fact(_("Adresse e-mail"), site_settings.contact_email, SITE),
        Fact(
            _("Directeur ou directrice de la publication"), site_settings.publication_director, SITE
        ),
    ]
    host = [
        Fact(_("Hébergeur"), site_settings.host_name, SITE),
        Fact(_("Adresse de l'hébergeur"), site_settings.host_address, SITE),
        Fact(_("Téléphone de l'hébergeur"), site_settings.host_phone, SITE),
    ]
    for fact in publisher + host:
        fact.value = fact.value.strip()
        fact.lines = [line.strip() for line in fact.value.splitlines() if line.strip()]
    return LegalNotice(
        publisher=[fact for fact in publisher if fact.value],
        host=[fact for fact in host if fact.value],
        declaration_number=body.declaration_number,
        missing=[fact for fact in publisher + host if fact.required and not fact.value],
    )
