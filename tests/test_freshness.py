"""The freshness report ranks the figures to review by need (readers first, then the places that
show them, then the oldest), above a threshold editors set; and a background task checks every
external link with a real HTTP client, against a server started here."""

import threading
import time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from figures.models import FiguresSettings
from lessons.links import LinkCheck
from lessons.reading import LessonRead
from tests.factories import (
    LessonPageFactory,
    QuizFactory,
    ResourceFactory,
    SeriesFactory,
    StatisticFactory,
    UserFactory,
    lesson_body,
    single,
)


def cite(*figures):
    """A lesson showing these figures (a statistic as a key figure, a series as a chart)."""
    body = lesson_body()
    for figure in figures:
        if hasattr(figure, "items"):
            body.append({"type": "chart", "value": {"series": figure.pk}})
        else:
            body.append({"type": "key_figure", "value": {"statistic": figure.pk}})
    return LessonPageFactory(body=body)


def read(lesson, times):
    for _ in range(times):
        LessonRead.objects.create(user=UserFactory(), lesson=lesson)


@pytest.mark.django_db
def test_figures_to_review_are_ranked_by_readers_then_places_then_age(client, editor):
    most_read = StatisticFactory(label="étaient lus partout", year=None)
    read_some = StatisticFactory(label="étaient lus un peu", year=2012)
    cited_twice = StatisticFactory(label="étaient cités deux fois", year=2010)
    in_a_chart = StatisticFactory(label="étaient dans un graphique", year=2011, value=Decimal(40))
    fresh = StatisticFactory(label="étaient récents", year=2026)
    read(cite(most_read), 12)
    read(cite(read_some, fresh), 3)
    cite(cited_twice)
    cite(cited_twice)
    chart = SeriesFactory(items=[(in_a_chart, "Facebook", "")])
    read(cite(chart), 5)  # a chart's readers count for its figures
    QuizFactory(figure=read_some)  # a quiz's estimate shows it too…
    quiz = QuizFactory(questions=[single("Oui ?", [("Oui", True, ""), ("Non", False, "")])])
    assert quiz

    client.force_login(editor)
    html = client.get(reverse("freshness")).content.decode()
    priority, others = html.split("autres chiffres anciens, moins lus")
    # Read at least 10 times (the default threshold): first.
    assert "étaient lus partout" in priority and "étaient lus un peu" not in priority
    # Then, most read first, then most cited, then the oldest.
    order = [others.index(s) for s in ("dans un graphique", "lus un peu", "cités deux fois")]
    assert order == sorted(order)
    assert "étaient récents" not in html  # not to review
    assert "2\u00a0endroits" in others or "2 endroits" in others

    # Editors set the threshold in the admin (Paramètres → chiffres clés).
    url = reverse("wagtailsettings:edit", args=["figures", "figuressettings"])
    assert url in html
    settings_page = client.get(url, follow=True)
    assert settings_page.status_code == 200, "editors may change the thresholds"
    assert "ectures pour revoir en priorité" in settings_page.content.decode()
    url = settings_page.redirect_chain[-1][0] if settings_page.redirect_chain else url
    response = client.post(url, {"review_after_years": "5", "priority_readings": "3"})
    assert response.status_code == 302
    assert FiguresSettings.load().priority_readings == 3
    html = client.get(reverse("freshness")).content.decode()
    priority = html.split("autres chiffres anciens, moins lus")[0]
    assert priority.index("lus partout") < priority.index("dans un graphique")
    assert priority.index("dans un graphique") < priority.index("lus un peu")
    assert "cités deux fois" not in priority


class Handler(BaseHTTPRequestHandler):
    """/ok answers, /missing is not found, /moved moved for good to /ok, /slow never answers in
    time."""

    hits = []

    def do_GET(self):
        Handler.hits.append(self.path)
        if self.path == "/slow":
            time.sleep(4)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # port 0: a free port
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Handler.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_external_links_are_checked_in_the_background(committed_db, client, web_server, settings):
    from tests.factories import EditorFactory

    settings.LINK_CHECK_PRIVATE_ADDRESSES = True  # the server here is on the loopback
    settings.LINK_CHECK_TIMEOUT = (2, 2)  # room for a loaded machine; the slow link takes 4 s
    statistic = StatisticFactory(source_url=f"{web_server}/missing")
    ResourceFactory(url=f"{web_server}/moved")
    lesson = LessonPageFactory(
        body=[{"type": "text", "value": f'<p>Voir <a href="{web_server}/slow">ce guide</a>.</p>'}]
    )
    question = single("Oui ?", [("Oui", True, ""), ("Non", False, "")])
    question["value"]["explanation"] = f'<p>Lire <a href="{web_server}/ok">la fiche</a>.</p>'
    QuizFactory(questions=[question])
    editor = EditorFactory()
    client.force_login(editor)
    html = client.get(reverse("freshness")).content.decode()
    assert "jamais vérifié" in html and f"{web_server}/missing" in html

    started = time.monotonic()
    response = client.post(reverse("freshness"))  # the task runs at once in the tests
    assert response.status_code == 302
    assert time.monotonic() - started < 10  # the slow link gave up at its timeout
    checks = {check.url: check for check in LinkCheck.objects.all()}
    missing = checks[f"{web_server}/missing"]
    assert (missing.outcome, missing.status) == ("broken", 404)
    moved = checks[f"{web_server}/moved"]
    assert (moved.outcome, moved.status) == ("moved", 301)
    assert (moved.final_url, moved.final_status) == (f"{web_server}/ok", 200)
    slow = checks[f"{web_server}/slow"]
    assert slow.outcome == "timeout" and slow.status is None and "délai" in slow.error
    assert checks[f"{web_server}/ok"].outcome == "ok"
    assert sorted(set(Handler.hits)) == ["/missing", "/moved", "/ok", "/slow"]

    html = client.get(reverse("freshness")).content.decode()
    assert "3 liens externes à corriger" in html
    assert "⚠ cassé" in html and "404" in html and "⚠ déplacé" in html
    assert f"301 → {web_server}/ok (200)" in html and "⚠ trop lent" in html
    assert reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[lesson.pk]) in html
    # Each check is a record of its own: a second run adds, never rewrites.
    first_ids = set(LinkCheck.objects.values_list("pk", flat=True))
    from django.core.management import call_command

    call_command("check_links", verbosity=0)
    assert set(LinkCheck.objects.values_list("pk", flat=True)) > first_ids
    assert LinkCheck.objects.filter(url=f"{web_server}/missing").count() == 2


def test_an_address_inside_the_network_is_not_requested(committed_db, web_server, settings):
    from lessons.links import check_url

    settings.LINK_CHECK_TIMEOUT = (2, 2)  # room for a loaded machine; the slow link takes 4 s
    result = check_url(f"{web_server}/ok")
    assert result.outcome == "skipped" and "interne" in result.error
    assert Handler.hits == []
