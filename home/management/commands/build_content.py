from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from figures.seed.build import build_key_figures_page, build_series, build_statistics
from home import seed as home_seed
from lessons.seed.build import build_course, build_resources, build_resources_page
from quizzes.seed.build import build_quizzes
from reporting.seed import build_results_page
from satisfaction.seed import build_questionnaires
from workshops.seed import build_demo_workshop


class Command(BaseCommand):
    help = (
        "Builds the site's content from the seed modules: statistics, resources, pages. "
        "Idempotent: creates what is missing, never overwrites what an editor changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create the demo accounts (development only: their passwords are public).",
        )

    @transaction.atomic
    def handle(self, *args, demo_accounts=False, **options):
        stats = build_statistics()
        series = build_series()
        resources = build_resources()
        home, _ = home_seed.build_home()
        key_figures, _ = build_key_figures_page(home)
        course, lessons = build_course(home)
        resources_page, _ = build_resources_page(home)
        quizzes = build_quizzes()
        build_questionnaires()
        home_seed.finish_home(home, course)
        pages, _ = home_seed.build_standard_pages(home)
        pages["results_page"], _ = build_results_page(home)
        site = Site.objects.get(is_default_site=True)
        home_seed.build_settings(
            site,
            {
                "course_page": course,
                "key_figures_page": key_figures,
                "resources_page": resources_page,
                **pages,
            },
        )
        self.stdout.write(
            f"Content ready: {stats} statistics, {series} series, {resources} resources, "
            f"{lessons} course pages and {quizzes} quizzes created (existing ones kept)."
        )
        if demo_accounts:
            self.stdout.write("Demo accounts (development only):")
            for line in home_seed.build_demo_accounts():
                self.stdout.write(line)
            build_demo_workshop("formatrice@atelier-reseaux.test", "apprenant@atelier-reseaux.test")
