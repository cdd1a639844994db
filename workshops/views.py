import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from quizzes import attempts
from quizzes.models import Attempt

from . import roster
from .assessment import (
    Refused,
    entry_closes_at,
    entry_refusal,
    entry_reopened,
    final_refusal,
    reopen_entry,
    same_quiz_warning,
)
from .export import csv_response
from .forms import (
    AssignmentSettingsForm,
    CoTrainerForm,
    InvitationForm,
    JoinForm,
    NewAssignmentsForm,
    ScheduleFormSet,
    TraineeTypeForm,
    WorkshopForm,
)
from .kept_table import results_table
from .models import AssignedAttempt, Assignment, JoinRequest, Stage, TraineeType, Workshop
from .positioning import workshop_positioning
from .progress import (
    NotRecorded,
    attempts_used,
    attempts_used_by,
    learner_assignments,
    mark_opened,
    record_attempt,
)
from .reading import (
    assignment_reports,
    learner_name,
    members_of,
    retained_attempts,
    submission_dates,
)
from .results import distribution_chart, workshop_results
from .roles import trainer_required, workshop_run_by
from .signals import schedule_saved


def assignment_run_by(request, pk):
    return get_object_or_404(
        Assignment.objects.select_related("quiz", "workshop").filter(
            workshop__trainers=request.user
        ),
        pk=pk,
    )


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
def edit(request, pk):
    workshop = workshop_run_by(request, pk)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Atelier modifié."))
        return redirect(workshop)
    return render(request, "workshops/workshop_form.html", {"form": form, "workshop": workshop})


@trainer_required
def schedule(request, pk):
    """The workshop's programme: its sessions, each with its date, hours, place and topic."""
    workshop = workshop_run_by(request, pk)
    formset = ScheduleFormSet(request.POST or None, instance=workshop)
    if request.method == "POST" and formset.is_valid():
        try:
            with transaction.atomic():
                formset.save()
        except ProtectedError:
            messages.error(
                request, _("Une séance qui a sa feuille d'émargement ne se supprime pas.")
            )
        else:
            messages.success(request, _("Programme enregistré."))
            schedule_saved.send(
                Workshop, workshop=workshop, changed=formset.has_changed(), by=request.user
            )
            return redirect("workshops:schedule", workshop.pk)
    return render(request, "workshops/schedule.html", {"workshop": workshop, "formset": formset})


@trainer_required
def detail(request, pk, invitation_form=None):
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
            "memberships": workshop.memberships.select_related("user").order_by(
                "user__last_name", "user__first_name", "user__email"
            ),
            "join_requests": workshop.join_requests.select_related("user"),
            "invitations": workshop.invitations.select_related("job"),
            "invitation_form": invitation_form or InvitationForm(),
            "trainers": workshop.trainers.order_by("last_name", "first_name", "email"),
            "assignments": workshop.assignments.select_related("quiz"),
            "co_trainer_form": CoTrainerForm(workshop),
            "positioning": workshop_positioning(workshop),
            "trainee_types": TraineeType.choices,
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
def invite(request, pk):
    workshop = workshop_run_by(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = roster.invite(workshop, request.user, **form.cleaned_data)
        except Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Invitation envoyée à %(email)s.") % {"email": invitation.email},
            )
            return redirect(reverse("workshops:detail", args=[pk]) + "#roster-title")
    return detail(request, pk, invitation_form=form)


@trainer_required
@require_POST
def set_trainee_type(request, pk, membership_pk):
    """The learner's type of trainee, for the yearly report, from their line of the roster."""
    workshop = workshop_run_by(request, pk)
    membership = get_object_or_404(workshop.memberships, pk=membership_pk)
    form = TraineeTypeForm(request.POST, instance=membership)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("Type de stagiaire de %(name)s : %(type)s.")
            % {
                "name": membership.name,
                "type": membership.get_trainee_type_display(),
            },
        )
    else:
        messages.error(request, _("Choisissez un type de stagiaire dans la liste."))
    return redirect(reverse("workshops:detail", args=[pk]) + "#roster-title")


