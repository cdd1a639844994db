"""Live sessions over HTTP: joining; a phone's page, which works without JavaScript (plain forms)
and without WebSockets (its state can be polled); the trainer's start, projector and controls,
results and CSV."""

import segno
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from caching import rate
from workshops.export import csv_response
from workshops.roles import trainer_required

from . import screens, services
from .forms import AddQuestionForm, JoinForm, StartForm
from .models import LiveSession

# Questions answered by one typed value, not by choices.
SINGLE_VALUE_KINDS = ("numeric", "scale", "word_cloud", "open")


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


# Codes that lead to no open session, counted per address: past LIVE_WRONG_CODES_PER_MINUTE,
# every code from there is refused for the minute without being looked up, so that a flood
# learns nothing of which codes are live.
WRONG_CODE = "live-wrong-code"


def too_many_wrong_codes(request):
    limit = settings.LIVE_WRONG_CODES_PER_MINUTE
    return rate.spent(WRONG_CODE, rate.client_address(request), limit, 60)


def count_wrong_code(request):
    rate.allow(WRONG_CODE, rate.client_address(request), settings.LIVE_WRONG_CODES_PER_MINUTE, 60)


def wrong_codes_message():
    return _("Trop de codes erronés depuis votre réseau : réessayez dans une minute.")


# Participants.


@never_cache
def join(request, code=None):
    """The code and a nickname: no account. A signed-in user joins under their own name."""
    initial = {"nickname": request.user.get_full_name()} if request.user.is_authenticated else {}
    form = JoinForm(request.POST or None, code=code, initial=initial)
    status = 200
    unknown = None
    if request.method == "POST" and too_many_wrong_codes(request):
        form, unknown, status = JoinForm(code=code, initial=initial), wrong_codes_message(), 429
    elif request.method == "POST" and form.is_valid():
        # This browser joined already (a second tap, the back button), or this account did from
        # another browser: the same participant.
        existing = services.participant_for(request.session, form.session.code, request.user)
        limit = settings.LIVE_JOINS_PER_MINUTE
        if existing is not None and existing.removed:
            form.add_error(None, _("Le formateur vous a retiré de cette séance."))
            status = 400
        elif existing is not None:
            services.remember(request, existing)
            return redirect(existing.session)
        elif not rate.allow("live-join", rate.client_address(request), limit, 60):
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
        if form.has_error("code"):
            count_wrong_code(request)
        status = 400
    context = {"form": form, "code": code, "unknown": unknown}
    return render(request, "live/join.html", context, status=status)


@never_cache
def play(request, code):
    """A phone's page: the session as it stands; a posted answer (without JavaScript) is
    recorded here."""
    code = code.upper()
    participant = services.participant_for(request.session, code, request.user)
    if participant is None:
        if too_many_wrong_codes(request):
            return render(
                request,
                "live/join.html",
                {"form": JoinForm(), "unknown": wrong_codes_message()},
                status=429,
            )
        session = LiveSession.objects.filter(code=code).first()
        if session is None or services.end_if_over(session):
            count_wrong_code(request)
            message = (
                services.ended_message(session)
                if session
                else _("Ce code ne correspond à aucune séance en cours.")
            )
            return render(
                request, "live/join.html", {"form": JoinForm(), "unknown": message}, status=404
            )
        return join(request, code=code)
    services.remember(request, participant)  # an account's own participant, in this browser too
    services.end_if_over(participant.session)
    status, refusal = 200, None
    if request.method == "POST":
        question = participant.session.question
        values = request.POST.getlist("value")
        # A number or a text: one value; choices (a button or ticked boxes): a list.
        single = question and question["kind"] in SINGLE_VALUE_KINDS
        value = values[0] if single and values else values
        index = request.POST.get("question", "")
        try:
            index = int(index)
            services.answer(participant.pk, index, value)
        except ValueError:
            refusal = _("Ce formulaire est incomplet : rechargez la page.")
        except services.Refused as error:
            refusal = str(error)
        if refusal is None:
            if wants_json(request):
                return JsonResponse(screens.participant_state(participant, code))
            return redirect(participant.session)
        if wants_json(request):
            refused = {"type": "refused", "message": refusal}
            if isinstance(index, int):
                refused["question"] = index  # the script shows it next to that question's button
            return JsonResponse(refused, status=400)
        status = 400
        participant.refresh_from_db()
    context = screens.participant_context(participant, participant.session)
    # The refusal next to the button when the form is still there; above the screen otherwise
    # (the question closed, the answer was recorded already).
    if context["answerable"]:
        context["refusal"] = refusal
    elif refusal:
        context["note"] = _("Réponse non enregistrée : %(reason)s") % {"reason": refusal}
    return render(
        request,
        "live/play.html",
        {**context, "stage": screens.render_participant(context, request)},
        status=status,
    )


@never_cache
@require_GET
def play_state(request, code):
    """The phone's state, for a browser whose network blocks WebSockets (it polls)."""
    participant = services.participant_for(request.session, code.upper())
    if participant is None:
        return JsonResponse({"type": "unknown"}, status=403)
    services.end_if_over(participant.session)
    return JsonResponse(screens.participant_state(participant, participant.session.code))


