"""Figures about the workshops of a period that an app above measures, for the published results
(indicator 2 of Qualiopi, the `reporting` app). The app that owns a figure registers how to
measure it in its AppConfig.ready(), as apps register their personal data; the results read it
here and know no such app. A figure no app measures yet is shown as not measured.

    register_indicator(SATISFACTION, measure)   # e.g. from a satisfaction survey's app

measure(workshop_ids, first_day, last_day) returns a Share (how many of how many: the
satisfied among the answers), or None when nothing was measured over the period."""

from typing import NamedTuple

SATISFACTION = "satisfaction"

_measures = {}


class Share(NamedTuple):
    count: int
    sample: int

    @property
    def percent(self):
        return None if not self.sample else round(100 * self.count / self.sample)


def register_indicator(name, measure):
    """Set how `name` is measured (registering it again replaces the measure)."""
    _measures[name] = measure
    return measure


def measure_indicator(name, workshop_ids, first_day, last_day):
    """The registered measure's Share, or None: not measured (no app measures it, or nothing
    was measured over the period)."""
    measure = _measures.get(name)
    return measure(workshop_ids, first_day, last_day) if measure else None
