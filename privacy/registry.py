"""The register of personal data: for every model that points at a user, the app that owns it
says, in its AppConfig.ready(), what the learner's export shows of it, when it expires, and what
becomes of it when the account is deleted. `accounts` reads it for the export, the daily purge
and the account's deletion, and knows no other app for that; tests/test_privacy.py fails when a
model that points at a user is registered nowhere, or says a fate its relations do not give."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

# What becomes of a model's rows when the account they point at is deleted.
DELETED = "deleted"  # they go with it
# Legal evidence: they stay under the name written in them, without the account, until their
# own period is over (an expiry, theirs or that of what they belong to).
KEPT = "kept"
# Training evidence that names no one: those of a workshop stay without the account, under the
# account's former id (a number that names no one once the account is gone), until their period
# is over; the others go with it. The owning app's `keep(user)` (one, for the rows of several
# models) sets those aside before the account goes.
PSEUDONYMISED = "pseudonymised"
# They stay without the account: content or a link that holds nothing of the person (a page's
# owner, the trainer who started a live session, an editor's lock).
UNLINKED = "unlinked"
# Nothing ties them to the account (a session): they go when they expire.
EXPIRES = "expires"
FATES = (DELETED, KEPT, PSEUDONYMISED, UNLINKED, EXPIRES)
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
    `on_purge(rows, now)`, if given, runs before the rows go: it records what outlives them (a
    verification record without personal data), or deletes what only they held."""

    label: str
    setting: str
    up_to: object
    on_purge: object = None

    def last_day(self, year):
        """The last day a row of `year` is kept: 31 December of year + the setting's years."""
        return date(year + getattr(settings, self.setting), 12, 31)

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
    # For training evidence kept without the account: `keep(user)`, run before it is deleted
    # (the relations' cascade is decided before any signal), sets those rows aside.
    keep: object = None
    # What stays of it once the account is deleted, and until when: `tells(user, expiry)`, French
    # sentences for the deletion page and its confirmation.
    tells: object = None


_registry = {}


def register(
    model,
    *,
    on_account_deletion,
    export=None,
    expiry=None,
    forget_by=None,
    note="",
    keep=None,
    tells=None,
):
    if on_account_deletion not in FATES:
        raise ValueError(f"{model._meta.label}: on_account_deletion must be one of {FATES}")
    if keep is not None and on_account_deletion not in (KEPT, PSEUDONYMISED):
        raise ValueError(f"{model._meta.label}: `keep` sets aside only what is kept")
    if export is None and not note:
        raise ValueError(f"{model._meta.label}: say in a note why it is not in the export")
    if export and any(
        entry.export and entry.export.key == export.key and entry.model is not model
        for entry in entries()
    ):
        raise ValueError(f"{model._meta.label}: the export already has a {export.key!r} section")
    _registry[model._meta.label] = PersonalData(
        model, on_account_deletion, export, expiry, forget_by, note, keep, tells
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
            if getattr(entry.expiry, "on_purge", None):
                entry.expiry.on_purge(rows, now)
            count = rows.delete()[1].get(label, 0)
            deleted[entry.expiry.label] = deleted.get(entry.expiry.label, 0) + count
    return deleted


def keep(user):
    """Before `user` is deleted: the training evidence that stays without the account is set
    aside (PSEUDONYMISED), in registration order (apps lower in the layers first)."""
    for entry in entries():
        if entry.keep:
            entry.keep(user)


def kept_after_deletion(user):
    """What stays of `user` once their account is deleted, and until when: French sentences, in
    registration order."""
    return [line for entry in entries() if entry.tells for line in entry.tells(user, entry.expiry)]


def forget(user):
    """What names a deleted account without a relation to it (the rest follows the relations'
    on_delete, which tests/test_privacy.py checks against each model's fate)."""
    for entry in entries():
        if entry.forget_by:
            entry.model.objects.filter(entry.forget_by(user)).delete()
