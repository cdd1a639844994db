import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

from tests.clock import clock  # noqa: F401 - the fixture, for every test
from tests.factories import (
    EditorFactory,
    ModeratorFactory,
    QuizFactory,
    TrainerFactory,
    UserFactory,
    site_home,
)
from tests.mail_server import smtp  # noqa: F401 - the fixture: a real SMTP server
from tests.workshop_helpers import make_workshop

# The database as the migrations leave it, and the seed content, each serialized once per run.
SNAPSHOTS = {}


def snapshot():
    """Every row of the database, serialized. Content types come first: the constructors of
    Wagtail's pages and tasks look their own up, and would otherwise make it anew, with another
    id, when they are restored before it."""
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def empty_tables():
    """Every table emptied, as `flush` empties them (without post_migrate's new rows), but only
    those that hold rows, and by DELETE: after the end of a transactional test two tables hold
    a few hundred rows, and PostgreSQL takes a second to truncate the hundred-odd tables that
    refer to them. Sequences go on (no reset); foreign keys are checked at the commit."""
    quote = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables
            ),
            tables,
        )
        for (table,) in cursor.fetchall():
            cursor.execute(f"DELETE FROM {quote(table)}")


def restore(name):
    """The database emptied, then as it was at the snapshot, with the same ids (new rows never
    take them: sequences were not reset)."""
    empty_tables()
    connection.creation.deserialize_db_from_string(SNAPSHOTS[name])
    ContentType.objects.clear_cache()  # the ids it remembers may be of rows just deleted


@pytest.fixture(scope="session", autouse=True)
def asgi_application():
    """The ASGI application, loaded before any test: loading it sets Django up again, and so
    configures logging anew, which takes pytest's caplog handler off the root logger. Loaded in
    the middle of the first test that opens a socket, that test's log records went uncaptured
    (the live socket test of forged messages failed run alone, or first on its process)."""
    from config.asgi import application

    return application


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The ordinary tests (each inside a transaction rolled back after it) start from the site's
    real seed content, built once per run. The tests without a test transaction (pytest-django
    runs them after the others; the end of each empties the database) restore a snapshot."""
    with django_db_blocker.unblock():
        SNAPSHOTS["migrated"] = snapshot()
        call_command("build_content", verbosity=0)
        SNAPSHOTS["seed"] = snapshot()


@pytest.fixture
def migrated_db(transactional_db):
    """A database where each statement commits, as on the site (no test transaction around the
    test), as the migrations left it: the tree's root and Wagtail's first page, the groups and
    their permissions, the moderation workflow. Restored from its snapshot (Django's serialized
    rollback would do it, but cannot find its snapshot while Playwright drives a browser)."""
    restore("migrated")


@pytest.fixture
def committed_db(migrated_db):
    """`migrated_db` with a home page that the default site serves: an empty site, where each
    test builds what it needs with the factories (tests/factories.py)."""
    site_home()


@pytest.fixture
def seeded_db(transactional_db):
    """Like `migrated_db`, with the whole seed content, for the tests about the real pages:
    restored from its snapshot (several times quicker than building it again)."""
    restore("seed")


@pytest.fixture
def editor():
    return EditorFactory(email="editrice@test.fr", first_name="", last_name="")


@pytest.fixture
def moderator():
    return ModeratorFactory(email="moderateur@test.fr", first_name="", last_name="")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page cached by an earlier test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def people(editor):
    return {
        "learner": UserFactory(email="lea@test.fr", first_name="Léa", last_name="Roux"),
        "other_learner": UserFactory(email="omar@test.fr", first_name="Omar", last_name="Diallo"),
        "trainer": TrainerFactory(email="tina@test.fr", first_name="Tina", last_name=""),
        "other_trainer": TrainerFactory(email="theo@test.fr", first_name="", last_name=""),
        "editor": editor,
    }


@pytest.fixture
def quiz():
    """A published quiz with a question of each kind (tests/factories.py)."""
    return QuizFactory()


@pytest.fixture
def setting(people, quiz):
    """Two trainers' workshops, each with its learner and `quiz` assigned."""
    workshop, assignment = make_workshop(people["trainer"], [people["learner"]], quiz)
    other, _ = make_workshop(people["other_trainer"], [people["other_learner"]], quiz)
    return {"workshop": workshop, "assignment": assignment, "other": other, "quiz": quiz}
