from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from workshops.models import Workshop
from workshops.pdf import pdf_response, render_pdf
from workshops.roles import trainer_required, workshop_run_by

from . import services
from .forms import QuestionnaireForm
from .models import Timing


def answer_page(request, workshop, row, questionnaire):
    """The questionnaire's form, and its answers recorded once."""
    questions = services.snapshot(questionnaire)
    form = QuestionnaireForm(questions, request.POST if request.method == "POST" else None)
    if row.answered_at:
        return render(request, "satisfaction/thanks.html", {"workshop": workshop, "again": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.answer(row, questionnaire, form.answers())
        except services.NotRecorded as refused:
            for name, reason in refused.errors.items():
                form.add_error(name, reason)
        else:
            return render(request, "satisfaction/thanks.html", {"workshop": workshop})
    return render(
        request,
        "satisfaction/answer.html",
        {"workshop": workshop, "form": form, "questionnaire": questionnaire},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def hot(request, pk):
    """The "à chaud" questionnaire, from the workshop's page, for the learners on its roster."""
    workshop = get_object_or_404(Workshop, pk=pk, memberships__user=request.user)
    questionnaire = services.questionnaire(Timing.HOT)
    refusal = services.hot_refusal(workshop, timezone.now())
    if questionnaire is None:
        refusal = _("Aucun questionnaire de satisfaction n'est en usage pour l'instant.")
    if refusal:
        return render(
            request, "satisfaction/closed.html", {"workshop": workshop, "reason": refusal}
        )
    row = services.hot_request(workshop, request.user)
    return answer_page(request, workshop, row, questionnaire)


@never_cache
def cold(request, token):
    """The "à froid" questionnaire, through the personal link of its e-mail."""
    row = services.valid_link(token)
    questionnaire = services.questionnaire(Timing.COLD)
    if row is None or questionnaire is None:
        reason = _("Ce lien n'est plus valable : il a expiré ou n'existe pas.")
        return render(request, "satisfaction/closed.html", {"reason": reason}, status=404)
    return answer_page(request, row.workshop, row, questionnaire)


def summaries(workshop):
    return [services.summary(workshop, timing) for timing in (Timing.HOT, Timing.COLD)]


@trainer_required
def results(request, pk):
    workshop = workshop_run_by(request, pk)
    return render(
        request,
        "satisfaction/results.html",
        {"workshop": workshop, "summaries": summaries(workshop)},
    )


@trainer_required
def results_pdf(request, pk):
    workshop = workshop_run_by(request, pk)
    context = {"workshop": workshop, "summaries": summaries(workshop), "now": timezone.now()}
    pdf = render_pdf("satisfaction/results.pdf.html", context, request=request)
    return pdf_response(pdf, f"satisfaction {workshop.name}")
