import csv
import io
from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from quizzes import attempts
from quizzes.models import Attempt
from quizzes.views import check_token, recorded_answer, refuse, render_quiz

from .forms import TRAINERS_GROUP, AssignmentForm, CoTrainerForm, JoinForm, WorkshopForm
from .models import AssignedAttempt, Assignment, AssignmentProgress, Membership, Workshop
from .results import distribution_chart, learner_assignments, question_stats, workshop_results


def is_trainer(user):
    """Asked by the trainer views and by the header: once per request (kept on the user)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_trainer"):
        user._is_trainer = user.groups.filter(name=TRAINERS_GROUP).exists()
    return user._is_trainer


def trainer_required(view):
    """Trainers only. Every trainer page is personal: never cached."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def workshop_run_by(request, pk):
    """A workshop the signed-in trainer runs; 404 for any other, even if it exists."""
    return get_object_or_404(Workshop.objects.run_by(request.user), pk=pk)


# Trainer space


@trainer_required
def dashboard(request):
    workshops = Workshop.objects.run_by(request.user)
    return render(request, "workshops/dashboard.html", {"workshops": workshops})


@trainer_required
def create(request):
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workshop = form.save()
        workshop.trainers.add(request.user)
        messages.success(request, _("Atelier créé. Donnez le code aux participants."))
        return redirect(workshop)
    return render(request, "workshops/workshop_form.html", {"form": form})


@trainer_required
def detail(request, pk):
    workshop = workshop_run_by(request, pk)
    join_url = request.build_absolute_uri(workshop.get_join_url())
    qr_code = mark_safe(segno.make(join_url, error="m").svg_inline(scale=4, title=join_url))
    return render(
        request,
        "workshops/workshop_detail.html",
        {
            "workshop": workshop,
            "join_url": join_url,
            "qr_code": qr_code,
            "memberships": workshop.memberships.select_related("user").order_by("user__email"),
            "trainers": workshop.trainers.order_by("email"),
            "assignments": workshop.assignments.select_related("quiz"),
            "co_trainer_form": CoTrainerForm(workshop),
        },
    )


@trainer_required
@require_POST
def archive(request, pk):
    workshop = workshop_run_by(request, pk)
    workshop.archived = not workshop.archived
    workshop.save(update_fields=["archived"])
    if workshop.archived:
        messages.success(request, _("Atelier archivé : il ne peut plus être rejoint."))
    else:
        messages.success(request, _("Atelier rouvert."))
    return redirect(workshop)


@trainer_required
@require_POST
def remove_member(request, pk, user_id):
    workshop = workshop_run_by(request, pk)
    membership = get_object_or_404(workshop.memberships, user_id=user_id)
    membership.delete()
    messages.success(request, _("Participant retiré de l'atelier."))
    return redirect(workshop)


@trainer_required
@require_POST
def add_trainer(request, pk):
    workshop = workshop_run_by(request, pk)
    form = CoTrainerForm(workshop, request.POST)
    if form.is_valid():
        workshop.trainers.add(form.user)
        messages.success(request, _("Co-formateur ajouté."))
    else:
        messages.error(request, " ".join(form.errors["email"]))
    return redirect(workshop)


@trainer_required
def create_assignment(request, pk):
    workshop = workshop_run_by(request, pk)
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assignment = form.save(commit=False)
        assignment.workshop = workshop
        assignment.save()
        messages.success(request, _("Quiz assigné."))
        return redirect(workshop)
    return render(request, "workshops/assignment_form.html", {"form": form, "workshop": workshop})


@trainer_required
def results(request, pk):
    workshop = workshop_run_by(request, pk)
    assignments, rows = workshop_results(workshop)
    return render(
        request,
        "workshops/results.html",
        {"workshop": workshop, "assignments": assignments, "rows": rows},
    )


@trainer_required
def assignment_detail(request, pk):
    assignment = get_object_or_404(
        Assignment.objects.select_related("quiz", "workshop").filter(
            workshop__trainers=request.user
        ),
        pk=pk,
    )
    stats = question_stats(assignment)
    weakest = [stat for stat in stats[:3] if stat.rate < 100]
    return render(
        request,
        "workshops/assignment_detail.html",
        {
            "assignment": assignment,
            "workshop": assignment.workshop,
            "stats": stats,
            "weakest": weakest,
            "chart": distribution_chart(assignment),
        },
    )


