"""The admin in French along an editor's and a moderator's way through moderation: Wagtail's
misleading French is corrected by our catalogue (home/wagtail_french.py lists the messages), its
relative times are French (django.contrib.humanize) and a comparison never shows "None"."""

import gettext
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from home import wagtail_french
from lessons.models import CoursePage
from tests.factories import StatisticFactory
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

WAGTAILS_MISTAKES = [
    "planifié(e)",
    "Status",
    "Commenter",
    "approver",
    "Seul les",
    "Ce(tte)",
    "le/la",
    "et Publier",
    "crées dans",
    "Historique du Site",
    " ago",
    "None",
    "(e)",  # "Publié(e)", "Ajouter un(e) statistique", "Aucun(e)": a guess at the name's gender
    "ce/cette",
]


class _Reader(HTMLParser):
    """What a reader (or a screen reader) gets of a page: its text and labels, not its code. The
    side panels and menus, hidden until opened, are read; a side panel's counter is not (hidden
    until the page's script writes a number in it, it holds "None" meanwhile)."""

    HIDDEN = {"script", "style", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    READ = ("title", "aria-label", "placeholder", "data-w-tooltip-content-value", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.open = [], []  # the open elements, each with whether it hides

    def hidden(self):
        return any(hides for _, hides in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID:
            hides = tag in self.HIDDEN or "data-side-panel-toggle-counter" in attrs
            self.open.append((tag, hides))
        if not self.hidden():
            self.parts.extend(attrs[name] for name in self.READ if attrs.get(name))

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.hidden():
            self.parts.append(data)


def read(html):
    reader = _Reader()
    reader.feed(html)
    return re.sub(r"[ \t\r\n]+", " ", " ".join(reader.parts))  # keeps no-break spaces


def without_mistakes(html):
    text = read(html)
    found = [
        text[max(0, match.start() - 60) : match.end() + 60]
        for mistake in WAGTAILS_MISTAKES
        for match in re.finditer(re.escape(mistake), text)
    ]
    assert not found, found


def edit_url(statistic):
    return reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])


def submit(client, editor, statistic, **changes):
    client.force_login(editor)
    data = form_data(client.get(edit_url(statistic)).content.decode())
    data.update(changes)
    data["action-submit"] = "Soumettre"
    return client.post(edit_url(statistic), data, follow=True).content.decode()


def test_every_corrected_message_is_still_wagtails_and_ours_wins():
    """The msgids are Wagtail's own (an upgrade that changes one fails here), and each is
    translated by our catalogue, which the site reads before Wagtail's."""
    ours = gettext.GNUTranslations(
        (Path(settings.LOCALE_PATHS[0]) / "fr/LC_MESSAGES/django.mo").open("rb")
    )
    wagtail_root = Path(__import__("wagtail").__file__).parent
    wagtails = {}
    for path in wagtail_root.rglob("locale/fr/LC_MESSAGES/django.mo"):
        for key in gettext.GNUTranslations(path.open("rb"))._catalog:
            wagtails[key if isinstance(key, str) else key[0]] = path
    with translation.override("fr"):
        for message in wagtail_french.MESSAGES:
            if isinstance(message, str):
                assert message in wagtails, message
                assert translation.gettext(message) == ours.gettext(message) != message
            else:  # a plural: ngettext_lazy keeps its two forms
                singular, plural = message._kw["singular"], message._kw["plural"]
                assert singular in wagtails, singular
                for count in (1, 17):
                    assert translation.ngettext(singular, plural, count) == ours.ngettext(
                        singular, plural, count
                    )


def test_an_editor_submits_a_statistic_and_reads_french(client, editor, clock):
    statistic = StatisticFactory(label="des internautes suivaient une marque")
    page = read(submit(client, editor, statistic, notes="Vérifié"))
    sent = "soumission à la validation envoyée aux modérateurs."
    assert f"Statistique «\xa0{statistic}\xa0»\xa0: {sent}" in page
    assert "planifié" not in page
    # Three seconds later (the clock stands still), the edit form's status panel and lock.
    state = statistic.current_workflow_state
    task_state = state.current_task_state
    task_state.started_at -= timedelta(seconds=3)
    task_state.save(update_fields=["started_at"])
    form = client.get(edit_url(statistic)).content.decode()
    text = read(form)
    assert (
        "Soumission à l’étape «\xa0Validation par un modérateur\xa0» il y a 3\xa0secondes" in text
    )
    assert "Statut\xa0: Publié" in text and "Statut\xa0: En cours de modération" in text
    assert "Posé par la validation en cours" in text
    assert "Ce contenu (statistique) attend la validation d’un modérateur." in text
    assert "Seuls les modérateurs peuvent modifier et approuver ce contenu (statistique)." in text
    without_mistakes(form)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "En attente\xa0: Validation par un modérateur" in read(dashboard)
    without_mistakes(dashboard)
    course = CoursePage.objects.get()
    listing = client.get(reverse("wagtailadmin_explore", args=[course.pk])).content.decode()
    assert "Statut actuel de la page\xa0: publiée" in read(listing)
    without_mistakes(listing)


def test_a_moderator_reads_french_actions_and_the_editor_reads_the_comment(
    client, editor, moderator
):
    statistic = StatisticFactory()
    submit(client, editor, statistic, notes="Vérifié")
    client.force_login(moderator)
    form = client.get(edit_url(statistic)).content.decode()
    text = read(form)
    assert "Approuver et publier" in text and "Approuver avec un commentaire et publier" in text
    assert "Les modérateurs peuvent modifier ce contenu (statistique)\xa0: verrouillez-le" in text
    without_mistakes(form)
    task_state = statistic.current_workflow_task_state
    action = reverse(
        "wagtailsnippets_figures_statistic:workflow_action",
        args=[statistic.pk, "reject", task_state.pk],
    )
    modal = client.get(
        reverse(
            "wagtailsnippets_figures_statistic:collect_workflow_action_data",
            args=[statistic.pk, "reject", task_state.pk],
        )
    ).json()["html"]
    assert "Commentaire" in read(modal) and "Commenter" not in read(modal)
    assert client.post(action, {"comment": "Précisez la source."}).status_code == 302

    client.force_login(editor)
    history = client.get(
        reverse("wagtailsnippets_figures_statistic:history", args=[statistic.pk])
    ).content.decode()
    assert "Modifications demandées à l’étape «\xa0Validation par un modérateur\xa0»" in read(
        history
    )
    assert "Commentaire: Précisez la source." in read(history)
    without_mistakes(history)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Modifications demandées à l’étape Validation par un modérateur" in read(dashboard)
    site_history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Historique du site" in read(site_history)
    without_mistakes(site_history)


def test_a_comparison_shows_an_empty_year_as_nothing_and_numbers_the_french_way(client, editor):
    statistic = StatisticFactory(year=None)
    submit(client, editor, statistic, year="2014", value="80,5")
    statistic.refresh_from_db()
    compare = client.get(
        reverse(
            "wagtailsnippets_figures_statistic:revisions_compare",
            args=[statistic.pk, "live", statistic.latest_revision_id],
        )
    ).content.decode()
    assert '<span class="addition">2014</span>' in compare  # and nothing deleted before it
    assert '<span class="deletion">65,00</span>' in compare
    assert '<span class="addition">80,5</span>' in compare
    without_mistakes(compare)


def snippet_url(action, *args):
    return reverse(f"wagtailsnippets_figures_statistic:{action}", args=args)


def test_no_screen_guesses_a_gender(client, editor, moderator):
    """Wagtail's French writes "Ajouter un(e) statistique", "Publié(e)", "Verrouillé(e)",
    "Êtes-vous sûr(e)": ours need no agreement, along an editor's and a moderator's way."""
    statistic = StatisticFactory()
    client.force_login(editor)
    listing = client.get(snippet_url("list")).content.decode()
    assert "Ajouter\xa0: statistique" in read(listing)
    without_mistakes(listing)
    new = client.get(snippet_url("add")).content.decode()
    without_mistakes(new)

    client.force_login(moderator)
    form = client.get(edit_url(statistic)).content.decode()
    # The "Programmer" dialog waits in a <template>, which read() leaves out.
    assert "Choisissez quand ce contenu (statistique) sera mis en ligne" in form
    without_mistakes(form)
    assert client.post(snippet_url("lock", statistic.pk)).status_code == 302
    locked = read(client.get(edit_url(statistic)).content.decode())
    assert "Posé par vous" in locked
    assert client.post(snippet_url("unlock", statistic.pk)).status_code == 302
    history = client.get(snippet_url("history", statistic.pk)).content.decode()
    assert "Verrouillé" in read(history) and "Déverrouillé" in read(history)
    without_mistakes(history)
    draft = StatisticFactory(publish=False)
    confirm = client.get(snippet_url("delete", draft.pk)).content.decode()
    assert "Voulez-vous vraiment supprimer ce contenu (statistique)\xa0?" in read(confirm)
    without_mistakes(confirm)
