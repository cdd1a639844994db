"""The task worker: runs the long work the site queues (ZIPs and PDFs, e-mails, purges), one task
at a time, with django-tasks-db's worker on the "background" backend. Before it starts, it queues
again what it left running when it last stopped (same --worker-id); while it runs, it does the
same every minute for jobs of any worker whose heartbeat stopped, and makes the apps' periodic
checks (jobs.periodic: a live session left open ends by itself)."""

import logging
import os
import socket
import threading
import time
from argparse import BooleanOptionalAction

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from jobs import background, periodic

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Runs the background tasks; picks up what a stopped worker left unfinished."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=socket.gethostname()[:64],
            help="Unique for each worker (default: the host name). A worker that starts again "
            "under the same id takes back at once the work it left running.",
        )
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then stop.")
        parser.add_argument(
            "--reload",
            action=BooleanOptionalAction,
            default=settings.DEBUG,
            help="Restart when the code changes (default: in development).",
        )

    def handle(self, *, worker_id, batch, reload, verbosity, **options):
        # With --reload, this runs again in the reloader's child process, which does the work.
        starting = not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        options = ["--backend", background.BACKEND, "--queue-name", "*", "--interval", "0.5"]
        options += ["--worker-id", worker_id, "--no-startup-delay", f"--verbosity={verbosity}"]
        options += (
            ["--batch", "--no-reload"] if batch else ["--reload" if reload else "--no-reload"]
        )
        while True:
            try:
                if starting:
                    self.start(worker_id, batch)
                    starting = False
                # As on its command line: argparse checks the backend given, not its default.
                call_command("db_worker", *options)
                return
            except (OperationalError, InterfaceError):
                # The database locked for longer than its timeout, or restarting (at any point:
                # while starting, claiming a job or recording its end, on a connection the
                # restart closed): the worker waits and goes on, rather than stopping with the
                # queue left for nobody.
                log.exception("The task worker lost the database; trying again in 1 s")
                connection.close()
                time.sleep(1)

    def start(self, worker_id, batch):
        taken_back = background.recover(background.abandoned(worker=worker_id))
        if taken_back:
            self.stdout.write(f"{taken_back} unfinished job(s) queued again.")
        periodic.run()
        if not batch:
            threading.Thread(target=watch, daemon=True).start()


def watch(every=60, stop=None):
    """Queue again the jobs of workers that stopped (another server's, or one killed), and make
    the periodic checks, every `every` seconds until `stop` (a threading.Event) is set."""
    stop = stop or threading.Event()
    while not stop.wait(every):
        try:
            background.recover(background.abandoned())
        except DatabaseError:
            log.exception("Could not look for abandoned jobs")
        try:
            periodic.run()
        finally:
            connection.close()