@trainer_required
@require_POST
def reinvite(request, pk, invitation_pk):
    workshop = workshop_run_by(request, pk)
    old = get_object_or_404(workshop.invitations, pk=invitation_pk)
    names = ("first_name", "last_name", "email", "company", "trainee_type")
    fields = {name: getattr(old, name) for name in names}
    roster.invite(workshop, request.user, **fields)
    messages.success(request, _("Nouvelle invitation envoyée à %(email)s.") % {"email": old.email})
    return redirect(reverse("workshops:detail", args=[pk]) + "#roster-title")


@trainer_required
@require_POST
def cancel_invitation(request, pk, invitation_pk):
    workshop = workshop_run_by(request, pk)
    get_object_or_404(workshop.invitations, pk=invitation_pk).delete()
    messages.success(request, _("Invitation annulée : son lien ne fonctionne plus."))
    return redirect(reverse("workshops:detail", args=[pk]) + "#roster-title")


@trainer_required
@require_POST
def answer_join_requests(request, pk):
    """Accept or decline one request (`request` = its id), or accept them all."""
    workshop = workshop_run_by(request, pk)
    requests = workshop.join_requests.select_related("user", "workshop")
    if request.POST.get("request") != "all":
        requests = requests.filter(pk=request.POST.get("request") or 0)
        if not requests:
            messages.error(request, _("Cette demande n'existe plus."))
            return redirect(reverse("workshops:detail", args=[pk]) + "#roster-title")
    if request.POST.get("decision") == "decline":
        requests.delete()
        messages.success(request, _("Demande refusée."))
    else:
        count = 0
        for join_request in requests:
            roster.accept_request(join_request, request.user)
            count += 1
        messages.success(
            request,
            ngettext("%(count)d participant inscrit.", "%(count)d participants inscrits.", count)
            % {"count": count},
        )
    return redirect(reverse("workshops:detail", args=[pk]) + "#roster-title")


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


def reserve_quizzes(request, form):
    for quiz in form.quizzes_to_reserve():
        quiz.reserve_for_workshops(request.user)
        messages.info(
            request,
            _("« %(title)s » est désormais réservé aux ateliers : il a quitté le site public.")
            % {"title": quiz.title},
        )


