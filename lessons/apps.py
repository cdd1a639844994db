from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = "Cours"

    def ready(self):
        from caching.generation import invalidate_on_change

        from . import signals  # noqa: F401
        from .documents import register_document_rules
        from .freshness import content_links, register_audience
        from .links import register_links
        from .models import Resource
        from .personal_data import register_personal_data
        from .reading import lesson_readings

        invalidate_on_change(Resource, on_save=False)  # published through Wagtail's signals
        register_personal_data()
        register_document_rules()  # documents behind published content: moderators' files
        # The freshness report: who reads the lessons, and the links in what this app shows.
        register_audience(lesson_readings)
        register_links(content_links)
