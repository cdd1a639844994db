"""The name a learner goes by on every page and document of a workshop (read through
workshops.reading, which the results table's version covers)."""

from django.utils.translation import gettext_lazy as _

NO_NAME = _("Participant sans nom")


def learner_name(first_name, last_name):
    return f"{first_name} {last_name}".strip() or str(NO_NAME)