@trainer_required
def create_assignment(request, pk):
    workshop = workshop_run_by(request, pk)
    form = NewAssignmentsForm(workshop, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            reserve_quizzes(request, form)
            created = form.save()
        messages.success(
            request,
            ngettext("%(count)s quiz assigné.", "%(count)s quiz assignés.", len(created))
            % {"count": len(created)},
        )
        for quiz in form.already_assigned():
            messages.warning(
                request,
                _("« %(title)s » était déjà assigné dans cet atelier : il l'est deux fois.")
                % {"title": quiz.title},
            )
        return redirect(workshop)
    return render(request, "workshops/assignment_form.html", {"form": form, "workshop": workshop})


@trainer_required
def edit_assignment(request, pk):
    assignment = assignment_run_by(request, pk)
    form = AssignmentSettingsForm(
        request.POST or None, instance=assignment, stage=request.GET.get("role")
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            reserve_quizzes(request, form)
            form.save()
        messages.success(request, _("Quiz assigné modifié."))
        for note in form.notes:
            messages.info(request, note)
        warning = same_quiz_warning(assignment.workshop)
        if warning:
            messages.warning(request, warning)
        return redirect(assignment.workshop)
    return render(
        request,
        "workshops/assignment_form.html",
        {
            "form": form,
            "workshop": assignment.workshop,
            "assignment": assignment,
            "same_quiz_warning": same_quiz_warning(assignment.workshop),
        },
    )


@trainer_required
def delete_assignment(request, pk):
    """Delete an assigned quiz with its attempts, or close it and keep them: the page says how
    many attempts are at stake before anything happens."""
    assignment = assignment_run_by(request, pk)
    workshop = assignment.workshop
    attempt_ids = list(assignment.assigned_attempts.values_list("attempt_id", flat=True))
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "close":
            assignment.close()
            messages.success(
                request, _("Quiz fermé : il n'accepte plus de réponses ; les résultats restent.")
            )
            return redirect(workshop)
        if action == "delete":
            with transaction.atomic():
                Attempt.objects.filter(pk__in=attempt_ids).delete()
                assignment.delete()
            messages.success(
                request,
                ngettext(
                    "Quiz assigné supprimé, avec %(count)s tentative.",
                    "Quiz assigné supprimé, avec ses %(count)s tentatives.",
                    len(attempt_ids),
                )
                % {"count": len(attempt_ids)},
            )
            return redirect(workshop)
        messages.error(request, _("Choisissez : supprimer, ou fermer en gardant les résultats."))
    return render(
        request,
        "workshops/assignment_delete.html",
        {
            "assignment": assignment,
            "workshop": workshop,
            "attempt_count": len(attempt_ids),
            "is_open": assignment.due_at > timezone.now(),
        },
    )


@trainer_required
def results(request, pk):
    workshop = workshop_run_by(request, pk)
    entry = workshop.assignments.filter(stage=Stage.ENTRY).select_related("quiz").first()
    closes = entry and entry_closes_at(entry)
    return render(
        request,
        "workshops/results.html",
        {
            "workshop": workshop,
            "table": results_table(workshop),
            "entry": entry,
            "entry_closes_at": closes,
            "entry_closed": bool(closes and timezone.now() >= closes),
            "reopenings": entry.reopenings.all() if entry else [],
            "members": members_of(workshop),
        },
    )


@trainer_required
@require_POST
def reopen_entry_test(request, pk):
    """Reopen the closed entry test for one learner, with the reason (kept, shown in the
    results)."""
    workshop = workshop_run_by(request, pk)
    entry = get_object_or_404(workshop.assignments, stage=Stage.ENTRY)
    learner = (
        workshop.members.filter(pk=request.POST.get("user", "")).first()
        if (request.POST.get("user", "").isdigit())
        else None
    )
    if learner is None:
        messages.error(request, _("Choisissez le participant pour qui rouvrir le test d'entrée."))
        return redirect("workshops:results", workshop.pk)
    try:
        reopen_entry(entry, learner, request.user, request.POST.get("reason"))
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Test d'entrée rouvert pour %(name)s : une tentative, à faire maintenant.")
            % {"name": learner_name(learner.first_name, learner.last_name)},
        )
    return redirect("workshops:results", workshop.pk)


@trainer_required
def assignment_detail(request, pk):
    """Per question: success rate, right answer, and how the learners' answers spread."""
    assignment = assignment_run_by(request, pk)
    kept = retained_attempts(assignment)
    reports = assignment_reports(assignment, kept)
    weakest = [report for report in sorted(reports, key=lambda r: r.rate)[:3] if report.rate < 100]
    return render(
        request,
        "workshops/assignment_detail.html",
        {
            "assignment": assignment,
            "workshop": assignment.workshop,
            "reports": reports,
            "weakest": weakest,
            "learner_count": len(kept),
            "chart": distribution_chart(assignment, kept),
        },
    )


@trainer_required
def learner_attempt(request, pk, attempt_pk):
    """One learner's attempt as it was recorded, read-only, with the right answers: the trainer
    sees the correction whatever the learners were told about its date. Only the attempts of
    the workshop's current members."""
    workshop = workshop_run_by(request, pk)
    link = get_object_or_404(
        AssignedAttempt.objects.select_related("attempt", "user", "assignment__quiz").filter(
            assignment__workshop=workshop, user__memberships__workshop=workshop
        ),
        attempt_id=attempt_pk,
    )
    assignment = link.assignment
    others = (
        assignment.assigned_attempts.filter(user=link.user)
        .order_by("attempt__submitted_at", "attempt_id")
        .values_list("attempt_id", "attempt__score", "attempt__submitted_at")
    )
    return render(
        request,
        "workshops/learner_attempt.html",
        {
            "assignment": assignment,
            "workshop": workshop,
            "attempt": link.attempt,
            "learner_name": learner_name(link.user.first_name, link.user.last_name),
            "attempts": list(others),
        },
    )


@trainer_required
def export_results(request, pk):
    workshop = workshop_run_by(request, pk)
    columns, rows = workshop_results(workshop)
    dates = submission_dates(rows)
    header = [_("Nom"), _("E-mail")]
    for column in columns:
        title = column.title
        header += [
            f"{title} — {_('score (%)')}",
            f"{title} — {_('réussite')}",
            f"{title} — {_('état')}",
            f"{title} — {_('tentatives')}",
            f"{title} — {_('envoyé le')}",
        ]
    lines = [header]
    for row in rows:
        line = [row.learner.name, row.learner.email]
        for cell in row.cells:
            sent = dates.get(cell.attempt_id)
            line += [
                "" if cell.score is None else cell.score,
                {True: _("oui"), False: _("non")}.get(cell.passed, ""),
                cell.status_label,
                cell.attempts,
                date_format(timezone.localtime(sent), "Y-m-d H:i") if sent else "",
            ]
        lines.append(line)
    return csv_response(lines, f"resultats-atelier-{workshop.pk}.csv")


# Learners


@never_cache
@login_required
def join(request):
    form = JoinForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        return join_workshop(request, form)
    return render(request, "workshops/join.html", {"form": form})


@never_cache
def join_code(request, code):
    """The join link and QR code: sign up or in first, then confirm, then land in the group."""
    workshop = Workshop.objects.filter(join_code=code.upper(), archived=False).first()
    if workshop is None:
        return render(
            request,
            "workshops/join.html",
            {"form": JoinForm(request.user), "unknown_code": True},
            status=404,
        )
    if not request.user.is_authenticated:
        return render(request, "workshops/join_sign_in.html", {"workshop": workshop})
    # A POST with no field at all is a valid confirmation when no name is needed.
    data = request.POST if request.method == "POST" else None
    form = JoinForm(request.user, data, workshop=workshop)
    if data is not None and form.is_valid():
        return join_workshop(request, form)
    return render(request, "workshops/join_confirm.html", {"workshop": workshop, "form": form})


def join_workshop(request, form):
    """Joining with the code asks the trainer to admit the learner to the roster."""
    workshop = form.workshop
    if workshop.trainers.filter(pk=request.user.pk).exists():
        messages.info(request, _("Vous animez cet atelier."))
        return redirect(workshop)
    form.save_name()
    if roster.request_to_join(workshop, request.user, form.cleaned_data.get("company", "")):
        messages.success(
            request,
            _("Demande envoyée à votre formateur pour l'atelier « %(name)s ».")
            % {"name": workshop.name},
        )
    return redirect("workshops:my_workshop", pk=workshop.pk)


@never_cache
def invitation(request, token):
    """A trainer's invitation: sign in (or sign up) with the invited address, then confirm."""
    invitation = roster.valid_invitation(token)
    if invitation is None:
        return render(request, "workshops/invitation_invalid.html", status=404)
    workshop = invitation.workshop
    if not request.user.is_authenticated:
        return render(
            request,
            "workshops/join_sign_in.html",
            {"workshop": workshop, "invitation": invitation},
        )
    if request.method == "POST":
        try:
            roster.accept_invitation(invitation, request.user)
        except Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Bienvenue dans l'atelier « %(name)s ».") % {"name": workshop.name}
            )
            return redirect("workshops:my_workshop", pk=workshop.pk)
    return render(
        request,
        "workshops/invitation.html",
        {
            "workshop": workshop,
            "invitation": invitation,
            "addressee": roster.same_email(request.user.email, invitation.email),
        },
    )


