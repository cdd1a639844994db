from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = "Ateliers"

    def ready(self):
        from django.contrib.auth import get_user_model

        from jobs import periodic

        from . import signals
        from .personal_data import register_personal_data
        from .roster import resend_failed_invitations

        signals.connect(get_user_model())
        register_personal_data()
        # An invitation whose e-mail failed: sent once more, a day later.
        periodic.register("invitations sent again", resend_failed_invitations)
