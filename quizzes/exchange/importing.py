"""Imported questions become a draft: a new quiz, or a new revision of a quiz with the questions
added after its own. The draft is submitted to the quizzes' moderation workflow (the one the
editor's "Soumettre" starts) when every question is complete; with an explanation missing it
stays a draft, to be completed and submitted from the editor, as Wagtail lets a draft be saved
incomplete but not submitted."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.models import WorkflowState

from ..models import Quiz
from .questions import stream_data


class ImportRefused(Exception):
    """The import cannot go into this quiz now, with the reason in French."""


def unique_slug(title):
    base = slugify(title)[:70] or "quiz"
    slug, number = base, 1
    while Quiz.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def check_target(quiz, user):
    """Raises ImportRefused when the questions cannot be added to `quiz` by `user` now."""
    state = quiz.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ImportRefused(
            _(
                "Ce quiz attend déjà la décision d'un modérateur : importez après sa décision, "
                "ou dans un nouveau quiz."
            )
        )
    lock = quiz.get_lock()
    if lock is not None and lock.for_user(user):
        raise ImportRefused(_("Ce quiz est verrouillé par quelqu'un d'autre."))


@transaction.atomic
def create(items, user, *, quiz=None, title="", lesson=None):
    """(the quiz, whether it was submitted) once the items' questions are saved as a draft."""
    questions = stream_data(items)
    if quiz is None:
        quiz = Quiz(title=title, slug=unique_slug(title), lesson=lesson, questions=questions)
        quiz = CreateAction(quiz, user=user).execute()
    else:
        check_target(quiz, user)
        latest = quiz.get_latest_revision_as_object()
        latest.questions = [*latest.questions.raw_data, *questions]
        quiz = EditAction(latest, user=user).execute()
    complete = all(item.complete for item in items if item.data is not None)
    if not complete:
        return quiz, False
    state = quiz.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        quiz.get_workflow().start(quiz, user)
    return quiz, True
