from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Travaux en arrière-plan")

    def ready(self):
        from . import signals  # noqa: F401
        from .personal_data import register_personal_data

        register_personal_data()
