import copy

from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from caching.memo import content_memo
from lessons.reading import mark_read

from . import attempts
from .attempts import already_recorded, check_token, recorded_answer, render_quiz
from .best import best_results
from .models import Attempt, Quiz
from .scoring import explanation_html, feedback_html


@require_GET
def quiz_index(request):
    quizzes = list(Quiz.objects.public().in_course_order())
    best = best_results(request)
    for quiz in quizzes:
        quiz.best = best.get(quiz.pk)
    return render(request, "quizzes/quiz_index.html", {"quizzes": quizzes})


def public_quiz(request, slug):
    """The live quiz open to everyone, kept in the content memo: its questions, and the lessons
    and statistics they point to, are read once per process until something is published. Each
    request gets its own copy of the object."""
    memo = content_memo(request)
    key = ("quiz", slug)
    if key not in memo:
        # With its lesson's title (the page names it), not the lesson's body.
        quizzes = Quiz.objects.public().select_related("lesson")
        quiz = get_object_or_404(
            quizzes.defer("lesson__body", "lesson__objectives", "lesson__sources"), slug=slug
        )
        for child in quiz.questions:  # explanations and feedback rendered once (figures read)
            explanation_html(child)
            feedback_html(child)
        memo[key] = quiz
    return copy.copy(memo[key])


@require_GET
def quiz_detail(request, slug):
    quiz = public_quiz(request, slug)
    # Reaching a lesson's quiz counts as reading the lesson (the link at the end of the lesson
    # leads here: readers without JavaScript too). A visitor's counts when they submit it: no
    # session is started for a mere visit.
    if quiz.lesson_id and request.user.is_authenticated:
        mark_read(request, quiz.lesson_id)
    form, token = attempts.start(quiz, request.user)
    return render_quiz(request, quiz, form, token, quiz.get_submit_url())


@require_POST
def quiz_submit(request, slug):
    quiz = public_quiz(request, slug)
    data, refusal = check_token(request, quiz)
    if refusal:
        return refusal
    shown, form = attempts.bound_form(quiz, data, request.POST)
    if not form.is_valid():
        return recorded_answer(request, data) or render_quiz(
            request, quiz, form, request.POST["attempt"], quiz.get_submit_url(), status=400
        )
    # One INSERT, atomic on its own: views run in autocommit (no ATOMIC_REQUESTS), and a
    # transaction around it would cost two more round trips. A token already recorded is not
    # looked for first: saving it again fails on its unique constraint.
    try:
        attempt = attempts.record(quiz, shown, data, form, request.user)
    except IntegrityError:
        # The same attempt was submitted twice at once: the first one counts.
        return already_recorded(request, Attempt.objects.get(token=data["id"]))
    attempts.remember(request, attempt)
    if quiz.lesson_id:
        mark_read(request, quiz.lesson_id)
    return redirect(attempt)


@require_GET
def attempt_result(request, token):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), token=token)
    if not attempts.can_see(request, attempt):
        raise Http404
    quiz = attempt.quiz
    reveal = attempt.correction_visible()
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "reveal": reveal,
            # An assigned quiz is taken again in its workshop, where it counts.
            "retry_url": quiz.get_absolute_url()
            if quiz and quiz.is_public and not attempt.assigned and reveal
            else None,
        },
    )
