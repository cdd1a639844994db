"""Émargement: participants sign on their phone in the room (with the code on the projector) or
through their personal link for a session at a distance; trainers project the code, countersign,
note absences, contest a signature, allow a late one, and download the sheets and their proofs."""

import json
from collections import Counter

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from caching.addresses import public_url
from workshops.models import TrainingBody, WorkshopSession
from workshops.pdf import pdf_response, render_pdf
from workshops.reading import members_of
from workshops.roles import trainer_required, workshop_run_by

from . import codes, services
from .models import Amendment, Presence, Sheet


def attempt(request, action, done):
    """Run a service: its refusal becomes an error message, its success the message `done`."""
    try:
        result = action()
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return None
    messages.success(request, done)
    return result


def signature_posted(request):
    return request.POST.get("signature"), request.POST.get("confirmed") == "on"


# Participants


@never_cache
@login_required
def sign_list(request):
    """The sessions open for signing now in the participant's workshops, each with its form."""
    now = timezone.now()
    sheets = [services.sheet_for(session) for session in services.open_sessions(request.user, now)]
    mine = {
        presence.sheet_id: presence
        for presence in Presence.objects.filter(user=request.user, sheet__in=sheets)
    }
    for sheet in sheets:
        sheet.mine = mine.get(sheet.pk)
    return render(request, "attendance/sign_list.html", {"sheets": sheets, "code": ""})


@never_cache
@login_required
def sign_sheet(request, pk):
    """One sheet's form: where the room's QR code leads, with the code it showed."""
    sheet = get_object_or_404(Sheet.objects.select_related("session__workshop"), pk=pk)
    workshop = sheet.session.workshop
    if not workshop.memberships.filter(user=request.user).exists():
        # Only the roster signs: a joiner waits for the trainer to accept them.
        if not workshop.join_requests.filter(user=request.user).exists():
            raise Http404
        return render(request, "attendance/not_on_roster.html", {"workshop": workshop}, status=403)
    if request.method == "POST":
        signature, confirmed = signature_posted(request)
        done = attempt(
            request,
            lambda: services.sign(
                sheet,
                request.user,
                signature,
                confirmed,
                services.Proof.of(request),
                code=request.POST.get("code", ""),
            ),
            _("Signature enregistrée. Merci !"),
        )
        if done:
            return redirect("attendance:sign_sheet", sheet.pk)
    sheet.mine = Presence.objects.filter(sheet=sheet, user=request.user).first()
    context = {"sheets": [sheet], "code": request.GET.get("code", "")[:8], "single": True}
    return render(request, "attendance/sign_list.html", context)


@never_cache
def sign_by_link(request, token):
    """A session at a distance: the learner's personal link identifies them."""
    try:
        sheet, user = services.read_link_token(token)
    except services.Refused as refusal:
        return render(request, "attendance/link_invalid.html", {"reason": refusal}, status=404)
    if request.method == "POST":
        signature, confirmed = signature_posted(request)
        attempt(
            request,
            lambda: services.sign(
                sheet, user, signature, confirmed, services.Proof.of(request), by_link=True
            ),
            _("Signature enregistrée. Merci !"),
        )
        return redirect("attendance:sign_by_link", token)
    sheet.mine = Presence.objects.filter(sheet=sheet, user=user).first()
    context = {"sheets": [sheet], "single": True, "by_link": True, "signer": user}
    return render(request, "attendance/sign_list.html", context)


# Trainers


def sheet_run_by(request, pk):
    return get_object_or_404(
        Sheet.objects.select_related("session__workshop").filter(
            session__workshop__trainers=request.user
        ),
        pk=pk,
    )


def masked(email):
    """m•••@example.fr: tells two people of the same name apart without showing an address."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"


def sheet_lines(sheet, members):
    """The sheet's lines: each member (with their line, if any), then those who signed and
    are no longer members (still evidence)."""
    presences = list(sheet.presences.all())
    by_user = {presence.user_id: presence for presence in presences}
    contested = {
        amendment.presence_id: amendment
        for amendment in sheet.amendments.all()
        if amendment.kind == Amendment.Kind.CONTEST
    }
    lates = {late.user_id: late for late in sheet.late_signatures.all()}
    lines = []
    for member in members:
        presence = by_user.get(member.id)
        lines.append(
            {
                "member": member,
                "name": member.name,
                "presence": presence,
                "contested": presence and contested.get(presence.pk),
                "late_allowed": lates.get(member.id),
            }
        )
    current = {member.id for member in members}
    for presence in presences:
        if presence.user_id not in current:
            lines.append(
                {
                    "member": None,
                    "name": presence.name,
                    "presence": presence,
                    "contested": contested.get(presence.pk),
                    "late_allowed": None,
                }
            )
    # Two people of the same name are told apart by their employer, or else their e-mail.
    same = Counter(line["name"] for line in lines)
    companies = Counter((line["name"], line["member"].company) for line in lines if line["member"])
    for line in lines:
        member = line["member"]
        if same[line["name"]] > 1 and member:
            told_apart = member.company and companies[(line["name"], member.company)] == 1
            line["name"] += f" ({member.company if told_apart else masked(member.email)})"
    return lines


def schedule_context(workshop, now):
    members = members_of(workshop)
    sessions = list(workshop.sessions.all())
    sheets = {
        sheet.session_id: sheet
        for sheet in Sheet.objects.filter(session__in=sessions).prefetch_related(
            "presences", "amendments", "late_signatures"
        )
    }
    for session in sessions:
        session.sheet_or_none = sheets.get(session.pk)
        session.signing_open = services.is_signing_open(session, now)
        session.countersigning_open = services.within(services.countersigning_window(session), now)
        if session.sheet_or_none:
            sheet = session.sheet_or_none
            sheet.lines = sheet_lines(sheet, members)
            sheet.signed_count = sum(
                1 for p in sheet.presences.all() if p.status == Presence.Status.SIGNED
            )
    return {"workshop": workshop, "members": members, "sessions": sessions}


@trainer_required
def sheet(request, pk):
    workshop = workshop_run_by(request, pk)
    now = timezone.now()
    # The sheet of a session open for signing exists from then on, with its code.
    for session in workshop.sessions.all():
        if services.is_signing_open(session, now):
            services.sheet_for(session)
    context = schedule_context(workshop, now)
    return render(request, "attendance/sheet.html", context)


@trainer_required
def projector(request, pk):
    """The room's code and its QR code, for the projector: they change every 30 seconds."""
    sheet = sheet_run_by(request, pk)
    return render(request, "attendance/projector.html", {"sheet": sheet} | code_state(sheet))


