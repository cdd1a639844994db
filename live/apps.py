from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Séances en direct"

    def ready(self):
        from .personal_data import register_personal_data

        register_personal_data()
