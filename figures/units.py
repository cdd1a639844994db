"""The units a figure is measured in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    PERCENT = "percent", _("pourcentage (%)")
    SHARE = "share", _("part (« 4 sur 5 »)")
    HOURS = "hours", _("heures")
    MINUTES = "minutes", _("minutes")
    COUNT = "count", _("nombre")
