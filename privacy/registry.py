"""The register of personal data: for every model that points at a user, the app that owns it
says, in its AppConfig.ready(), what the learner's export shows of it, when it expires, and what
becomes of it when the account is deleted. `accounts` reads it for the export, the daily purge
and the account's deletion, and knows no other app for that; tests/test_privacy.py fails when a
model that points at a user is registered nowhere, or says a fate its relations do not give."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

# What becomes of a model's rows when the account they point at is deleted.
DELETED = "deleted"  # they go with it
# Legal evidence: they stay under the name written in them, without the account, until their
# own period is over (an expiry, theirs or that of what they belong to).
KEPT = "kept"
# They stay without the account: content or a link that holds nothing of the person (a page's
# owner, the trainer who started a live session, an editor's lock).
UNLINKED = "unlinked"
# Nothing ties them to the account (a session): they go when they expire.
EXPIRES = "expires"
FATES = (DELETED, KEPT, UNLINKED, EXPIRES)
# The note of a snippet that points at a user only through Wagtail's lock.
EDITORS_LOCK = "Wagtail's lock (locked_by): the editor editing it, cleared when their account goes."


@dataclass(frozen=True)
class Export:
    """A section of the learner's export: `key` in the JSON file, and `content(user, now)`, what
    it holds (JSON-ready)."""

    key: str
    content: object


@dataclass(frozen=True)
class Expiry:
    """What of a model the daily purge deletes: rows matching `only` whose `date` field is
    older than the number of days named by `setting` (None: as soon as that date has passed).
    `label` names them in the purge's report ("attestations")."""

    label: str
    date: str
    setting: str | None = None
    only: models.Q = field(default_factory=models.Q)

    def cutoff(self, model, now):
        cutoff = now - timedelta(days=getattr(settings, self.setting)) if self.setting else now
        *relations, name = self.date.split("__")  # "session__date": through a relation
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        date_field = model._meta.get_field(name)
        # A date (a session's) is a day of Paris: not the UTC date, a day behind from midnight
        # to 01:00 (02:00 in summer).
        if isinstance(date_field, models.DateTimeField):
            return cutoff
        return timezone.localdate(cutoff)

    def expired(self, model, now):
        return model.objects.filter(self.only, **{f"{self.date}__lt": self.cutoff(model, now)})


@dataclass(frozen=True)
class YearEndExpiry:
    """What the daily purge deletes of training evidence: kept for the number of whole years
    named by `setting` counted from 31 December of a year, so that a row of year Y goes once
    31 December of Y + years is over, at midnight in Paris. The app that owns that year says
    which rows it gives: `up_to(year)`, a Q of the rows whose year is `year` or earlier.
    `leaves(rows, now)`, if given, records what outlives the rows before they go (a verification
    record without personal data)."""

    label: str
    setting: str
    up_to: object
    leaves: object = None

    def last_year_over(self, now):
        """The latest year whose period is over at `now`."""
        return timezone.localdate(now).year - getattr(settings, self.setting) - 1

    def expired(self, model, now):
        return model.objects.filter(self.up_to(self.last_year_over(now)))


@dataclass(frozen=True)
class PersonalData:
    model: type
    on_account_deletion: str
    export: Export | None
    expiry: Expiry | YearEndExpiry | None
    # For rows that name the person without a relation to the account (sign-in records keep the
    # address typed): `forget_by(user)`, a Q of those rows, deleted with the account.
    forget_by: object
    # Why it is not in the learner's export (required then), or anything else worth knowing.
    note: str


_registry = {}


def register(model, *, on_account_deletion, export=None, expiry=None, forget_by=None, note=""):
    if on_account_deletion not in FATES:
        raise ValueError(f"{model._meta.label}: on_account_deletion must be one of {FATES}")
    if export is None and not note:
        raise ValueError(f"{model._meta.label}: say in a note why it is not in the export")
    if export and any(
        entry.export and entry.export.key == export.key and entry.model is not model
        for entry in entries()
    ):
        raise ValueError(f"{model._meta.label}: the export already has a {export.key!r} section")
    _registry[model._meta.label] = PersonalData(
        model, on_account_deletion, export, expiry, forget_by, note
    )


def entries():
    return list(_registry.values())


def entry_for(model):
    return _registry.get(model._meta.label)


def export(user, now=None):
    """Everything registered about `user`, one section per exporter, in registration order."""
    now = now or timezone.now()
    return {
        entry.export.key: entry.export.content(user, now) for entry in entries() if entry.export
    }


def purge(now=None, only=None):
    """Deletes what has outlived its retention period (of the models in `only`, if given):
    {label: how many rows of the registered model went}."""
    now = now or timezone.now()
    deleted = {}
    for entry in entries():
        if entry.expiry and (only is None or entry.model in only):
            label = entry.model._meta.label
            rows = entry.expiry.expired(entry.model, now)
            if getattr(entry.expiry, "leaves", None):
                entry.expiry.leaves(rows, now)
            count = rows.delete()[1].get(label, 0)
            deleted[entry.expiry.label] = deleted.get(entry.expiry.label, 0) + count
    return deleted


def forget(user):
    """What names a deleted account without a relation to it (the rest follows the relations'
    on_delete, which tests/test_privacy.py checks against each model's fate)."""
    for entry in entries():
        if entry.forget_by:
            entry.model.objects.filter(entry.forget_by(user)).delete()
