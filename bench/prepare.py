"""Builds what the benchmark needs inside the benchmark's database and prints it as JSON:
the URLs, a trainer's session cookie, quiz submissions to replay, and each endpoint's SQL
queries, warm and cold (measured in process with Django's test client)."""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from quizzes import attempts  # noqa: E402
from quizzes.models import Quiz  # noqa: E402
from workshops.models import Workshop  # noqa: E402

QUIZ = "quiz-fideliser-ses-clients"
out_dir = Path(sys.argv[1])

trainer = get_user_model().objects.get(email="formateur-test@atelier-reseaux.test")
workshop = Workshop.objects.filter(trainers=trainer).order_by("-pk").first()
session = SessionStore()
session["_auth_user_id"] = str(trainer.pk)
session["_auth_user_backend"] = "workshops.backends.ModelBackend"
session["_auth_user_hash"] = trainer.get_session_auth_hash()
session.create()
trainer_cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

# Quiz submissions: each with its own attempt token, answered with the first choices. Each round
# replays its own 10,000 (1,000 submissions a second for 10 s); a token sent twice would be
# refused, and counted among the non-2xx responses.
quiz = Quiz.objects.get(slug=QUIZ)
csrf_secret = "b" * 32
bodies = []
rounds = int(os.environ["BENCH_ROUNDS"])  # as bench/run.py sets it
for _ in range(int(os.environ.get("BENCH_SUBMISSIONS", str(10_000 * rounds)))):
    form, token = attempts.start(quiz, AnonymousUser())
    data = {"attempt": token, "csrfmiddlewaretoken": csrf_secret}
    for question in form.question_list:
        if question.kind == "numeric":
            data[question.field.html_name] = "50"
        else:
            data[question.field.html_name] = question.field.field.choices[0][0]
    bodies.append(urlencode(data))

lesson = "/cours/relation-client-sur-les-reseaux-sociaux/"
endpoints = [
    ("home page", "GET", "/", ""),
    ("lesson", "GET", lesson, ""),
    ("lesson, uncached render", "GET", lesson + "?apercu=1", ""),
    ("key figures page", "GET", "/chiffres-cles/", ""),
    ("resources page", "GET", "/ressources/", ""),
    ("search", "GET", "/recherche/?q=client", ""),
    ("quiz page", "GET", reverse("quizzes:detail", args=[QUIZ]), ""),
    ("quiz submission", "POST", reverse("quizzes:submit", args=[QUIZ]), ""),
    (
        "trainer results, 200 × 10",
        "GET",
        reverse("workshops:results", args=[workshop.pk]),
        trainer_cookie,
    ),
    ("static file", "GET", static("css/site.css"), ""),
]

# SQL queries per request: "warm" as the run measures it (a page-cache hit makes none; the
# content memo is filled), "cold" just after publishing (every cache and memo emptied).
client = Client(HTTP_HOST="127.0.0.1")
queries = {}


def count(request, *args):
    with CaptureQueriesContext(connection) as captured:
        response = request(*args)
    return len(captured), response


for name, method, url, cookie in endpoints:
    if method != "GET" or name == "static file":
        continue
    client.cookies.clear()
    if cookie:
        client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    client.get(url)  # per-process caches that no publication empties (URL resolvers…)
    cache.clear()
    cold, _ = count(client.get, url)
    warm, _ = count(client.get, url)
    queries[name] = (warm, cold)
submit_url = reverse("quizzes:submit", args=[QUIZ])


def submit(body):
    client.cookies.clear()
    client.cookies[settings.CSRF_COOKIE_NAME] = csrf_secret
    return client.post(submit_url, data=body, content_type="application/x-www-form-urlencoded")


cache.clear()
cold, response = count(submit, bodies.pop())
assert response.status_code == 302, response.status_code
warm, response = count(submit, bodies.pop())
assert response.status_code == 302, response.status_code
queries["quiz submission"] = (warm, cold)
(out_dir / "submissions.txt").write_text("\n".join(bodies) + "\n")

print(
    json.dumps(
        {
            "endpoints": endpoints,
            "queries": queries,
            "csrf_cookie": f"{settings.CSRF_COOKIE_NAME}={csrf_secret}",
            "lesson": lesson,
            "trainer_cookie": trainer_cookie,
        }
    )
)
