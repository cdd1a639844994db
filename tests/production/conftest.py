import os
import shutil
import sqlite3
import uuid
from contextlib import contextmanager

import pytest

from .servers import AppServer, manage, production_env, psql

POSTGRES = os.environ.get("PRODUCTION_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("PRODUCTION_TEST_REDIS", "redis://127.0.0.1:6379/0")


def build(env):
    """The site as a release leaves it: migrated, static files collected, content built (with
    the demo accounts, which some tests sign in with)."""
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "build_content", "--demo-accounts")


@pytest.fixture(scope="session")
def postgres_template():
    """A PostgreSQL database built once per run; each test's database is a copy of it
    (CREATE DATABASE … TEMPLATE: a file copy, instead of a build of half a minute)."""
    name = f"atelier_template_{uuid.uuid4().hex[:8]}"
    psql(f"{POSTGRES}/postgres", f"CREATE DATABASE {name}")
    try:
        build(production_env(f"{POSTGRES}/{name}"))
        yield name
    finally:
        psql(f"{POSTGRES}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def postgres_copy(template, prefix):
    """A database of its own for a test module, copied from the built one; its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    psql(f"{POSTGRES}/postgres", f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        psql(f"{POSTGRES}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A SQLite database built once per run, with its media (the training body's signature and
    stamp), for tests to copy."""
    path = tmp_path_factory.mktemp("template") / "db.sqlite3"
    build(production_env(f"sqlite:///{path}", MEDIA_ROOT=str(path.parent / "media")))
    with sqlite3.connect(path) as connection:  # everything in the main file, none in its WAL
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def sqlite_copy(template, folder):
    """A copy of the built SQLite database in `folder`, its media in `folder / "media"`; its
    URL."""
    shutil.copy(template, folder / "db.sqlite3")
    if (template.parent / "media").exists():
        shutil.copytree(template.parent / "media", folder / "media", dirs_exist_ok=True)
    return f"sqlite:///{folder / 'db.sqlite3'}"


@pytest.fixture(scope="module")
def shared_site(postgres_template):
    """Two app servers sharing one PostgreSQL database and one Redis cache."""
    with postgres_copy(postgres_template, "atelier_scale") as url:
        env = production_env(
            url, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=url.rsplit("/", 1)[1], AXES_FAILURE_LIMIT="3"
        )
        servers = []
        try:
            servers = [AppServer(env), AppServer(env)]
            yield servers
        finally:
            for server in servers:
                server.stop()
