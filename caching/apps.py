from django.apps import AppConfig, apps


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Cache"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from .addresses import apply_to_default_site
        from .generation import invalidate, invalidate_on_change

        # Publishing, unpublishing or moving any page or snippet changes what pages show.
        for signal in (page_published, page_unpublished, published, unpublished, post_page_move):
            signal.connect(invalidate, dispatch_uid=f"caching-{id(signal)}")
        # A page's own save is a draft until published (signal above); its deletion is not.
        invalidate_on_change(Page, on_save=False)
        invalidate_on_change(Site, PageViewRestriction)
        # Each release's `migrate` gives the default site the configured public address (sent
        # for apps with models: Wagtail's, which holds the Site).
        post_migrate.connect(
            apply_to_default_site,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="caching-site-url",
        )
