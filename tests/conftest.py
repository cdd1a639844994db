import pytest
from django.core.management import call_command


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
