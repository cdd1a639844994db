"""Live sessions over HTTP: joining; a phone's page, which works without JavaScript (plain forms)
and without WebSockets (its state can be polled); the trainer's start, projector and controls,
results and CSV."""

import segno
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from caching import rate
from workshops.export import csv_response
from workshops.roles import trainer_required

from . import screens, services
from .forms import JoinForm, StartForm
from .models import LiveSession


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


# Participants.


@never_cache
def join(request, code=None):
    """The code and a nickname: no account. A signed-in user joins under their own name."""
    initial = {"nickname": request.user.get_full_name()} if request.user.is_authenticated else {}
    form = JoinForm(request.POST or None, code=code, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        # This browser joined already (a second tap, the back button): the same participant.
        existing = services.participant_for(request.session, form.session.code)
        if existing is not None:
            return redirect(existing.session)
        limit = settings.LIVE_JOINS_PER_MINUTE
        if not rate.allow("live-join", rate.client_address(request), limit, 60):
            form.add_error(
                None, _("Trop de connexions depuis votre réseau : réessayez dans une minute.")
            )
            status = 429
        else:
            try:
                participant = services.join(
                    form.session, form.cleaned_data["nickname"], request.user
                )
            except services.Refused as refusal:
                form.add_error(None, str(refusal))
                status = 400
            else:
                services.remember(request, participant)
                return redirect(participant.session)
    elif request.method == "POST":
        status = 400
    return render(request, "live/join.html", {"form": form, "code": code}, status=status)


@never_cache
def play(request, code):
    """A phone's page: the session as it stands; a posted answer (without JavaScript) is
    recorded here."""
    code = code.upper()
    participant = services.participant_for(request.session, code)
    if participant is None:
        session = LiveSession.objects.filter(code=code).first()
        if session is None or not session.is_open:
            message = (
                _("Cette séance est terminée.")
                if session
                else _("Ce code ne correspond à aucune séance en cours.")
            )
            return render(
                request, "live/join.html", {"form": JoinForm(), "unknown": message}, status=404
            )
        return join(request, code=code)
    status = 200
    if request.method == "POST":
        question = participant.session.question
        values = request.POST.getlist("value")
        value = values[0] if question and question["kind"] == "numeric" and values else values
        try:
            index = int(request.POST.get("question", ""))
            services.answer(participant.pk, index, value)
        except ValueError:
            refusal = services.Refused(_("Ce formulaire est incomplet : rechargez la page."))
        except services.Refused as error:
            refusal = error
        else:
            refusal = None
        if refusal is not None:
            message = str(refusal)
            if wants_json(request):
                return JsonResponse({"type": "refused", "message": message}, status=400)
            messages.error(request, message)
            status = 400
        elif wants_json(request):
            return JsonResponse(screens.participant_state(participant, code))
        else:
            return redirect(participant.session)
        participant.refresh_from_db()
    context = screens.participant_context(participant, participant.session)
    return render(
        request,
        "live/play.html",
        {**context, "stage": screens.render_participant(context)},
        status=status,
    )


@never_cache
@require_GET
def play_state(request, code):
    """The phone's state, for a browser whose network blocks WebSockets (it polls)."""
    participant = services.participant_for(request.session, code.upper())
    if participant is None:
        return JsonResponse({"type": "unknown"}, status=403)
    return JsonResponse(screens.participant_state(participant, participant.session.code))


# Trainers.


def session_run_by(request, code):
    return get_object_or_404(LiveSession.objects.run_by(request.user), code=code.upper())


@trainer_required
def sessions(request):
    """The trainer's live sessions: those running, then the past ones."""
    mine = LiveSession.objects.run_by(request.user).select_related("workshop")
    return render(request, "live/sessions.html", {"sessions": mine[:50]})


@trainer_required
def start(request):
    form = StartForm(
        request.user, request.POST or None, initial={"workshop": request.GET.get("atelier")}
    )
    if request.method == "POST" and form.is_valid():
        timer = form.cleaned_data["timer"]
        session = services.start(
            form.cleaned_data["quiz"],
            request.user,
            workshop=form.cleaned_data["workshop"],
            podium=form.cleaned_data["podium"],
            timer_seconds=int(timer) if timer else None,
            question_count=form.cleaned_data["question_count"],
        )
        return redirect(session.get_projector_url())
    return render(request, "live/start.html", {"form": form})


@trainer_required
def projector(request, code):
    session = session_run_by(request, code)
    join_url = request.build_absolute_uri(session.get_absolute_url())
    context = screens.projector_context(session)
    return render(
        request,
        "live/projector.html",
        {
            **context,
            "stage": screens.render_projector(context),
            "join_url": join_url,
            "join_address": request.build_absolute_uri(reverse("live:join")).split("://")[1],
            "qr_code": mark_safe(
                segno.make(join_url, error="m").svg_inline(omitsize=True, title=join_url)
            ),
        },
    )


@trainer_required
@require_GET
def projector_state(request, code):
    session = session_run_by(request, code)
    return JsonResponse(screens.projector_state(session.pk))


@trainer_required
@require_POST
def action(request, code):
    """A control of the projector, posted (with or without JavaScript)."""
    session = session_run_by(request, code)
    participant = request.POST.get("participant")
    try:
        services.act(
            session.pk,
            request.POST.get("action", ""),
            int(participant) if participant and participant.isdigit() else None,
        )
    except services.Refused as refusal:
        if wants_json(request):
            return JsonResponse({"type": "refused", "message": str(refusal)}, status=400)
        messages.error(request, str(refusal))
    if wants_json(request):
        return JsonResponse(screens.projector_state(session.pk))
    return redirect(session.get_projector_url())


@trainer_required
def results(request, code):
    session = session_run_by(request, code)
    return render(request, "live/results.html", screens.results_context(session))


@trainer_required
def export(request, code):
    session = session_run_by(request, code)
    context = screens.results_context(session)
    numbers = [f"Q{question['number']}" for question in context["questions"]]
    lines = [[_("Pseudonyme"), *numbers, _("Bonnes réponses")]]
    for row in context["rows"]:
        marks = [{True: _("juste"), False: _("faux"), None: ""}[mark] for mark in row["marks"]]
        lines.append([row["nickname"], *marks, row["right"]])
    return csv_response(lines, f"seance-{session.code}.csv")
