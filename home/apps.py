from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil"

    def ready(self):
        from caching.generation import invalidate_on_change
        from workshops.models import TrainingBody

        from . import compare  # noqa: F401 (registers the admin's French comparisons)
        from .models import SiteSettings

        invalidate_on_change(SiteSettings)  # navigation, credits, descriptions, legal notice
        invalidate_on_change(TrainingBody)  # the publisher, in the legal notice
