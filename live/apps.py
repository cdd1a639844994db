from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Séances en direct"

    def ready(self):
        from jobs import periodic

        from . import services
        from .personal_data import register_personal_data

        register_personal_data()
        # Sessions left open end by themselves (their results recorded), worker or not.
        periodic.register("live sessions ended", services.end_sessions_over)
