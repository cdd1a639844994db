from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.functional import cached_property

from caching.addresses import public_url

from .models import Quiz


class QuizSitemap(Sitemap):
    """The quiz list and each public quiz: they are served by views, not Wagtail pages, so
    Wagtail's sitemap does not know them. At the site's public address, as Wagtail's pages are,
    never the request's."""

    @cached_property
    def quizzes(self):
        return list(Quiz.objects.public().order_by("slug"))

    def items(self):
        return ["index", *self.quizzes]

    def location(self, item):
        return reverse("quizzes:index") if item == "index" else item.get_absolute_url()

    def lastmod(self, item):
        if item == "index":  # the list changes when a quiz is published
            dates = [quiz.last_published_at for quiz in self.quizzes if quiz.last_published_at]
            return max(dates, default=None)
        return item.last_published_at

    @cached_property
    def public_address(self):
        return urlsplit(public_url("/"))

    def get_protocol(self, protocol=None):
        return self.public_address.scheme

    def get_domain(self, site=None):
        return self.public_address.netloc
