"""The trainer's results table, kept: its HTML is built and typeset once per change of what it
shows, and read back from the cache otherwise."""

import hashlib
import pickle
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

from typography import french

from . import models, names, progress, reading, results


class ResultsTable(NamedTuple):
    """The trainer's table as HTML, French typography done: head cells, body rows, foot rows."""

    has_columns: bool
    has_rows: bool
    head: str
    body: str
    foot: str


class Kept(NamedTuple):
    """A table as the cache keeps it, beside the digest of what it was built from."""

    digest: str
    table: ResultsTable


# Every module whose code shapes a kept table (reads its rows, decides a cell, writes or
# typesets its HTML): a new version of any of them makes new tables.
TABLE_MODULES = [reading, names, progress, results, models, french]  # models: an assignment's title


def _table_code():
    """What a kept table was built by (this module, TABLE_MODULES and the project's
    translations): a new version of any never reads an older one's HTML."""
    digest = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8)
    for module in TABLE_MODULES:
        digest.update(Path(module.__file__).read_bytes())
    for folder in settings.LOCALE_PATHS:
        for catalogue in sorted(Path(folder).glob("*/LC_MESSAGES/django.mo")):
            digest.update(catalogue.read_bytes())
    return digest.hexdigest()


_TABLE_CODE = _table_code()
TABLE_TIMEOUT = 600  # seconds: learners' names do not stay long in the cache


def cache_key(workshop):
    """One entry per workshop. The code's version is in the key too: a table kept by an older
    version, whose classes may have moved since, is never unpickled."""
    return f"workshops:results-table:{_TABLE_CODE}:{workshop.pk}"


def results_table(workshop):
    """The trainer's results table. Building and typesetting its 2,000 cells costs several
    times more than reading the rows they come from, so the HTML is kept in the default cache
    (one entry per workshop) beside a digest of everything it shows: members and their names,
    assigned quizzes and their settings, each learner's progress, where each quiz stands in time
    (open, closed), the language and time zone, and the version of this code and of its
    translations. The rows are read on every request; when their digest differs, the table is
    built again. A kept table is therefore never stale, with one worker, several or several
    servers, and needs no invalidation: not even a change made without signals
    (QuerySet.update()) is missed."""
    now = timezone.now()
    inputs = reading.table_inputs(workshop)
    detail_url = results.assignment_detail_url()
    # The only way the hour changes the table: a quiz opens, or its deadline passes.
    phases = [(now >= a.opens_at, now >= a.due_at) for a in inputs.assignments]
    # Plain tuples: pickled several times quicker than named ones, on every request.
    rows = [list(map(tuple, part)) for part in inputs]
    digest = hashlib.blake2b(
        pickle.dumps(
            (_TABLE_CODE, get_language(), get_current_timezone_name(), detail_url, phases, rows),
            pickle.HIGHEST_PROTOCOL,
        ),
        digest_size=16,
    ).hexdigest()
    key = cache_key(workshop)
    kept = cache.get(key)
    if kept is not None and kept.digest == digest:
        return kept.table
    columns, learner_rows = results.workshop_results(workshop, inputs, now)
    table = ResultsTable(
        has_columns=bool(columns),
        has_rows=bool(learner_rows),
        head=french.typeset_fragment(results.header_cells_html(columns, detail_url)),
        body=french.typeset_fragment("".join([row.__html__() for row in learner_rows])),
        foot=french.typeset_fragment(
            results.summary_rows_html(results.summaries(columns, learner_rows))
        ),
    )
    cache.set(key, Kept(digest, table), TABLE_TIMEOUT)
    return table
