import json

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import (
    EditorFactory,
    ModeratorFactory,
    QuizFactory,
    TrainerFactory,
    UserFactory,
    site_home,
)
from tests.workshop_helpers import make_workshop


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The ordinary tests (each inside a transaction rolled back after it) start from the site's
    real seed content, built once per run."""
    with django_db_blocker.unblock():
        call_command("build_content", verbosity=0)


def flush_database():
    """Every table emptied, as after a transactional test (Django's serialized rollback then
    restores rows with their ids). Sequences go on (no reset), so new rows never take those ids."""
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
    )


@pytest.fixture(scope="session")
def seed_put_aside(django_db_setup, django_db_blocker):
    """The seed, committed for the ordinary tests (pytest-django runs them all first): kept
    serialized, then emptied before the first test without a test transaction. Returns it."""
    with django_db_blocker.unblock():
        seed = json.loads(connection.creation.serialize_db_to_string())
        flush_database()
    # Content types first: a page's constructor looks its own up (Wagtail's Page.__init__), and
    # would make another, with another id, if it were not there yet.
    seed.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(seed)


def pytest_collection_modifyitems(items):
    """Tests on `migrated_db` are transactional, with Django's serialized rollback: the database
    as the migrations left it is serialized once, and restored before each of them (their own
    marker, closer than a module's `django_db`, tells pytest-django so)."""
    for item in items:
        if "migrated_db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def migrated_db(seed_put_aside, transactional_db):
    """A database where each statement commits, as on the site (no test transaction around the
    test), as the migrations left it: the tree's root and Wagtail's first page, the groups and
    their permissions, the moderation workflow (restored before each test, emptied after)."""


@pytest.fixture
def committed_db(migrated_db):
    """`migrated_db` with a home page that the default site serves: an empty site, where each
    test builds what it needs with the factories (tests/factories.py)."""
    site_home()


@pytest.fixture
def seeded_db(migrated_db, seed_put_aside):
    """`migrated_db` with the whole seed content, for the tests about the real pages: reloaded
    from its serialization (several times quicker than building it again)."""
    flush_database()
    connection.creation.deserialize_db_from_string(seed_put_aside)


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
