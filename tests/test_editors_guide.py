"""The editors' guide (Aide → Guide du rédacteur) follows the interface: each label it names
(a menu, a button, a field, a panel, a tab) is a <strong> that says on which screen it is
(`data-screen`); this test reads the guide, opens each screen in the admin as the editor (or
the moderator) who would, and finds every label there. A label the interface does not have, or
a <strong> that does not say where it is, fails."""

import html
import json
import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Site

from figures.models import Statistic
from home.models import SiteSettings, StandardPage
from lessons.models import LessonPage
from quizzes.models import Quiz
from tests.factories import EditorFactory, ModeratorFactory
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


class _Strong(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.labels, self.current = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "strong":
            self.current = [dict(attrs).get("data-screen"), ""]

    def handle_endtag(self, tag):
        if tag == "strong" and self.current:
            self.labels.append(tuple(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.current[1] += data


def the_guides_labels(client):
    """{screen: [labels]} of the guide's main content."""
    page = client.get(reverse("editors_guide")).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    parser = _Strong()
    parser.feed(main)
    labels = defaultdict(list)
    for screen, text in parser.labels:
        labels[screen].append(" ".join(text.split()))
    return labels


def normal(text):
    return " ".join(text.replace("’", "'").replace("\xa0", " ").split()).casefold()


def what_the_screen_says(page):
    """The page's text, with the labels its scripts draw: the sidebar's menu, the rich-text
    toolbar and the StreamField's blocks come as JSON (in a script or an attribute)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    strings = re.findall(
        r'"(?:label|description|title|text)":\s*"((?:[^"\\]|\\.)*)"', html.unescape(page)
    )
    decoded = [json.loads(f'"{string}"') for string in strings]
    return normal(" ".join([text, *decoded]))


def submitted_statistic(client, editor):
    statistic = Statistic.objects.filter(live=True).first()
    url = reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])
    client.force_login(editor)
    data = form_data(client.get(url).content.decode())
    data.update({"notes": "Relu.", "action-submit": "Soumettre"})
    assert client.post(url, data).status_code == 302
    return url


def screens(client, editor, moderator):
    """Each screen the guide names: who opens it and what they read there."""
    site = Site.objects.get(is_default_site=True)
    edit = {
        "statistic": reverse(
            "wagtailsnippets_figures_statistic:edit", args=[Statistic.objects.first().pk]
        ),
        "lesson": reverse("wagtailadmin_pages:edit", args=[LessonPage.objects.first().pk]),
        "quiz": reverse("wagtailsnippets_quizzes_quiz:edit", args=[Quiz.objects.first().pk]),
        "quizzes": reverse("wagtailsnippets_quizzes_quiz:list"),
        "menu": reverse("wagtailadmin_home"),
        "tooltip": reverse("wagtailadmin_javascript_catalog"),
        "freshness": reverse("freshness"),
        "site-settings": reverse(
            "wagtailsettings:edit", args=["home", "sitesettings", SiteSettings.for_site(site).pk]
        ),
        "figures-settings": reverse("wagtailsettings:edit", args=["figures", "figuressettings"]),
        "standard-page": reverse(
            "wagtailadmin_pages:edit",
            args=[StandardPage.objects.get(title__contains="accessibilité").pk],
        ),
    }
    pages = {}
    client.force_login(editor)
    for screen, url in edit.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, screen
        pages[screen] = response.content.decode()
    statistic_url = submitted_statistic(client, editor)
    client.force_login(moderator)
    pages["moderation"] = client.get(statistic_url).content.decode()
    pages["moderator-dashboard"] = client.get(reverse("wagtailadmin_home")).content.decode()
    return {screen: what_the_screen_says(page) for screen, page in pages.items()}


def test_every_label_the_guide_names_is_on_its_screen(client):
    editor, moderator = EditorFactory(), ModeratorFactory()
    client.force_login(editor)
    labels = the_guides_labels(client)
    assert None not in labels, f"labels without their screen: {labels.get(None)}"
    said = screens(client, editor, moderator)
    assert set(labels) <= set(said), set(labels) - set(said)
    missing = [
        (screen, label)
        for screen, names in labels.items()
        for label in names
        for part in label.split("→")  # a menu path: each of its steps
        if normal(part) not in said[screen]
    ]
    assert not missing, missing
    # The guide names labels on most screens (the test above is not empty).
    assert sum(len(names) for names in labels.values()) >= 30


def test_a_label_the_interface_does_not_have_fails(client):
    """The check itself: a label that is not on its screen is found missing."""
    editor, moderator = EditorFactory(), ModeratorFactory()
    said = screens(client, editor, moderator)
    assert normal("Soumettre à Validation par un modérateur") in said["statistic"]
    assert normal("Soumettre à la validation") not in said["statistic"]
    assert normal("Comparer") not in said["menu"]
