"""A workshop's objectives, as its attestations state them (article L6353-1): the trainer's own,
written in the workshop's form, one per line; prefilled there, and used until then, from the
objectives of the lessons its quizzes cover."""

from lessons.models import LessonPage


def from_lessons(workshop):
    """ "Lesson: objective ; objective" for each lesson the workshop's quizzes cover, in course
    order (a quiz of the whole course covers every lesson)."""
    quizzes = [assignment.quiz for assignment in workshop.assignments.select_related("quiz")]
    if not quizzes:
        return []
    lessons = LessonPage.objects.live().order_by("path")
    if all(quiz.lesson_id for quiz in quizzes):
        lessons = lessons.filter(pk__in={quiz.lesson_id for quiz in quizzes})
    lines = []
    for lesson in lessons:
        goals = [str(block.value) for block in lesson.objectives]
        lines.append(f"{lesson.title} : {' ; '.join(goals)}" if goals else lesson.title)
    return lines


def of(workshop):
    """The objectives an attestation states: the workshop's own lines, else its lessons'."""
    own = [line.strip() for line in workshop.objectives.splitlines() if line.strip()]
    return own or from_lessons(workshop)
