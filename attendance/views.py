"""Émargement: participants sign on their phone, trainers open, countersign and note absences,
and download the sheet as a PDF."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from workshops.models import TrainingBody
from workshops.pdf import pdf_response, render_pdf
from workshops.reading import members_of
from workshops.roles import trainer_required, workshop_run_by

from . import services
from .models import HalfDay, Presence


def half_day_run_by(request, pk):
    return get_object_or_404(
        HalfDay.objects.select_related("workshop").filter(workshop__trainers=request.user), pk=pk
    )


def attempt(request, action, done):
    """Run a service: its refusal becomes an error message, its success the message `done`
    (or `done(result)`)."""
    try:
        result = action()
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return None
    messages.success(request, done(result) if callable(done) else done)
    return result


# Participants


@never_cache
@login_required
def sign_list(request):
    """The sheets open now in the participant's workshops, each with its signing form."""
    now = timezone.now()
    half_days = [
        half_day
        for half_day in HalfDay.objects.filter(
            workshop__memberships__user=request.user,
            date=timezone.localdate(now),
            opened_at__isnull=False,
            closed_at=None,
        ).select_related("workshop")
        if half_day.is_open(now)
    ]
    mine = {
        presence.half_day_id: presence
        for presence in Presence.objects.filter(user=request.user, half_day__in=half_days)
    }
    for half_day in half_days:
        half_day.mine = mine.get(half_day.pk)
    return render(request, "attendance/sign_list.html", {"half_days": half_days})


@never_cache
@login_required
@require_POST
def sign(request, pk):
    half_day = get_object_or_404(HalfDay, pk=pk, workshop__memberships__user=request.user)
    signature, confirmed = request.POST.get("signature"), request.POST.get("confirmed") == "on"
    attempt(
        request,
        lambda: services.sign(half_day, request.user, signature, confirmed),
        _("Signature enregistrée. Merci !"),
    )
    return redirect("attendance:sign_list")


# Trainers


def sheet_context(workshop):
    members = members_of(workshop)
    current = {member.id for member in members}
    half_days = list(workshop.half_days.prefetch_related("presences"))
    now = timezone.now()
    for half_day in half_days:
        by_user = {presence.user_id: presence for presence in half_day.presences.all()}
        half_day.lines = [(member, by_user.get(member.id)) for member in members]
        # Signed by people no longer in the workshop (or whose account is gone): still evidence.
        half_day.former = [p for p in half_day.presences.all() if p.user_id not in current]
        half_day.signed_count = sum(
            1 for p in half_day.presences.all() if p.status == Presence.Status.SIGNED
        )
        half_day.open_now = half_day.is_open(now)
    return {"workshop": workshop, "members": members, "half_days": half_days}


@trainer_required
def sheet(request, pk):
    workshop = workshop_run_by(request, pk)
    context = sheet_context(workshop)
    context["current"] = next((h for h in context["half_days"] if h.open_now), None)
    context["sign_url"] = request.build_absolute_uri("/emargement/")
    return render(request, "attendance/sheet.html", context)


@trainer_required
@require_POST
def open_half_day(request, pk):
    workshop = workshop_run_by(request, pk)
    attempt(
        request,
        lambda: services.open_now(workshop, request.user),
        lambda half_day: (
            _("Émargement ouvert pour %(half_day)s\u00a0: les participants peuvent signer.")
            % {"half_day": half_day}
        ),
    )
    return redirect("attendance:sheet", workshop.pk)


@trainer_required
@require_POST
def countersign(request, pk):
    half_day = half_day_run_by(request, pk)
    signature, confirmed = request.POST.get("signature"), request.POST.get("confirmed") == "on"
    attempt(
        request,
        lambda: services.countersign(half_day, request.user, signature, confirmed),
        _("Feuille contresignée et close."),
    )
    return redirect("attendance:sheet", half_day.workshop_id)


@trainer_required
@require_POST
def absent(request, pk, user_id):
    half_day = half_day_run_by(request, pk)
    member = get_object_or_404(
        get_user_model(), pk=user_id, memberships__workshop=half_day.workshop_id
    )
    attempt(
        request,
        lambda: services.record_absence(half_day, member, request.user),
        _("Absence notée."),
    )
    return redirect("attendance:sheet", half_day.workshop_id)


@trainer_required
def sheet_pdf(request, pk):
    workshop = workshop_run_by(request, pk)
    context = sheet_context(workshop) | {"body": TrainingBody.load(), "now": timezone.now()}
    pdf = render_pdf("attendance/sheet.pdf.html", context)
    return pdf_response(pdf, _("emargement-%(name)s") % {"name": workshop.name})
