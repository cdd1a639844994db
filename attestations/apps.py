from django.apps import AppConfig


class AttestationsConfig(AppConfig):
    name = "attestations"
    verbose_name = "Attestations"

    def ready(self):
        from . import checks, signals  # noqa: F401 - registers the check, connects the receivers
        from .personal_data import register_personal_data

        register_personal_data()
