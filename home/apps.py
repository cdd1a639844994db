from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil"

    def ready(self):
        from . import pagecache

        pagecache.connect_model_signals()
