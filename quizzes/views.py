import copy

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from home.pagecache import content_memo

from . import attempts
from .models import Attempt, Quiz


@require_GET
def quiz_index(request):
    quizzes = Quiz.objects.live().in_course_order()
    return render(request, "quizzes/quiz_index.html", {"quizzes": quizzes})


def render_quiz(request, quiz, form, token, action, status=200, extra=None):
    context = {"quiz": quiz, "form": form, "token": token, "action": action, **(extra or {})}
    return render(request, "quizzes/quiz_detail.html", context, status=status)


def refuse(request, message, status):
    return render(request, "quizzes/refused.html", {"message": message}, status=status)


def already_recorded(request, attempt):
    if not attempts.can_see(request, attempt):
        return refuse(request, _("Cette tentative a été envoyée depuis un autre compte."), 403)
    messages.info(request, _("Cette tentative était déjà enregistrée : voici son résultat."))
    return redirect(attempt)


def check_token(request, quiz, assignment_id=None):
    """(token data, None) for a valid token of this quiz and assignment, else (None, refusal)."""
    data = attempts.read_token(request.POST.get("attempt"))
    if data is None or data.get("quiz") != quiz.pk or data.get("a") != assignment_id:
        message = _("Ce formulaire n'est plus valable. Rechargez le quiz pour le recommencer.")
        return None, refuse(request, message, 400)
    if data["u"] is not None and data["u"] != request.user.pk:
        return None, refuse(
            request, _("Cette tentative a été commencée avec un autre compte."), 403
        )
    return data, None


def recorded_answer(request, data):
    """The answer to a token already recorded (its result, or a refusal), else None."""
    existing = Attempt.objects.filter(token=data["id"]).first()
    return already_recorded(request, existing) if existing else None


def live_quiz(request, slug):
    """The live quiz, kept in the content memo: its questions, and the lessons and statistics
    they point to, are read once per process until something is published. Each request gets
    its own copy of the object."""
    memo = content_memo(request)
    key = ("quiz", slug)
    if key not in memo:
        memo[key] = get_object_or_404(Quiz.objects.live(), slug=slug)
    return copy.copy(memo[key])


@require_GET
def quiz_detail(request, slug):
    quiz = live_quiz(request, slug)
    form, token = attempts.start(quiz, request.user)
    return render_quiz(request, quiz, form, token, quiz.get_submit_url())


@require_POST
def quiz_submit(request, slug):
    quiz = live_quiz(request, slug)
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
    return redirect(attempt)


@require_GET
def attempt_result(request, token):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), token=token)
    if not attempts.can_see(request, attempt):
        raise Http404
    reveal = attempt.reveal_after is None or timezone.now() >= attempt.reveal_after
    return render(
        request,
        "quizzes/result.html",
        {"attempt": attempt, "reveal": reveal, "reveal_at": attempt.reveal_after},
    )
