from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = "Cours"

    def ready(self):
        from caching.generation import invalidate_on_change

        from . import signals  # noqa: F401
        from .models import Resource

        invalidate_on_change(Resource, on_save=False)  # published through Wagtail's signals
