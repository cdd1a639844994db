"""What the training body did over a period, as the attendance sheets prove it: the workshops
held, who was trained and for how many hours. The published results and the yearly report both
read it. Attendance is never counted here: the proving sheets and the hours each learner
realised are attendance's (attendance.services), read for the period's days only."""

from dataclasses import dataclass, field
from decimal import Decimal

from attendance.services import proving_sheets, realised
from workshops.models import Membership, Workshop
from workshops.reading import former_or_current


@dataclass
class Held:
    """A workshop held over the period: its proving sheets of those days, and the learners of
    its roster who signed at least one of them, {learner key: (sessions, hours)}, with each
    one's type of trainee."""

    workshop: Workshop
    sheets: list
    trained: dict
    trainee_types: dict = field(default_factory=dict)

    @property
    def session_hours(self):
        """The hours of its sessions of the period that a sheet proves (the trainers' hours)."""
        return sum((sheet.session.hours() for sheet in self.sheets), Decimal(0))

    @property
    def trainee_hours(self):
        return sum((hours for _sessions, hours in self.trained.values()), Decimal(0))


def held_between(first_day, last_day):
    """The workshops held from `first_day` to `last_day` (both included): those with at least one
    proving sheet of a session of these days, in the order of their first session."""
    between = (first_day, last_day)
    # Only a first sift: proving_sheets decides which sheets prove anything.
    candidates = (
        Workshop.objects.filter(
            sessions__date__range=between, sessions__sheet__countersigned_at__isnull=False
        )
        .distinct()
        .order_by("pk")
        .prefetch_related("trainers")
    )
    held = []
    for workshop in candidates:
        sheets = list(proving_sheets(workshop, between).select_related("session"))
        if not sheets:
            continue
        # The roster, with those who deleted their account since (their former id).
        roster = dict(
            Membership.objects.filter(workshop=workshop)
            .annotate(learner=former_or_current("user_id"))
            .values_list("learner", "trainee_type")
        )
        trained = {
            learner: done
            for learner, done in realised(workshop, between).items()
            if learner in roster and done[0] > 0
        }
        held.append(
            Held(
                workshop=workshop,
                sheets=sheets,
                trained=trained,
                trainee_types={learner: roster[learner] for learner in trained},
            )
        )
    held.sort(key=lambda item: (min(sheet.session.date for sheet in item.sheets), item.workshop.pk))
    return held
