from django.apps import AppConfig


class RecallConfig(AppConfig):
    name = "recall"
    verbose_name = "Révision des erreurs"

    def ready(self):
        from jobs import periodic

        from . import signals  # noqa: F401
        from .personal_data import register_personal_data
        from .reminders import send_review_reminders

        register_personal_data()
        # Once a day, from REVIEW_REMINDER_HOUR, to those who asked: checked every minute.
        periodic.register("review reminders sent", send_review_reminders)
