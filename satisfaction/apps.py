from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "satisfaction"
    verbose_name = "Satisfaction"

    def ready(self):
        from jobs import periodic
        from workshops.indicators import SATISFACTION, register_indicator

        from . import signals  # noqa: F401
        from .personal_data import register_personal_data
        from .services import published_satisfaction, send_cold_surveys
        from .tasks import keep_closed_summaries

        register_personal_data()
        # The published results' satisfaction rate (reporting reads it, knowing no survey).
        register_indicator(SATISFACTION, published_satisfaction)
        # Some weeks after a workshop: its "à froid" questionnaire, then one reminder.
        periodic.register("satisfaction e-mails sent", send_cold_surveys)
        # Once its "à chaud" questionnaire has closed: the workshop's summary, kept.
        periodic.register("satisfaction summaries started", keep_closed_summaries)
