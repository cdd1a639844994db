from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from . import signals  # noqa: F401
        from .personal_data import register_personal_data

        register_personal_data()
