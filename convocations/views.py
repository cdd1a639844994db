from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from workshops.assessment import Refused
from workshops.reading import members_of
from workshops.roles import trainer_required, workshop_run_by

from . import services


@trainer_required
def workshop(request, pk):
    """What each learner was told, and whether it reached them (the e-mail job's state)."""
    workshop = workshop_run_by(request, pk)
    sent = {}
    for convocation in workshop.convocations.select_related("job"):
        sent.setdefault(convocation.user_id, []).append(convocation)
    learners = [(member, sent.get(member.id, [])) for member in members_of(workshop)]
    waiting = services.to_convoke(workshop).count()
    return render(
        request,
        "convocations/workshop.html",
        {
            "workshop": workshop,
            "learners": learners,
            "waiting": waiting,
            "sessions": workshop.sessions.all(),
        },
    )


@trainer_required
@require_POST
def send(request, pk):
    workshop = workshop_run_by(request, pk)
    try:
        count = services.send_convocations(workshop, request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            ngettext(
                "Convocation envoyée à %(count)d participant.",
                "Convocation envoyée à %(count)d participants.",
                count,
            )
            % {"count": count}
            if count
            else _("Chaque participant inscrit a déjà reçu sa convocation."),
        )
    return redirect("convocations:workshop", pk)
