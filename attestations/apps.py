from django.apps import AppConfig


class AttestationsConfig(AppConfig):
    name = "attestations"
    verbose_name = "Attestations"

    def ready(self):
        from .personal_data import register_personal_data

        register_personal_data()
