from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Quiz


class QuizSitemap(Sitemap):
    """The quiz list and each public quiz: they are served by views, not Wagtail pages, so
    Wagtail's sitemap does not know them."""

    def items(self):
        return ["index", *Quiz.objects.public().order_by("slug")]

    def location(self, item):
        return reverse("quizzes:index") if item == "index" else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == "index" else item.last_published_at
