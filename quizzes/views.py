import random
import secrets
import uuid
from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Revision

from .forms import QuizForm
from .models import Attempt, Quiz
from .scoring import score_attempt

TOKEN_SALT = "quizzes.attempt"
TOKEN_MAX_AGE = timedelta(days=7)
SESSION_KEY = "quiz_attempts"


def new_seed():
    return secrets.randbits(64)


def make_token(quiz, user, question_ids, choice_ids):
    """The attempt's identity and what it shows, signed so it cannot be altered. It carries no
    right answer: only the ids and order of the questions and choices."""
    return signing.dumps(
        {
            "quiz": quiz.pk,
            "rev": quiz.live_revision_id,
            "q": question_ids,
            "c": choice_ids,
            "id": str(uuid.uuid4()),
            "u": user.pk if user.is_authenticated else None,
            "t": timezone.now().isoformat(),
        },
        salt=TOKEN_SALT,
        compress=True,
    )


def read_token(value):
    try:
        return signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return None


def session_tokens(request):
    return request.session.get(SESSION_KEY, [])


def can_see(request, attempt):
    if attempt.user_id is not None:
        return attempt.user_id == request.user.pk
    return str(attempt.token) in session_tokens(request)


@require_GET
def quiz_index(request):
    quizzes = (
        Quiz.objects.live()
        .select_related("lesson")
        .order_by(F("lesson__path").asc(nulls_last=True), "title")
    )
    return render(request, "quizzes/quiz_index.html", {"quizzes": quizzes})


def render_quiz(request, quiz, form, token, status=200):
    return render(
        request,
        "quizzes/quiz_detail.html",
        {"quiz": quiz, "form": form, "token": token},
        status=status,
    )


@require_GET
def quiz_detail(request, slug):
    quiz = get_object_or_404(Quiz.objects.live(), slug=slug)
    question_ids, choice_ids = quiz.draw(random.Random(new_seed()))
    token = make_token(quiz, request.user, question_ids, choice_ids)
    return render_quiz(request, quiz, QuizForm(quiz, question_ids, choice_ids), token)


def refuse(request, message, status):
    return render(request, "quizzes/refused.html", {"message": message}, status=status)


@require_POST
def quiz_submit(request, slug):
    quiz = get_object_or_404(Quiz.objects.live(), slug=slug)
    data = read_token(request.POST.get("attempt"))
    if data is None or data.get("quiz") != quiz.pk:
        return refuse(
            request,
            _("Ce formulaire n'est plus valable. Rechargez le quiz pour le recommencer."),
            400,
        )
    existing = Attempt.objects.filter(token=data["id"]).first()
    if existing:
        return already_recorded(request, existing)
    if data["u"] is not None and data["u"] != request.user.pk:
        return refuse(request, _("Cette tentative a été commencée avec un autre compte."), 403)

    revision = Revision.objects.filter(pk=data["rev"], object_id=str(quiz.pk)).first()
    shown = revision.as_object() if revision else quiz
    form = QuizForm(shown, data["q"], data["c"], data=request.POST)
    if not form.is_valid():
        return render_quiz(request, quiz, form, request.POST["attempt"], status=400)

    graded, right, score = score_attempt(shown, data["q"], data["c"], form.answers())
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                token=data["id"],
                quiz=quiz,
                quiz_title=shown.title,
                user=request.user if request.user.is_authenticated else None,
                questions=graded,
                correct_count=right,
                question_count=len(graded),
                score=score,
                pass_mark=shown.pass_mark,
                started_at=parse_datetime(data["t"]),
            )
    except IntegrityError:
        # The same attempt was submitted twice at once: the first one counts.
        return already_recorded(request, Attempt.objects.get(token=data["id"]))
    if attempt.user is None:
        request.session[SESSION_KEY] = [*session_tokens(request), str(attempt.token)]
    return redirect(attempt)


def already_recorded(request, attempt):
    if not can_see(request, attempt):
        return refuse(request, _("Cette tentative a été envoyée depuis un autre compte."), 403)
    messages.info(request, _("Cette tentative était déjà enregistrée : voici son résultat."))
    return redirect(attempt)


@require_GET
def attempt_result(request, token):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), token=token)
    if not can_see(request, attempt):
        raise Http404
    return render(request, "quizzes/result.html", {"attempt": attempt})
