from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "satisfaction"
    verbose_name = "Satisfaction"

    def ready(self):
        from jobs import periodic

        from .personal_data import register_personal_data
        from .services import send_cold_surveys

        register_personal_data()
        # Some weeks after a workshop: its "à froid" questionnaire, then one reminder.
        periodic.register("satisfaction e-mails sent", send_cold_surveys)
