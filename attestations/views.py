"""Trainers issue attestations and download them (one PDF, or a ZIP of all) with the group
report; learners download their own once issued; anyone holding the verification address sees
that an attestation was issued, to whom and when, and nothing more."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from attendance.services import attendance_counts
from workshops.models import TrainingBody
from workshops.pdf import pdf_response, render_pdf
from workshops.positioning import workshop_positioning
from workshops.results import members_of, question_reports, retained_attempts
from workshops.roles import trainer_required, workshop_run_by

from . import services
from .content import missing_facts
from .models import Attestation


@trainer_required
def workshop(request, pk):
    workshop = workshop_run_by(request, pk)
    members = members_of(workshop)
    current = {
        attestation.user_id: attestation
        for attestation in Attestation.objects.current().filter(workshop=workshop)
    }
    signed, held = attendance_counts(workshop)
    positioning = workshop_positioning(workshop)
    scores = {row.learner.id: row for row in positioning.learners} if positioning else {}
    rows = [
        {
            "learner": member,
            "attestation": current.get(member.id),
            "signed": signed.get(member.id, 0),
            "scores": scores.get(member.id),
        }
        for member in members
    ]
    return render(
        request,
        "attestations/workshop.html",
        {
            "workshop": workshop,
            "rows": rows,
            "held": held,
            "missing": missing_facts(workshop),
            "issued_count": len(current),
        },
    )


@trainer_required
@require_POST
def issue(request, pk):
    workshop = workshop_run_by(request, pk)
    missing = missing_facts(workshop)
    if missing:
        messages.error(
            request,
            _("Avant de délivrer les attestations, renseignez : %(missing)s.")
            % {"missing": ", ".join(missing)},
        )
        return redirect("attestations:workshop", workshop.pk)
    learners = get_user_model().objects.filter(memberships__workshop=workshop)
    if request.POST.get("user"):
        learners = learners.filter(pk=request.POST["user"] if request.POST["user"].isdigit() else 0)
        if not learners:
            raise Http404
    issued = services.issue(workshop, list(learners), request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s attestation délivrée.", "%(count)s attestations délivrées.", len(issued)
        )
        % {"count": len(issued)},
    )
    return redirect("attestations:workshop", workshop.pk)


@trainer_required
@require_POST
def revoke(request, token):
    attestation = get_object_or_404(
        Attestation.objects.current(), token=token, workshop__trainers=request.user
    )
    services.revoke(attestation)
    messages.success(
        request,
        _("Attestation de %(name)s révoquée : la page de vérification le dit désormais.")
        % {"name": attestation.learner_name},
    )
    return redirect("attestations:workshop", attestation.workshop_id)


@never_cache
@login_required
def download(request, token, document):
    """The learner's own (once issued, until revoked), or any of a workshop the trainer runs."""
    if document not in services.TEMPLATES:
        raise Http404
    attestation = get_object_or_404(
        Attestation.objects.current().filter(
            Q(user=request.user) | Q(workshop__trainers=request.user)
        ),
        token=token,
    )
    return pdf_response(
        services.pdf(attestation, document, request),
        services.file_name(attestation, document).removesuffix(".pdf"),
    )


@trainer_required
def download_all(request, pk):
    workshop = workshop_run_by(request, pk)
    attestations = Attestation.objects.current().filter(workshop=workshop)
    if not attestations:
        messages.error(request, _("Aucune attestation délivrée dans cet atelier pour l'instant."))
        return redirect("attestations:workshop", workshop.pk)
    response = HttpResponse(services.zip_of(attestations, request), content_type="application/zip")
    name = slugify(f"attestations {workshop.name}")
    response["Content-Disposition"] = f'attachment; filename="{name}.zip"'
    return response


@trainer_required
def group_report(request, pk):
    workshop = workshop_run_by(request, pk)
    members = members_of(workshop)
    signed, held = attendance_counts(workshop)
    assignments = list(workshop.assignments.select_related("quiz").order_by("pk"))
    quizzes = [
        {"assignment": assignment, "questions": question_reports(assignment, kept)}
        for assignment in assignments
        for kept in [retained_attempts(assignment)]
    ]
    context = {
        "workshop": workshop,
        "body": TrainingBody.load(),
        "roster": [(member, signed.get(member.id, 0)) for member in members],
        "held": held,
        "positioning": workshop_positioning(workshop),
        "quizzes": quizzes,
        "now": timezone.now(),
    }
    pdf = render_pdf("attestations/group_report.pdf.html", context)
    return pdf_response(pdf, f"rapport {workshop.name}")


@never_cache
def verify(request, token):
    """Issued, to whom, when, by which body; or revoked; or unknown. Nothing more."""
    attestation = Attestation.objects.filter(token=token).first()
    status = 404 if attestation is None else 200
    return render(request, "attestations/verify.html", {"attestation": attestation}, status=status)
