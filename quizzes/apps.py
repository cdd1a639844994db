from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quiz"

    def ready(self):
        from caching.generation import invalidate_on_change
        from lessons.freshness import register_audience
        from lessons.links import register_links

        from . import signals  # noqa: F401
        from .models import Quiz
        from .personal_data import register_personal_data
        from .reports import quiz_links, quiz_readings

        # Published through Wagtail's signals; a save also shows when a trainer reserves a quiz
        # to workshops (it leaves the lesson pages).
        invalidate_on_change(Quiz)
        register_personal_data()
        # The freshness report: how often each quiz was taken, and the links in its questions.
        register_audience(quiz_readings)
        register_links(quiz_links)
