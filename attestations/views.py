"""Trainers issue attestations and download them (one PDF, or a ZIP of all) with the group
report; learners download their own once issued; anyone holding the verification address sees
what the attestation certifies and the SHA-256 digest of each document as issued."""

import hashlib

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
from workshops import signing
from workshops.pdf import pdf_response
from workshops.positioning import workshop_positioning
from workshops.reading import learner_name, members_of
from workshops.roles import trainer_required, workshop_run_by

from . import self_study, services, tasks
from .content import missing_facts
from .models import Attestation, ExpiredAttestation, SelfStudyAttestation


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
            "to_issue": sum(1 for row in rows if row["signed"] and not row["attestation"]),
            "documents_job": latest_job(f"documents:{workshop.pk}", request.user),
            "report_job": latest_job(f"report:{workshop.pk}", request.user),
            "signer": signing.signer_name(),
        },
    )


def refused_for_missing_facts(request, workshop):
    missing = missing_facts(workshop)
    if missing:
        messages.error(
            request,
            _("Avant de délivrer les attestations, renseignez : %(missing)s.")
            % {"missing": ", ".join(missing)},
        )
    return bool(missing)


def say_issued(request, issued):
    """Say so, and have the task worker print their documents (never in the request: 100
    learners are 200 PDFs)."""
    workshop = issued[0].workshop
    start_once(
        tasks.print_documents,
        about=f"print:{workshop.pk}",
        owner=request.user,
        title=_("Impression des attestations et certificats · %(name)s") % {"name": workshop.name},
        back=reverse("attestations:workshop", args=[workshop.pk]),
        workshop_id=workshop.pk,
    )
    messages.success(
        request,
        ngettext(
            "%(count)s attestation délivrée ; son attestation et son certificat s'impriment.",
            "%(count)s attestations délivrées ; leurs documents s'impriment.",
            len(issued),
        )
        % {"count": len(issued)},
    )


def reason_given(request):
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Indiquez le motif : il est gardé avec l'attestation."))
    return reason


def learners_of(workshop):
    return (
        get_user_model()
        .objects.filter(memberships__workshop=workshop)
        .order_by("last_name", "first_name", "email")
    )


@trainer_required
@require_POST
def issue(request, pk):
    """To each learner a countersigned sheet shows present who has no attestation yet (or to
    the one named): nobody's attestation is revoked here. No-shows get nothing; they are named."""
    workshop = workshop_run_by(request, pk)
    if refused_for_missing_facts(request, workshop):
        return redirect("attestations:workshop", workshop.pk)
    learners = learners_of(workshop).exclude(
        attestations__in=Attestation.objects.current().filter(workshop=workshop)
    )
    if request.POST.get("user"):
        learners = learners.filter(pk=request.POST["user"] if request.POST["user"].isdigit() else 0)
        if not learners:
            raise Http404
    done = realised(workshop)
    attended = [learner for learner in learners if done.get(learner.pk)]
    absent = [
        learner_name(learner.first_name, learner.last_name)
        for learner in learners
        if not done.get(learner.pk)
    ]
    if attended:
        say_issued(request, services.issue(workshop, attended, request.user))
    if absent:
        messages.warning(
            request,
            _(
                "Aucune présence sur une feuille d'émargement contresignée, donc pas "
                "d'attestation pour : %(names)s. Pour l'un d'eux, vous pouvez en délivrer une "
                "avec un motif, depuis sa ligne."
            )
            % {"names": ", ".join(absent)},
        )
    return redirect("attestations:workshop", workshop.pk)


def confirm(request, context):
    return render(request, "attestations/confirm.html", context)


@trainer_required
def issue_without_attendance(request, pk, user_id):
    """The trainer's own choice, with a reason: an attestation for a learner no sheet shows."""
    workshop = workshop_run_by(request, pk)
    learner = get_object_or_404(learners_of(workshop), pk=user_id)
    if request.method == "POST" and not refused_for_missing_facts(request, workshop):
        reason = reason_given(request)
        if reason:
            say_issued(
                request, services.issue(workshop, [learner], request.user, issued_reason=reason)
            )
            return redirect("attestations:workshop", workshop.pk)
    name = learner_name(learner.first_name, learner.last_name)
    return confirm(
        request,
        {
            "workshop": workshop,
            "title": _("Délivrer une attestation sans présence émargée"),
            "explanation": _(
                "Aucune feuille d'émargement contresignée ne montre %(name)s présent : "
                "l'attestation et le certificat diront 0 heure réalisée. Indiquez pourquoi vous "
                "la délivrez quand même ; le motif est gardé avec elle."
            )
            % {"name": name},
            "button": _("Délivrer l'attestation de %(name)s") % {"name": name},
        },
    )


@trainer_required
def reissue_all(request, pk):
    """A secondary action, confirmed: it lists the attestations it revokes."""
    workshop = workshop_run_by(request, pk)
    current = list(Attestation.objects.current().filter(workshop=workshop).select_related("user"))
    if request.method == "POST" and not refused_for_missing_facts(request, workshop):
        reason = reason_given(request)
        if reason:
            learners = [attestation.user for attestation in current if attestation.user]
            say_issued(request, services.issue(workshop, learners, request.user, reason=reason))
            return redirect("attestations:workshop", workshop.pk)
    return confirm(
        request,
        {
            "workshop": workshop,
            "title": _("Délivrer de nouveau toutes les attestations"),
            "explanation": _(
                "Chaque attestation ci-dessous sera révoquée et remplacée par une nouvelle, "
                "établie avec la présence et les résultats d'aujourd'hui. La page de vérification "
                "des anciennes dira qu'elles sont révoquées, pourquoi, et par quoi elles sont "
                "remplacées : un document déjà envoyé à un financeur n'est plus valable."
            ),
            "revoked": current,
            "button": _("Révoquer et délivrer de nouveau"),
        },
    )


