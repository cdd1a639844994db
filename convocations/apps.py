from django.apps import AppConfig


class ConvocationsConfig(AppConfig):
    name = "convocations"
    verbose_name = "Convocations"

    def ready(self):
        from jobs import periodic
        from workshops.signals import schedule_saved

        from .personal_data import register_personal_data
        from .services import send_failed_again, send_reminders, send_updates_after_change

        register_personal_data()
        schedule_saved.connect(send_updates_after_change, dispatch_uid="convocations-updates")
        # The day before each day of sessions: checked every minute by the task worker.
        periodic.register("convocation reminders sent", send_reminders)
        # A convocation whose e-mail failed: sent once more, a day later.
        periodic.register("convocations sent again", send_failed_again)
