"""Émargement: participants sign on their phone in the room (with the code on the projector) or
through their personal link for a session at a distance; trainers project the code, countersign,
note absences, contest a signature, allow a late one, and download the sheets and their proofs."""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

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
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from caching.addresses import public_url
from workshops.models import TrainingBody, WorkshopSession
from workshops.pdf import pdf_response, render_pdf
from workshops.reading import members_of
from workshops.roles import trainer_required, workshop_run_by

from . import codes, services
from .models import Amendment, LateSignature, Presence, Sheet


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
    # A sheet the trainer let them sign late, whatever the time (the window may be closed).
    shown = {sheet.pk for sheet in sheets}
    sheets = [
        sheet for sheet in services.late_sheets(request.user) if sheet.pk not in shown
    ] + sheets
    mine = {
        presence.sheet_id: presence
        for presence in Presence.objects.filter(user=request.user, sheet__in=sheets)
    }
    with_late_leave(sheets, request.user)
    for sheet in sheets:
        sheet.mine = mine.get(sheet.pk)
    return render(request, "attendance/sign_list.html", {"sheets": sheets, "code": ""})


def with_late_leave(sheets, user):
    """Each sheet's leave from the trainer to sign late, if any (one query for the page): the
    form then asks for no room code (the signature is recorded as late, with the reason,
    whatever the code)."""
    leaves = {
        leave.sheet_id: leave
        for leave in LateSignature.objects.filter(
            sheet__in=[s for s in sheets if not s.sealed]
        ).filter(user=user)
    }
    for sheet in sheets:
        sheet.late_leave = leaves.get(sheet.pk)
        # Signed only through the e-mailed link: the page shows no form it would refuse.
        sheet.link_only = services.link_only(sheet.session, sheet.late_leave)


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
    with_late_leave([sheet], request.user)
    context = {"sheets": [sheet], "code": request.GET.get("code", "")[:8], "single": True}
    return render(request, "attendance/sign_list.html", context)


@never_cache
def sign_by_link(request, token):
    """A session at a distance: the learner's personal link identifies them, and them only. It
    reaches them by e-mail (the trainer never sees it); opened in the browser of someone signed
    in as another person (a trainer of the workshop, another learner), it signs nothing."""
    try:
        sheet, user = services.read_link_token(token)
    except services.Refused as refusal:
        return render(request, "attendance/link_invalid.html", {"reason": refusal}, status=404)
    if request.user.is_authenticated and request.user.pk != user.pk:
        return render(request, "attendance/link_not_yours.html", {"sheet": sheet}, status=403)
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
    links = services.last_links(sheet)
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
                "link": links.get(member.id),
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
    return told_apart(lines)


@dataclass(frozen=True)
class SealedPresence:
    """A line of a sealed sheet as the seal has it (name, time, status, late reason), with the
    drawn signature only if it is still the one sealed, and the live line's id (to contest)."""

    pk: int | None
    status: str
    signed_at: datetime | None
    late_reason: str
    signature: str

    @property
    def late(self):
        return bool(self.late_reason)


def sealed_lines(sheet, members):
    """A sealed sheet's lines, from its sealed content, never from the accounts as they are
    now: a name changed since prints as it was sealed, and the digest printed below matches."""
    by_id = {member.id: member for member in members}
    presences = sorted(sheet.presences.all(), key=lambda presence: (presence.name, presence.pk))
    contested = {
        amendment.presence_id: amendment
        for amendment in sheet.amendments.all()
        if amendment.kind == Amendment.Kind.CONTEST
    }
    lines = []
    for index, sealed in enumerate(sheet.sealed_content["lines"]):
        # The sealed lines are the sheet's lines in the same order (services.canonical); they
        # never change after the seal.
        presence = presences[index] if index < len(presences) else None
        drawn = presence.signature if presence else ""
        if hashlib.sha256(drawn.encode()).hexdigest() != sealed["signature_sha256"]:
            drawn = ""
        signed_at = sealed["signed_at"] and datetime.fromisoformat(sealed["signed_at"])
        lines.append(
            {
                "member": presence and by_id.get(presence.user_id),
                "name": sealed["name"],
                "presence": SealedPresence(
                    presence and presence.pk,
                    sealed["status"],
                    signed_at,
                    sealed["late_reason"],
                    drawn,
                ),
                "contested": presence and contested.get(presence.pk),
                "late_allowed": None,
            }
        )
    return told_apart(lines)


def told_apart(lines):
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
            "presences", "amendments", "late_signatures", "links_sent__job"
        )
    }
    for session in sessions:
        session.sheet_or_none = sheets.get(session.pk)
        session.signing_open = services.is_signing_open(session, now)
        session.signing_closed = now > services.signing_window(session)[1]
        countersigning = services.countersigning_window(session)
        # From its opening on: in its window, or late (with a reason) once it has closed.
        session.countersigning_started = now >= countersigning[0]
        session.countersigning_closed_at = countersigning[1] if now > countersigning[1] else None
        if session.sheet_or_none:
            sheet = session.sheet_or_none
            if sheet.sealed:
                sheet.lines = sealed_lines(sheet, members)
                on_sheet = {line["member"].id for line in sheet.lines if line["member"]}
                sheet.not_on_sheet = [member for member in members if member.id not in on_sheet]
            else:
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
@require_POST
def send_links(request, pk, user_id=None):
    """E-mail each learner their own signing link for a session at a distance (or one learner's
    again). The trainer never sees the links: a link signs as its learner, and a trainer never
    signs for one."""
    session = get_object_or_404(
        WorkshopSession.objects.select_related("workshop").filter(workshop__trainers=request.user),
        pk=pk,
    )
    try:
        count = services.send_links(session, request.user, learner_id=user_id)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            ngettext(
                "Lien personnel envoyé par e-mail à %(count)d participant.",
                "Liens personnels envoyés par e-mail à %(count)d participants, chacun le sien.",
                count,
            )
            % {"count": count},
        )
    return redirect(reverse("attendance:sheet", args=[session.workshop_id]) + f"#session-{pk}")


@trainer_required
@require_POST
def countersign(request, pk):
    sheet = sheet_run_by(request, pk)
    signature, confirmed = signature_posted(request)
    attempt(
        request,
        lambda: services.countersign(
            sheet,
            request.user,
            signature,
            confirmed,
            services.Proof.of(request),
            late_reason=request.POST.get("late_reason", ""),
        ),
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
        "countersignature": {
            "by": sheet.trainer_name,
            "at": sheet.countersigned_at and sheet.countersigned_at.isoformat(),
            "signature": sheet.trainer_signature,
        }
        | services.countersignature_proof(sheet),
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