def safe_cell(value):
    """Spreadsheets run cells starting with =, +, - or @ as formulas: neutralise them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@trainer_required
def export_results(request, pk):
    workshop = workshop_run_by(request, pk)
    assignments, rows = workshop_results(workshop)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    header = [_("Nom"), _("E-mail")]
    for assignment in assignments:
        header += [
            f"{assignment.quiz.title} — {_('score (%)')}",
            f"{assignment.quiz.title} — {_('état')}",
        ]
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        line = [row.learner.name, row.learner.email]
        for cell in row.cells:
            line += ["" if cell.score is None else cell.score, cell.status_label]
        writer.writerow([safe_cell(cell) for cell in line])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"resultats-atelier-{workshop.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Learners


@never_cache
@login_required
def join(request):
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return join_workshop(request, form.workshop)
    return render(request, "workshops/join.html", {"form": form})


@never_cache
def join_code(request, code):
    """The join link and QR code: sign up or in first, then confirm, then land in the group."""
    workshop = Workshop.objects.filter(join_code=code.upper(), archived=False).first()
    if workshop is None:
        return render(
            request,
            "workshops/join.html",
            {"form": JoinForm(), "unknown_code": True},
            status=404,
        )
    if not request.user.is_authenticated:
        return render(request, "workshops/join_sign_in.html", {"workshop": workshop})
    if request.method == "POST":
        return join_workshop(request, workshop)
    return render(request, "workshops/join_confirm.html", {"workshop": workshop})


def join_workshop(request, workshop):
    if workshop.trainers.filter(pk=request.user.pk).exists():
        messages.info(request, _("Vous animez cet atelier."))
        return redirect(workshop)
    _membership, created = Membership.objects.get_or_create(workshop=workshop, user=request.user)
    if created:
        messages.success(
            request, _("Bienvenue dans l'atelier « %(name)s ».") % {"name": workshop.name}
        )
    return redirect("workshops:my_workshop", pk=workshop.pk)


@never_cache
@login_required
def my_workshop(request, pk):
    workshop = get_object_or_404(Workshop, pk=pk, memberships__user=request.user)
    return render(
        request,
        "workshops/my_workshop.html",
        {"workshop": workshop, "assignments": learner_assignments(request.user, workshop)},
    )


def assignment_for_learner(request, pk):
    """An assignment of one of the learner's workshops; 404 for any other."""
    return get_object_or_404(
        Assignment.objects.select_related("quiz", "workshop").filter(
            workshop__memberships__user=request.user, workshop__archived=False
        ),
        pk=pk,
    )


def closed_reason(assignment, user, now):
    """Why this learner may not submit now, in French; None when they may."""
    if now < assignment.opens_at:
        when = date_format(timezone.localtime(assignment.opens_at), "j F Y à H:i")
        return _("Ce quiz n'est pas encore ouvert : il ouvre le %(date)s.") % {"date": when}
    if now >= assignment.due_at:
        when = date_format(timezone.localtime(assignment.due_at), "j F Y à H:i")
        return _("La date limite est passée (%(date)s) : ce quiz n'accepte plus de réponses.") % {
            "date": when
        }
    if assignment.max_attempts is not None:
        progress = AssignmentProgress.objects.filter(assignment=assignment, user=user)
        used = progress.values_list("attempt_count", flat=True).first() or 0
        if used >= assignment.max_attempts:
            return _("Vous avez utilisé vos %(count)s tentative(s) autorisée(s) pour ce quiz.") % {
                "count": assignment.max_attempts
            }
    return None


@never_cache
@login_required
def take(request, pk):
    assignment = assignment_for_learner(request, pk)
    reason = closed_reason(assignment, request.user, timezone.now())
    if reason:
        return refuse(request, reason, 403)
    AssignmentProgress.objects.get_or_create(assignment=assignment, user=request.user)
    form, token = attempts.start(assignment.quiz, request.user, assignment_id=assignment.pk)
    return render_quiz(
        request,
        assignment.quiz,
        form,
        token,
        assignment.get_submit_url(),
        extra={"assignment": assignment},
    )


@never_cache
@login_required
@require_POST
def submit(request, pk):
    assignment = assignment_for_learner(request, pk)
    quiz = assignment.quiz
    data, refusal = check_token(request, quiz, assignment_id=assignment.pk)
    if refusal:
        return refusal
    # Before the attempt limit is checked: a token sent twice shows its result, not a refusal.
    already = recorded_answer(request, data)
    if already:
        return already
    shown, form = attempts.bound_form(quiz, data, request.POST)
    if not form.is_valid():
        return render_quiz(
            request,
            quiz,
            form,
            request.POST["attempt"],
            assignment.get_submit_url(),
            status=400,
            extra={"assignment": assignment},
        )
    try:
        with transaction.atomic():
            # Lock the assignment: two submissions can neither both pass the attempt limit
            # nor miscount the learner's progress.
            Assignment.objects.select_for_update().get(pk=assignment.pk)
            reason = closed_reason(assignment, request.user, timezone.now())
            if reason:
                return refuse(request, reason, 403)
            attempt = attempts.record(
                quiz, shown, data, form, request.user, reveal_after=assignment.reveal_after
            )
            AssignedAttempt.objects.create(
                assignment=assignment, attempt=attempt, user=request.user
            )
            progress, _ = AssignmentProgress.objects.get_or_create(
                assignment=assignment, user=request.user
            )
            progress.count_attempt(attempt.score)
            progress.save(update_fields=["attempt_count", "best_score", "last_score"])
    except IntegrityError:
        existing = Attempt.objects.get(token=data["id"])
        messages.info(request, _("Cette tentative était déjà enregistrée : voici son résultat."))
        return redirect(existing)
    return redirect(attempt)
