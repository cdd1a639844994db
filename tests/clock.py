"""The one way tests fix the clock: time-machine moves every clock the code reads (Django's
timezone.now, datetime, time.time), in this process, and stays still unless told to tick.

    with at("2026-10-25 02:30"):        # Europe/Paris wall time (naive strings and datetimes)
    with at("2026-10-25T01:30:00+00:00"):  # or an aware instant
    def test_x(clock): clock.move_to("2026-10-25 13:00")   # the fixture: starts now, still
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

PARIS = ZoneInfo("Europe/Paris")


def instant(moment):
    """An aware datetime: naive strings and datetimes are read as Paris wall time (during the
    autumn's repeated hour, the first of the two)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=PARIS)


class Clock:
    def __init__(self, traveller):
        self._traveller = traveller

    def move_to(self, moment):
        self._traveller.move_to(instant(moment))

    def shift(self, delta):
        self._traveller.shift(delta)


class at:  # lower case: it reads as a phrase, `with at("…"):`
    """Context manager and decorator: the clock stands at `moment` until it is moved."""

    def __init__(self, moment, tick=False):
        self._travel = time_machine.travel(instant(moment), tick=tick)

    def __enter__(self):
        return Clock(self._travel.__enter__())

    def __exit__(self, *exc):
        return self._travel.__exit__(*exc)

    def __call__(self, function):
        return self._travel(function)


@pytest.fixture
def clock():
    """The clock, standing at the real now until the test moves it."""
    with at(datetime.now(PARIS)) as fixed:
        yield fixed
