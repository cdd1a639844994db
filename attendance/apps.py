from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = "Émargement"

    def ready(self):
        from .personal_data import register_personal_data

        register_personal_data()
