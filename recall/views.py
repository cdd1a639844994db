"""Revoir mes erreurs: the review of the questions due today, its result, and the e-mail
reminders a learner asks for in "Mon espace" (and stops from any e-mail's link)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from quizzes.attempts import refuse

from . import reminders, rounds, schedule
from .models import ReviewAnswer, ReviewReminder


def render_review(request, learner, summary, form, token, status=200):
    return render(
        request,
        "recall/review.html",
        {"summary": summary, "form": form, "token": token, "anonymous": learner.anonymous},
        status=status,
    )


@never_cache
def review(request):
    """The questions due today, as a short quiz (or when the next ones come back)."""
    learner = schedule.Learner.of(request)
    summary = schedule.summary(learner)
    form, token = rounds.start(learner, summary)
    return render_review(request, learner, summary, form, token)


@never_cache
@require_POST
def submit(request):
    data = rounds.read_token(request.POST.get("round"))
    if data is None:
        message = _("Ce formulaire n'est plus valable. Rechargez la révision pour la refaire.")
        return refuse(request, message, 400)
    if data["u"] is not None and data["u"] != request.user.pk:
        return refuse(request, _("Cette révision a été commencée avec un autre compte."), 403)
    learner = schedule.Learner.of(request)
    existing = ReviewAnswer.objects.filter(round=data["id"]).first()
    if existing is not None:
        return already_recorded(request, learner, existing)
    try:
        items = rounds.shown(data)
    except rounds.Expired:
        return refuse(
            request,
            _(
                "Une question de cette révision n'est plus proposée (son quiz a changé). "
                "Rechargez la révision pour la refaire."
            ),
            400,
        )
    form = rounds.bound_form(items, request.POST)
    if not form.is_valid():
        summary = schedule.summary(learner)
        return render_review(request, learner, summary, form, request.POST["round"], status=400)
    try:
        rounds.record(learner, data, items, form)
    except IntegrityError:  # the same round sent twice at once: the first one counts
        return already_recorded(request, learner, ReviewAnswer.objects.filter(round=data["id"])[0])
    if learner.anonymous:
        request.session[schedule.SESSION_KEY] = [*learner.rounds, data["id"]]
    return redirect("recall:result", data["id"])


def already_recorded(request, learner, answer):
    if not learner.owns(answer):
        return refuse(request, _("Cette révision a été envoyée depuis un autre compte."), 403)
    messages.info(request, _("Cette révision était déjà enregistrée : voici son résultat."))
    return redirect("recall:result", answer.round)


@never_cache
def result(request, round_id):
    answers = list(ReviewAnswer.objects.filter(round=round_id).order_by("position"))
    learner = schedule.Learner.of(request)
    if not answers or not learner.owns(answers[0]):
        raise Http404
    return render(
        request,
        "recall/result.html",
        {
            "answers": answers,
            "questions": [answer.question for answer in answers],
            "right": sum(1 for answer in answers if answer.is_correct),
            "summary": schedule.summary(learner),
        },
    )


@never_cache
@login_required
@require_POST
def reminder_choice(request):
    """The checkbox of "Mon espace": e-mails on the days questions are due, or none."""
    if request.POST.get("reminders") == "on":
        reminders.subscribe(request.user)
        messages.success(
            request,
            _(
                "C'est noté : à partir de demain, un e-mail vous le dira les jours où des "
                "questions sont à revoir."
            ),
        )
    else:
        reminder = ReviewReminder.objects.filter(user=request.user).first()
        if reminder is not None:
            reminders.unsubscribe(reminder)
        messages.success(request, _("C'est noté : vous ne recevrez plus de rappel de révision."))
    return redirect(reverse("accounts:space") + "#space-review")


@never_cache
@csrf_exempt  # the link's token is the proof; a mail client's one-click POST has no CSRF token
def unsubscribe(request, token):
    """The link of each reminder: a page with one button (a mere visit, by a link checker,
    changes nothing), or a mail client's one-click POST (List-Unsubscribe-Post)."""
    reminder = get_object_or_404(ReviewReminder.objects.select_related("user"), token=token)
    if request.method == "POST":
        reminders.unsubscribe(reminder)
        return render(request, "recall/unsubscribe.html", {"reminder": reminder, "done": True})
    return render(request, "recall/unsubscribe.html", {"reminder": reminder, "done": False})
