from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from jobs.models import Job
from workshops.models import Workshop
from workshops.names import learner_name
from workshops.pdf import pdf_response, render_pdf
from workshops.roles import trainer_required, workshop_run_by

from . import services, tasks
from .forms import QuestionnaireForm
from .models import Summary, Timing


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
        typed = []
        if request.method == "POST" and questionnaire is not None:
            # Answers sent through a dead link: not recorded, but shown back, not lost unseen.
            reason += " " + _("Vos réponses n'ont pas été enregistrées ; les voici, pour mémoire.")
            typed = typed_answers(services.snapshot(questionnaire), request.POST)
        context = {"reason": reason, "typed": typed}  # typeset by the site's middleware
        return render(request, "satisfaction/closed.html", context, status=404)
    return answer_page(request, row.workshop, row, questionnaire)


def typed_answers(questions, data):
    """[(question, answer as text)] of what was sent, in the questionnaire's order."""
    typed = []
    for question in questions:
        values = [value.strip() for value in data.getlist(question["id"]) if value.strip()]
        if question["kind"] == "poll":
            texts = {choice["id"]: choice["text"] for choice in question["choices"]}
            values = [texts.get(value, value) for value in values]
        if values:
            typed.append((question["text"], ", ".join(values)))
    return typed


summaries = services.summaries


def undelivered(workshop):
    """The "à froid" e-mails that failed: to whom, and the mail server's reason."""
    rows = workshop.satisfaction_requests.filter(job__status=Job.Status.FAILED)
    return [
        {
            "name": learner_name(row.user.first_name, row.user.last_name) or row.user.email,
            "email": row.user.email,
            "reminder": row.reminded_at is not None,
            "retried": row.retried_at is not None
            and (row.reminded_at is None or row.retried_at >= row.reminded_at),
            "error": row.job.error,
        }
        for row in rows.select_related("user", "job").order_by("user__last_name", "pk")
        if row.user
    ]


@trainer_required
def results(request, pk):
    workshop = workshop_run_by(request, pk)
    return render(
        request,
        "satisfaction/results.html",
        {
            "workshop": workshop,
            "summaries": summaries(workshop),
            "undelivered": undelivered(workshop),
            "kept": workshop.satisfaction_summaries.all(),
        },
    )


@trainer_required
@require_POST
def keep_summary(request, pk):
    """Keep the summary as the answers stand now (the task worker prints it), and follow it."""
    workshop = workshop_run_by(request, pk)
    back = reverse("satisfaction:results", args=[workshop.pk])
    return redirect(tasks.start_keeping(workshop, Summary.Reason.ASKED, request.user, back))


@trainer_required
def kept_summary(request, pk, summary_pk):
    """A kept summary, as it was printed."""
    workshop = workshop_run_by(request, pk)
    kept = get_object_or_404(workshop.satisfaction_summaries, pk=summary_pk)
    return FileResponse(
        kept.file.open("rb"), as_attachment=True, filename=kept.file.name.split("/")[-1]
    )


@trainer_required
def results_pdf(request, pk):
    workshop = workshop_run_by(request, pk)
    context = {"workshop": workshop, "summaries": summaries(workshop), "now": timezone.now()}
    pdf = render_pdf("satisfaction/results.pdf.html", context, request=request)
    return pdf_response(pdf, f"satisfaction {workshop.name}")
