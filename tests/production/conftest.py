import os
import uuid

import pytest

from .servers import AppServer, manage, production_env, psql

POSTGRES = os.environ.get("PRODUCTION_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("PRODUCTION_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="module")
def shared_site():
    """Two app servers sharing one PostgreSQL database and one Redis cache."""
    name = f"atelier_scale_{uuid.uuid4().hex[:8]}"
    psql(f"{POSTGRES}/postgres", f"CREATE DATABASE {name}")
    env = production_env(
        f"{POSTGRES}/{name}",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=name,
        AXES_FAILURE_LIMIT="3",
    )
    servers = []
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "build_content", "--demo-accounts")
        servers = [AppServer(env), AppServer(env)]
        yield servers
    finally:
        for server in servers:
            server.stop()
        psql(f"{POSTGRES}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
