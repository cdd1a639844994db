from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quiz"

    def ready(self):
        from . import signals  # noqa: F401
