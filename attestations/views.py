"""Trainers issue attestations and download them (one PDF, or a ZIP of all) with the group
report; learners download their own once issued; anyone holding the verification address sees
that an attestation was issued, to whom and when, and nothing more."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from attendance.services import proving_sheets, realised
from jobs.background import latest_job, start_once
from workshops.pdf import pdf_response
from workshops.positioning import workshop_positioning
from workshops.reading import learner_name, members_of
from workshops.roles import trainer_required, workshop_run_by

from . import services, tasks
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
    done = realised(workshop)
    positioning = workshop_positioning(workshop)
    scores = {row.learner.id: row for row in positioning.learners} if positioning else {}
    rows = [
        {
            "learner": member,
            "attestation": current.get(member.id),
            "signed": done.get(member.id, (0, 0))[0],
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
            "held": proving_sheets(workshop).count(),
            "missing": missing_facts(workshop),
            "issued_count": len(current),
            "documents_job": latest_job(f"documents:{workshop.pk}", request.user),
            "report_job": latest_job(f"report:{workshop.pk}", request.user),
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
    done = realised(workshop)
    # No one is certified to have attended a training no countersigned sheet shows them at.
    attended = [learner for learner in learners if done.get(learner.pk)]
    absent = [learner_name(learner.first_name, learner.last_name) for learner in learners]
    absent = [
        name for learner, name in zip(learners, absent, strict=True) if learner not in attended
    ]
    issued = services.issue(workshop, attended, request.user) if attended else []
    if issued:
        messages.success(
            request,
            ngettext(
                "%(count)s attestation délivrée.", "%(count)s attestations délivrées.", len(issued)
            )
            % {"count": len(issued)},
        )
    if absent:
        messages.warning(
            request,
            _(
                "Aucune présence sur une feuille d'émargement contresignée, donc pas "
                "d'attestation pour : %(names)s."
            )
            % {"names": ", ".join(absent)},
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
        services.pdf(attestation, document),
        services.file_name(attestation, document).removesuffix(".pdf"),
    )


def prepare(request, pk, task, title, kind):
    """Start the workshop's document job (or find the one already under way), and follow it."""
    workshop = workshop_run_by(request, pk)
    job = start_once(
        task,
        about=f"{kind}:{workshop.pk}",
        owner=request.user,
        title=title % {"name": workshop.name},
        back=reverse("attestations:workshop", args=[workshop.pk]),
        workshop_id=workshop.pk,
    )
    return redirect(job)


@trainer_required
@require_POST
def prepare_documents(request, pk):
    return prepare(
        request, pk, tasks.documents_zip, _("Attestations et certificats · %(name)s"), "documents"
    )


@trainer_required
@require_POST
def prepare_report(request, pk):
    return prepare(request, pk, tasks.group_report, _("Rapport de l'atelier · %(name)s"), "report")


@never_cache
def verify(request, token):
    """Issued, to whom, when, by which body; or revoked; or unknown. Nothing more."""
    attestation = Attestation.objects.filter(token=token).first()
    status = 404 if attestation is None else 200
    return render(request, "attestations/verify.html", {"attestation": attestation}, status=status)