def attestation_run_by(request, token):
    return get_object_or_404(
        Attestation.objects.current().select_related("user", "workshop"),
        token=token,
        workshop__trainers=request.user,
    )


@trainer_required
def reissue(request, token):
    attestation = attestation_run_by(request, token)
    workshop = attestation.workshop
    if request.method == "POST" and not refused_for_missing_facts(request, workshop):
        reason = reason_given(request)
        if reason and attestation.user:
            say_issued(
                request, services.issue(workshop, [attestation.user], request.user, reason=reason)
            )
            return redirect("attestations:workshop", workshop.pk)
    return confirm(
        request,
        {
            "workshop": workshop,
            "title": _("Délivrer de nouveau l'attestation de %(name)s")
            % {"name": attestation.learner_name},
            "explanation": _(
                "Elle sera révoquée et remplacée par une nouvelle, établie avec la présence et "
                "les résultats d'aujourd'hui."
            ),
            "revoked": [attestation],
            "button": _("Révoquer et délivrer de nouveau"),
        },
    )


@trainer_required
def revoke(request, token):
    attestation = attestation_run_by(request, token)
    if request.method == "POST":
        reason = reason_given(request)
        if reason:
            services.revoke(attestation, request.user, reason)
            messages.success(
                request,
                _("Attestation de %(name)s révoquée : la page de vérification le dit désormais.")
                % {"name": attestation.learner_name},
            )
            return redirect("attestations:workshop", attestation.workshop_id)
    return confirm(
        request,
        {
            "workshop": attestation.workshop,
            "title": _("Révoquer l'attestation de %(name)s") % {"name": attestation.learner_name},
            "explanation": _(
                "Elle ne sera plus valable : sa page de vérification dira qu'elle est révoquée, "
                "quand et pourquoi."
            ),
            "revoked": [attestation],
            "button": _("Révoquer"),
        },
    )


@never_cache
@login_required
def download(request, token, document):
    """The learner's own (once issued, until revoked), or any of a workshop the trainer runs:
    the bytes kept when it was issued."""
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


# A PDF larger than this is none of ours (ours weigh about 100 kB).
LARGEST_CHECKED = 10 * 1024 * 1024


@never_cache
def verify(request, token):
    """What the attestation certifies, by which body, when, and each document's digest as it
    was issued; or revoked; or deleted at the end of its retention period (it existed:
    ExpiredAttestation); or unknown. A PDF posted here is compared with the documents by its
    digest (and not kept)."""
    attestation = Attestation.objects.filter(token=token).prefetch_related("documents").first()
    # An attestation de suivi (attestations.self_study) is verified at the same address.
    suivi = None if attestation else SelfStudyAttestation.objects.filter(token=token).first()
    if suivi is not None and not suivi.sha256:  # asked before the task worker printed it
        suivi = services.keep_self_study(suivi)
    expired = (
        None if attestation or suivi else ExpiredAttestation.objects.filter(token=token).first()
    )
    status = 404 if attestation is None and suivi is None and expired is None else 200
    documents = list(attestation.documents.all()) if attestation else [suivi] if suivi else []
    checked = None
    upload = request.FILES.get("document") if request.method == "POST" else None
    if upload is not None and documents and upload.size <= LARGEST_CHECKED:
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        digest = digest.hexdigest()
        match = next((d for d in documents if d.sha256 == digest), None)
        checked = {"digest": digest, "match": match}
    return render(
        request,
        "attestations/verify.html",
        {
            "attestation": attestation,
            "self_study": suivi,
            "expired": expired,
            "c": (attestation or suivi) and (attestation or suivi).content,
            "documents": documents,
            "checked": checked,
        },
        status=status,
    )


@never_cache
@login_required
@require_POST
def self_study_issue(request):
    """The learner asks for their attestation de suivi, with their name as it is to be printed:
    issued once (a second request gives the same one)."""
    name = " ".join(request.POST.get("learner_name", "").split())
    if not name or len(name) > self_study.NAME_LENGTH:
        messages.error(
            request,
            _(
                "Indiquez votre nom, tel qu'il doit figurer sur l'attestation "
                "(%(limit)s caractères au plus)."
            )
            % {"limit": self_study.NAME_LENGTH},
        )
        return redirect(reverse("accounts:space") + "#space-self-study")
    try:
        _attestation, created = self_study.issue(request.user, name)
    except self_study.NotEligible as missing:
        messages.error(
            request,
            _("Pas encore d'attestation de suivi : il reste à %(missing)s.") % {"missing": missing},
        )
    else:
        if created:
            messages.success(request, _("Votre attestation de suivi est délivrée."))
        else:
            messages.info(request, _("Votre attestation de suivi était déjà délivrée : la voici."))
    return redirect(reverse("accounts:space") + "#space-self-study")


@never_cache
@login_required
def self_study_download(request, token):
    """The learner's own attestation de suivi: the bytes kept when it was issued."""
    attestation = get_object_or_404(SelfStudyAttestation, token=token, user=request.user)
    return pdf_response(
        services.self_study_pdf(attestation),
        services.self_study_file_name(attestation).removesuffix(".pdf"),
    )
