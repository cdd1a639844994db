from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = "Ateliers"

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import signals
        from .personal_data import register_personal_data

        signals.connect(get_user_model())
        register_personal_data()
