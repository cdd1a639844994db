from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = "Cours"

    def ready(self):
        from caching.generation import invalidate_on_change

        from . import signals  # noqa: F401
        from .models import Resource
        from .personal_data import register_personal_data

        invalidate_on_change(Resource, on_save=False)  # published through Wagtail's signals
        register_personal_data()