@never_cache
@login_required
def my_workshop(request, pk):
    workshop = Workshop.objects.filter(pk=pk, memberships__user=request.user).first()
    if workshop is None:
        join_request = get_object_or_404(
            JoinRequest.objects.select_related("workshop"), workshop=pk, user=request.user
        )
        return render(request, "workshops/join_pending.html", {"workshop": join_request.workshop})
    # A member who joined before names were asked gives theirs here, once.
    form = JoinForm(request.user, request.POST or None, workshop=workshop, asks_company=False)
    if form.asks_name and request.method == "POST" and form.is_valid():
        form.save_name()
        messages.success(request, _("Merci : votre formateur verra ce nom."))
        return redirect("workshops:my_workshop", pk=workshop.pk)
    return render(
        request,
        "workshops/my_workshop.html",
        {
            "workshop": workshop,
            "assignments": learner_assignments(request.user, workshop),
            "name_form": form if form.asks_name else None,
        },
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
    if assignment.in_room:
        return _("Ce quiz se fait en séance, en direct : vos réponses y comptent.")
    if entry_reopened(assignment, user, now):
        return None  # the trainer reopened the closed entry test for this learner: one attempt
    refusal = entry_refusal(assignment, user, now) or final_refusal(assignment, user, now)
    if refusal:
        return refusal
    if now < assignment.opens_at:
        when = date_format(timezone.localtime(assignment.opens_at), "j F Y à H:i")
        return _("Ce quiz n'est pas encore ouvert : il ouvre le %(date)s.") % {"date": when}
    if now >= assignment.due_at:
        when = date_format(timezone.localtime(assignment.due_at), "j F Y à H:i")
        return _("La date limite est passée (%(date)s) : ce quiz n'accepte plus de réponses.") % {
            "date": when
        }
    if assignment.max_attempts is not None:
        used = attempts_used_by(assignment, user)
        if used >= assignment.max_attempts:
            return ngettext(
                "Vous avez utilisé la tentative autorisée pour ce quiz.",
                "Vous avez utilisé les %(count)s tentatives autorisées pour ce quiz.",
                assignment.max_attempts,
            ) % {"count": assignment.max_attempts}
    return None


def result_url(assignment, attempt):
    return reverse("workshops:result", args=[assignment.pk, attempt.token])


def in_room_result(request, assignment):
    """A quiz done in a live session is not taken online: its address leads to the learner's
    result from the session, or, without one, back to the workshop, saying why."""
    link = (
        assignment.assigned_attempts.filter(user=request.user)
        .select_related("attempt")
        .order_by("-attempt__submitted_at")
        .first()
    )
    if link is not None:
        return redirect(result_url(assignment, link.attempt))
    if timezone.now() < assignment.due_at:
        message = _(
            "Cette séance se déroule en ce moment, en salle : rejoignez-la avec le code que "
            "projette votre formateur."
        )
    else:
        message = _(
            "Aucune réponse de votre compte n'a été enregistrée pendant cette séance en direct : "
            "seules comptent celles données en salle, connecté."
        )
    messages.info(request, message)
    return redirect("workshops:my_workshop", pk=assignment.workshop_id)


@never_cache
@login_required
def take(request, pk):
    assignment = assignment_for_learner(request, pk)
    if assignment.in_room:
        return in_room_result(request, assignment)
    reason = closed_reason(assignment, request.user, timezone.now())
    if reason:
        return attempts.refuse(request, reason, 403)
    mark_opened(assignment, request.user)
    form, token = attempts.start(assignment.quiz, request.user, assignment_id=assignment.pk)
    return attempts.render_quiz(
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
    data, refusal = attempts.check_token(request, quiz, assignment_id=assignment.pk)
    if refusal:
        return refusal
    # A token sent again shows its result, not a refusal (even once the limit is used).
    already = attempts.recorded_answer(request, data, lambda found: result_url(assignment, found))
    if already:
        return already
    shown, form = attempts.bound_form(quiz, data, request.POST)
    if not form.is_valid():
        return attempts.render_quiz(
            request,
            quiz,
            form,
            request.POST["attempt"],
            assignment.get_submit_url(),
            status=400,
            extra={"assignment": assignment},
        )
    attempt = attempts.submitted(
        quiz, shown, data, form, request.user, reveal_after=assignment.reveal_after
    )
    try:
        # Under the assignment's lock: two submissions can neither both pass the attempt limit
        # nor miscount the learner's progress.
        attempt, created = record_attempt(
            assignment,
            attempt,
            closed=lambda: closed_reason(assignment, request.user, timezone.now()),
        )
    except NotRecorded as refusal:
        return attempts.refuse(request, str(refusal), 403)
    if not created:  # recorded while this request waited for the lock
        return attempts.already_recorded(request, attempt, result_url(assignment, attempt))
    return redirect(result_url(assignment, attempt))


@never_cache
@login_required
def result(request, pk, token):
    """The learner's result on an assigned quiz, and the way to try again, in the workshop."""
    assignment = assignment_for_learner(request, pk)
    link = get_object_or_404(
        AssignedAttempt.objects.select_related("attempt"),
        assignment=assignment,
        attempt__token=token,
        user=request.user,
    )
    attempt = link.attempt
    reason = closed_reason(assignment, request.user, timezone.now())
    used = attempts_used_by(assignment, request.user)
    # In a live session: the session, not attempts ("1 tentative").
    note = assignment.title if assignment.in_room else attempts_used(used, assignment.max_attempts)
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "reveal": attempt.correction_visible(),
            "assignment": assignment,
            "retry_url": None if reason else assignment.get_absolute_url(),
            "retry_note": _("%(used)s. %(reason)s") % {"used": note, "reason": reason}
            if reason
            else note,
        },
    )
