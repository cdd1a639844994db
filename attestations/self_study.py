"""The attestation de suivi of a learner who studied alone: every lesson of the course read and
the course's final quiz passed. It is not a training certificate (no training action, no hours:
attestations.models.Attestation is that): it states only what the site's records prove, the
lessons read with their dates and the final quiz's passing attempt with its date and score.
Issued once per learner and course and kept; its PDF is printed once, through the workshop
attestations' pipeline (attestations.services), and verified at the same address."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.addresses import public_url, site_name
from jobs.background import start_once
from lessons.models import CoursePage, LessonRead
from quizzes.models import Attempt, Quiz

from .models import SelfStudyAttestation
from .tasks import print_self_study

NAME_LENGTH = 150


class NotEligible(Exception):
    """What is still missing, in French."""


@dataclass
class Completion:
    """Where a learner stands against the attestation's two conditions."""

    course: CoursePage | None
    lessons: list = field(default_factory=list)  # [(lesson, read_at or None)], in course order
    final_quiz: Quiz | None = None
    passing: Attempt | None = None  # the passing attempt the attestation would cite

    @property
    def read_count(self):
        return sum(1 for _lesson, read_at in self.lessons if read_at)

    @property
    def all_read(self):
        return bool(self.lessons) and self.read_count == len(self.lessons)

    @property
    def eligible(self):
        return self.course is not None and self.all_read and self.passing is not None

    @property
    def offered(self):
        """There is a course and a final quiz to complete."""
        return self.course is not None and self.final_quiz is not None


def the_course():
    return CoursePage.objects.live().public().order_by("path").first()


def passing_attempt(user, quiz, now=None):
    """The learner's best passing attempt at the final quiz (the earliest of equal scores),
    whose correction they may see; None if they have not passed it."""
    if quiz is None:
        return None
    now = now or timezone.now()
    return (
        Attempt.objects.for_user(user)
        .filter(quiz=quiz, pass_mark__isnull=False, question_count__gt=0)
        .filter(score__gte=F("pass_mark"))
        .filter(Q(reveal_after=None) | Q(reveal_after__lte=now))
        .order_by("-score", "submitted_at")
        .first()
    )


def completion(user):
    course = the_course()
    if course is None:
        return Completion(None)
    lessons = list(course.lessons().only("title", "url_path", "path"))
    read = dict(
        LessonRead.objects.filter(
            user=user, lesson__in=[lesson.pk for lesson in lessons]
        ).values_list("lesson_id", "read_at")
    )
    final_quiz = Quiz.objects.course_quiz().first()
    return Completion(
        course,
        [(lesson, read.get(lesson.pk)) for lesson in lessons],
        final_quiz,
        passing_attempt(user, final_quiz),
    )


def content(done, name):
    """What the attestation states, as the records say it now (kept in the record)."""
    attempt = done.passing
    return {
        "learner": name,
        "site": {"name": site_name(), "url": public_url("/")},
        "course": {"title": done.course.title, "url": public_url(done.course.url)},
        "lessons": [
            {"title": lesson.title, "read_on": timezone.localdate(read_at).isoformat()}
            for lesson, read_at in done.lessons
        ],
        "final_quiz": {
            "title": attempt.quiz_title,
            "submitted_on": timezone.localdate(attempt.submitted_at).isoformat(),
            "score": attempt.score,
            "pass_mark": attempt.pass_mark,
            "correct_count": attempt.correct_count,
            "question_count": attempt.question_count,
        },
    }


def current(user, course=None):
    course = course or the_course()
    if course is None:
        return None
    return SelfStudyAttestation.objects.filter(user=user, course=course).first()


def missing(done):
    """Why no attestation can be issued yet, in French (empty when it can)."""
    reasons = []
    if not done.offered:
        return [_("attendre que le cours et son quiz final soient publiés")]
    if not done.all_read:
        reasons.append(
            _("lire toutes les leçons du cours (%(read)s sur %(total)s lues)")
            % {"read": done.read_count, "total": len(done.lessons)}
        )
    if done.passing is None:
        reasons.append(_("réussir le quiz final"))
    return reasons


def issue(user, name):
    """The learner's attestation de suivi: the one already issued, or a new one, whose PDF the
    task worker prints (attestations.tasks.print_self_study). (attestation, created)."""
    done = completion(user)
    if not done.eligible:
        raise NotEligible(", ".join(missing(done)))
    existing = current(user, done.course)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            attestation = SelfStudyAttestation.objects.create(
                user=user,
                course=done.course,
                learner_name=name,
                content=content(done, name),
            )
    except IntegrityError:  # asked twice at once: the first one stands
        return current(user, done.course), False
    start_once(
        print_self_study,
        about=f"suivi:{attestation.pk}",
        owner=user,
        title=_("Impression de l'attestation de suivi"),
        back=reverse("accounts:space"),
        attestation_id=attestation.pk,
    )
    return attestation, True
