from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = "Émargement"

    def ready(self):
        from workshops.assessment import register_final_test_rule

        from .personal_data import register_personal_data
        from .services import signed_for_final_test

        register_personal_data()
        register_final_test_rule(signed_for_final_test)
