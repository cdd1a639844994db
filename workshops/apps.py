from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = "Ateliers"

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import signals

        signals.connect(get_user_model())