def code_state(sheet):
    now = timezone.now()
    code = codes.code_at(sheet, now)
    url = public_url(reverse("attendance:sign_sheet", args=[sheet.pk])) + f"?code={code}"
    qr = segno.make(url, error="m").svg_inline(omitsize=True, title=_("Signer l'émargement"))
    return {
        "code": code,
        "seconds_left": codes.seconds_left(now),
        "qr": mark_safe(qr),
        "open": services.is_signing_open(sheet.session, now),
    }


@trainer_required
def projector_state(request, pk):
    sheet = sheet_run_by(request, pk)
    state = code_state(sheet)
    return JsonResponse(state | {"qr": str(state["qr"])})


@trainer_required
def remote_links(request, pk):
    """The personal signing links of a session at a distance, to send to each learner."""
    sheet = sheet_run_by(request, pk)
    links = [
        (member, public_url(services.personal_link_url(sheet, member.id)))
        for member in members_of(sheet.workshop)
    ]
    return render(request, "attendance/remote_links.html", {"sheet": sheet, "links": links})


@trainer_required
@require_POST
def countersign(request, pk):
    sheet = sheet_run_by(request, pk)
    signature, confirmed = signature_posted(request)
    attempt(
        request,
        lambda: services.countersign(sheet, request.user, signature, confirmed),
        _("Feuille contresignée et scellée."),
    )
    return redirect("attendance:sheet", sheet.workshop.pk)


def member_of(sheet, user_id):
    return get_object_or_404(
        get_user_model(), pk=user_id, memberships__workshop=sheet.session.workshop_id
    )


@trainer_required
@require_POST
def absent(request, pk, user_id):
    sheet = sheet_run_by(request, pk)
    member = member_of(sheet, user_id)
    attempt(
        request,
        lambda: services.record_absence(
            sheet, member, request.user, request.POST.get("reason", "")
        ),
        _("Absence notée."),
    )
    return redirect("attendance:sheet", sheet.workshop.pk)


@trainer_required
@require_POST
def allow_late(request, pk, user_id):
    sheet = sheet_run_by(request, pk)
    member = member_of(sheet, user_id)
    attempt(
        request,
        lambda: services.allow_late(sheet, member, request.user, request.POST.get("reason", "")),
        _("Signature tardive autorisée : le participant peut signer depuis sa page Émargement."),
    )
    return redirect("attendance:sheet", sheet.workshop.pk)


@trainer_required
@require_POST
def contest(request, pk):
    presence = get_object_or_404(
        Presence.objects.select_related("sheet__session"),
        pk=pk,
        sheet__session__workshop__trainers=request.user,
    )
    attempt(
        request,
        lambda: services.contest(presence, request.user, request.POST.get("reason", "")),
        _("Signature contestée : la ligne le dit, et ne compte pas d'heures."),
    )
    return redirect("attendance:sheet", presence.sheet.session.workshop_id)


@trainer_required
def sheet_pdf(request, pk):
    workshop = workshop_run_by(request, pk)
    context = schedule_context(workshop, timezone.now()) | {
        "body": TrainingBody.load(),
        "now": timezone.now(),
    }
    pdf = render_pdf("attendance/sheet.pdf.html", context)
    return pdf_response(pdf, _("emargement-%(name)s") % {"name": workshop.name})


@trainer_required
def proof_file(request, pk):
    """Every record behind one sheet, as JSON: the seal, each line and its proof, each
    amendment and each leave to sign late."""
    sheet = sheet_run_by(request, pk)
    session: WorkshopSession = sheet.session
    record = {
        "workshop": session.workshop.name,
        "session": str(session),
        "sealed_content": sheet.sealed_content,
        "seal_sha256": sheet.seal_digest or None,
        "lines": [
            {
                "name": p.name,
                "status": p.status,
                "signed_at": p.signed_at and p.signed_at.isoformat(),
                "method": p.method,
                "identified_by": p.identified_by,
                "code": p.code,
                "ip_address": p.ip_address,
                "user_agent": p.user_agent,
                "late_reason": p.late_reason,
                "signature": p.signature,
            }
            for p in sheet.presences.order_by("name", "pk")
        ],
        "late_signatures_allowed": [
            {"reason": late.reason, "allowed_at": late.allowed_at.isoformat()}
            for late in sheet.late_signatures.order_by("allowed_at")
        ],
        "amendments": [
            {
                "kind": amendment.kind,
                "about": amendment.about,
                "reason": amendment.reason,
                "by": amendment.made_by_name,
                "at": amendment.made_at.isoformat(),
            }
            for amendment in sheet.amendments.all()
        ],
    }
    response = HttpResponse(
        json.dumps(record, ensure_ascii=False, indent=2), content_type="application/json"
    )
    name = f"preuves-emargement-{session.date.isoformat()}-{sheet.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
