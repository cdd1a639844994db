from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = "Chiffres clés"

    def ready(self):
        from caching.generation import invalidate_on_change
        from privacy.registry import EDITORS_LOCK, UNLINKED, register

        from .admin_ui import guard_spreadsheet_exports
        from .models import FiguresSettings, Series, SeriesItem, Statistic

        guard_spreadsheet_exports()

        # A statistic reaches pages when published (Wagtail's publishing signals); a series and
        # the review threshold have no drafts: any save shows.
        invalidate_on_change(Statistic, on_save=False)
        invalidate_on_change(Series, SeriesItem, FiguresSettings)
        for model in (Statistic, Series):
            register(model, on_account_deletion=UNLINKED, note=EDITORS_LOCK)
