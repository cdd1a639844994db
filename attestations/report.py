"""The workshop's group report: its roster with attendance, the entry and final tests compared,
and each assigned quiz's questions with their success rates."""

from django.utils import timezone

from attendance.services import proving_sheets, realised
from workshops.models import TrainingBody
from workshops.positioning import workshop_positioning
from workshops.reading import assignment_reports, evidence_members_of, retained_attempts


def context(workshop):
    # Those who deleted their account since are still counted: the report stays as it was.
    members = evidence_members_of(workshop)
    done = realised(workshop)
    assignments = list(workshop.assignments.select_related("quiz").order_by("pk"))
    quizzes = [
        {
            "assignment": assignment,
            "questions": assignment_reports(assignment, retained_attempts(assignment)),
        }
        for assignment in assignments
    ]
    return {
        "workshop": workshop,
        "body": TrainingBody.load(),
        "roster": [(member, done.get(member.id, (0, 0))[0]) for member in members],
        "held": proving_sheets(workshop).count(),
        "positioning": workshop_positioning(workshop),
        "quizzes": quizzes,
        "now": timezone.now(),
    }
