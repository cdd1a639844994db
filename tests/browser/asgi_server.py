"""`manage.py runserver` (daphne's: pages and WebSockets) in a process of its own, on the test
database's content: a copy of it on SQLite (an in-memory database cannot be shared with another
process), the test database itself on PostgreSQL (the test commits what it creates)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(folder):
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = folder / "site.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        return f"sqlite:///{copy}"
    user, host, port = settings["USER"], settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


class AsgiDevServer:
    def __init__(self, folder):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DATABASE_URL=database_url(folder),
            LIVE_JOINS_PER_MINUTE="1000",
        )
        self.log = open(folder / "server.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("runserver did not start: " + (folder / "server.log").read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