# Trainers.


def session_run_by(request, code):
    return get_object_or_404(LiveSession.objects.run_by(request.user), code=code.upper())


@trainer_required
def sessions(request):
    """The trainer's live sessions: those running, then the past ones."""
    mine = list(LiveSession.objects.run_by(request.user).select_related("workshop")[:50])
    for session in mine:
        services.end_if_over(session)  # none shows as running once its time is over
    return render(request, "live/sessions.html", {"sessions": mine})


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
    services.end_if_over(session)
    return render_projector_page(request, session)


def render_projector_page(request, session, add_form=None, status=200):
    join_url = request.build_absolute_uri(session.get_absolute_url())
    context = screens.projector_context(session)
    return render(
        request,
        "live/projector.html",
        {
            **context,
            "stage": screens.render_projector(context, request),
            "join_url": join_url,
            "join_address": request.build_absolute_uri(reverse("live:join")).split("://")[1],
            "qr_code": mark_safe(
                segno.make(join_url, error="m").svg_inline(omitsize=True, title=join_url)
            ),
            "add_form": add_form or AddQuestionForm(),
        },
        status=status,
    )


@trainer_required
@require_GET
def projector_state(request, code):
    session = session_run_by(request, code)
    services.end_if_over(session)
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
@require_POST
def add_question(request, code):
    """A question without a right answer, written during the session: the next one."""
    session = session_run_by(request, code)
    form = AddQuestionForm(request.POST)
    refusal = None
    if form.is_valid():
        try:
            services.add_question(session.pk, form.question())
        except services.Refused as error:
            refusal = str(error)
    else:
        refusal = " ".join(
            f"{form[name].label} : {' '.join(errors)}" for name, errors in form.errors.items()
        )
    if wants_json(request):
        if refusal:
            return JsonResponse({"type": "refused", "message": refusal}, status=400)
        return JsonResponse(screens.projector_state(session.pk))
    if refusal:
        session.refresh_from_db()
        return render_projector_page(request, session, add_form=form, status=400)
    messages.success(request, _("Question ajoutée : elle suit celle à l'écran."))
    return redirect(session.get_projector_url())


@trainer_required
def moderation(request, code):
    """The trainer's moderation of the question on screen (a word cloud, an open question):
    what the projector shows of its answers. Best kept on another screen than the projector
    (a phone, a laptop): the answers not yet shown are listed here."""
    session = session_run_by(request, code)
    services.end_if_over(session)
    if request.method == "POST":
        try:
            services.moderate(
                session.pk,
                int(request.POST.get("question", "")),
                request.POST.get("target", ""),
                request.POST.get("shown") == "1",
            )
        except ValueError:
            refusal = _("Ce formulaire est incomplet : rechargez la page.")
        except services.Refused as error:
            refusal = str(error)
        else:
            refusal = None
        if refusal and wants_json(request):
            return JsonResponse({"type": "refused", "message": refusal}, status=400)
        if not wants_json(request):
            if refusal:
                messages.error(request, refusal)
            return redirect("live:moderation", session.code)
        session.refresh_from_db()
    context = screens.moderation_context(session)
    items = screens.render_moderation(context, request)
    if wants_json(request):
        return JsonResponse({"type": "state", "version": session.version, "html": items})
    return render(request, "live/moderation.html", {**context, "items_html": items})


@trainer_required
def results(request, code):
    session = session_run_by(request, code)
    return render(request, "live/results.html", screens.results_context(session))


@trainer_required
def export(request, code):
    """The session's results for a spreadsheet: the session (title, date, code), each question
    (its text, right answer and rate), then a line per participant with, for each question, the
    answer given, right or wrong, and the time it came."""
    session = session_run_by(request, code)
    context = screens.results_context(session)
    started = timezone.localtime(session.created_at)
    lines = [
        [_("Séance en direct"), session.title],
        [_("Date"), date_format(started, "d/m/Y H:i")],
        [_("Code"), session.code],
        [],
        [_("Question"), _("Énoncé"), _("Bonne réponse"), _("Réussite (%)"), _("Réponses")],
    ]
    for question in context["questions"]:
        number = f"Q{question.number}"
        rate = question.rate if question.scored else ""  # no right answer, no rate
        lines.append([number, question.text, question.right_answer, rate, question.total])
    header = [_("Pseudonyme"), _("Compte")]
    for question in context["questions"]:
        number = f"Q{question.number}"
        header += [
            f"{number} {_('réponse')}",
            f"{number} {_('juste ou faux')}",
            f"{number} {_('heure')}",
        ]
    lines += [[], [*header, _("Bonnes réponses")]]
    verdict = {True: _("juste"), False: _("faux"), screens.ANSWERED: _("répondu")}
    for row in context["rows"]:
        line = [row["nickname"], _("oui") if row["signed_in"] else _("non")]
        for cell in row["cells"]:
            if cell is None:
                line += ["", "", ""]
            else:
                at = timezone.localtime(cell["at"])
                line += [cell["given"], verdict[cell["mark"]], time_format(at, "H:i:s")]
        lines.append([*line, row["right"]])
    return csv_response(lines, f"seance-{session.code}-{started:%Y-%m-%d}.csv")
