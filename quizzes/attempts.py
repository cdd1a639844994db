"""Starting and recording attempts: shared by the public quiz pages and assigned quizzes
(`workshops`), with the responses both give; and the one place an Attempt is made
(`new_attempt`), whether it comes from a quiz page, a live session or demo data.

An attempt starts as a signed token that says which questions and choices were drawn, in which
order, for whom (and for which assignment, if any). It carries no right answer. On submission the
quiz is scored as it was shown (the revision in the token) and saved once, whole, or not at all.
"""

import random
import secrets
import uuid
from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.models import Revision

from .forms import QuizForm
from .models import Attempt
from .scoring import grade_attempt, tally

TOKEN_SALT = "quizzes.attempt"
TOKEN_MAX_AGE = timedelta(days=7)
SESSION_KEY = "quiz_attempts"


def new_seed():
    return secrets.randbits(64)


def start(quiz, user, assignment_id=None):
    """A fresh form and its token for one attempt at `quiz`."""
    question_ids, choice_ids = quiz.draw(random.Random(new_seed()))
    token = signing.dumps(
        {
            "quiz": quiz.pk,
            "rev": quiz.live_revision_id,
            "q": question_ids,
            "c": choice_ids,
            "id": str(uuid.uuid4()),
            "u": user.pk if user.is_authenticated else None,
            "a": assignment_id,
            "t": timezone.now().isoformat(),
        },
        salt=TOKEN_SALT,
        compress=True,
    )
    return QuizForm(quiz, question_ids, choice_ids), token


def read_token(value):
    try:
        return signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return None


def quiz_as_shown(quiz, data):
    """The quiz as the learner saw it: the revision named in the token."""
    if data["rev"] == quiz.live_revision_id:
        return quiz  # a live object holds its live revision's content
    revision = Revision.objects.filter(pk=data["rev"], object_id=str(quiz.pk)).first()
    return revision.as_object() if revision else quiz


def bound_form(quiz, data, post):
    shown = quiz_as_shown(quiz, data)
    return shown, QuizForm(shown, data["q"], data["c"], data=post)


def new_attempt(
    quiz,
    graded,
    *,
    title,
    pass_mark,
    user,
    started_at,
    token=None,
    reveal_after=None,
    assigned=False,
):
    """The one place an Attempt is made, whatever it was made in (the public quiz, an assigned
    quiz, a live session, demo data): its counts and score from its graded snapshot. Unsaved:
    `record` saves a public one, `workshops.progress.record_attempt` an assigned one, demo data
    is saved in bulk. token: the one signed into the attempt's form, else a new one."""
    right, scored, score = tally(graded)
    attempt = Attempt(
        quiz=quiz,
        quiz_title=title,
        user=user if user is not None and user.is_authenticated else None,
        questions=graded,
        correct_count=right,
        question_count=scored,
        score=score,
        pass_mark=pass_mark,
        started_at=started_at,
        reveal_after=reveal_after,
        assigned=assigned,
    )
    if token is not None:
        attempt.token = token
    return attempt


def submitted(quiz, shown, data, form, user, reveal_after=None):
    """The attempt a valid form makes, scored as the quiz was shown (unsaved)."""
    return new_attempt(
        quiz,
        grade_attempt(shown, data["q"], data["c"], form.answers()),
        title=shown.title,
        pass_mark=shown.pass_mark,
        user=user,
        started_at=parse_datetime(data["t"]),
        token=data["id"],
        reveal_after=reveal_after,
        assigned=data["a"] is not None,
    )


def record(quiz, shown, data, form, user):
    """Score and save a public quiz's attempt: one INSERT. Raises IntegrityError if this token
    was already recorded."""
    attempt = submitted(quiz, shown, data, form, user)
    attempt.save(force_insert=True)
    return attempt


def session_tokens(request):
    return request.session.get(SESSION_KEY, [])


def remember(request, attempt):
    """Anonymous attempts live in the visitor's session until they sign up or in."""
    if attempt.user_id is None:
        request.session[SESSION_KEY] = [*session_tokens(request), str(attempt.token)]


def can_see(request, attempt):
    if attempt.user_id is not None:
        return attempt.user_id == request.user.pk
    return str(attempt.token) in session_tokens(request)


# Responses shared by the public quiz and assigned quizzes.


def render_quiz(request, quiz, form, token, action, status=200, extra=None):
    context = {
        "quiz": quiz,
        "form": form,
        "token": token,
        "action": action,
        # What search engines and link previews show of it.
        "og_title": quiz.title,
        "meta_description": quiz.intro,
        **(extra or {}),
    }
    return render(request, "quizzes/quiz_detail.html", context, status=status)


def refuse(request, message, status):
    return render(request, "quizzes/refused.html", {"message": message}, status=status)


def check_token(request, quiz, assignment_id=None):
    """(token data, None) for a valid token of this quiz and assignment, else (None, refusal)."""
    data = read_token(request.POST.get("attempt"))
    if data is None or data.get("quiz") != quiz.pk or data.get("a") != assignment_id:
        message = _("Ce formulaire n'est plus valable. Rechargez le quiz pour le recommencer.")
        return None, refuse(request, message, 400)
    if data["u"] is not None and data["u"] != request.user.pk:
        return None, refuse(
            request, _("Cette tentative a été commencée avec un autre compte."), 403
        )
    return data, None


def already_recorded(request, attempt, url=None):
    """The answer to a token sent again: its recorded result (at `url`, else the attempt's own
    page), or a refusal if it is someone else's."""
    if not can_see(request, attempt):
        return refuse(request, _("Cette tentative a été envoyée depuis un autre compte."), 403)
    messages.info(request, _("Cette tentative était déjà enregistrée : voici son résultat."))
    return redirect(url or attempt.get_absolute_url())


def recorded_answer(request, data, url_for=None):
    """The answer to a token already recorded (its result, or a refusal), else None.
    url_for(attempt): where its result is shown, if not at the attempt's own page."""
    existing = Attempt.objects.filter(token=data["id"]).first()
    if existing is None:
        return None
    return already_recorded(request, existing, url_for(existing) if url_for else None)
