import pytest
from django.core.management import call_command

from tests.workshop_helpers import make_user, make_workshop


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the site's real seed content, built once per run."""
    with django_db_blocker.unblock():
        call_command("build_content", verbosity=0)


@pytest.fixture
def committed_db(transactional_db):
    """A database where each statement commits, as on the site (no test transaction around the
    test), with the seed content: for code that relies on autocommit."""
    call_command("build_content", verbosity=0)


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(email="editrice@test.fr", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(email="moderateur@test.fr", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page cached by an earlier test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def people(django_user_model, editor):
    return {
        "learner": make_user(django_user_model, "lea@test.fr", first_name="Léa", last_name="Roux"),
        "other_learner": make_user(
            django_user_model, "omar@test.fr", first_name="Omar", last_name="Diallo"
        ),
        "trainer": make_user(django_user_model, "tina@test.fr", "Trainers", first_name="Tina"),
        "other_trainer": make_user(django_user_model, "theo@test.fr", "Trainers"),
        "editor": editor,
    }


@pytest.fixture
def setting(people):
    workshop, assignment = make_workshop(people["trainer"], [people["learner"]])
    other, _ = make_workshop(people["other_trainer"], [people["other_learner"]])
    return {"workshop": workshop, "assignment": assignment, "other": other}
