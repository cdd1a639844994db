"""Asking learners what they thought, and reading what they said: the "à chaud" questionnaire
opens on the workshop's page when its last session starts; the "à froid" one is e-mailed
SATISFACTION_COLD_WEEKS after the last session (a personal link, valid SATISFACTION_LINK_DAYS,
one reminder after SATISFACTION_REMINDER_DAYS), by a periodic check of the task worker, which
also sends a failed one once more, a day later. Each learner answers once. The figures per
workshop (response rate, each question's spread, each scale's mean, the open answers) and the
overall satisfaction rate are computed here only."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.addresses import public_url, site_name
from jobs import mail
from jobs.models import Job
from quizzes import opinions
from typography.french import typeset, typeset_text
from typography.names import ascii_slug
from workshops.assessment import last_session
from workshops.indicators import Share
from workshops.models import Membership, TrainingBody, Workshop
from workshops.names import learner_name
from workshops.pdf import render_pdf

from .models import Questionnaire, Request, Response, Summary, Timing

# The upper part of a scale, which counts as satisfied (4 and 5 of 5, 7 to 10 of 10).
SATISFIED_FROM = {(1, 5): 4, (0, 10): 7}
HOT_OPEN_DAYS = 7  # the "à chaud" questionnaire stays open a week after the last session starts


class NotRecorded(Exception):
    """The answers were not recorded: {question id (None: the whole form): reason in French}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def questionnaire(timing):
    """The questionnaire in use for this moment: the latest active one."""
    return Questionnaire.objects.filter(timing=timing, active=True).order_by("-updated_at").first()


def snapshot(questionnaire):
    """Its questions as they are asked (kept in each response)."""
    questions = []
    for child in questionnaire.questions:
        choice_ids = (
            [choice.id for choice in child.value["choices"].bound_blocks]
            if child.block_type == "poll"
            else []
        )
        question = opinions.snapshot_of_block(child, choice_ids)
        if child.block_type == "scale":
            question["overall"] = bool(child.value.get("overall"))
        questions.append(question)
    return questions


def hot_refusal(workshop, now):
    """Why the "à chaud" questionnaire cannot be answered now (None when it can)."""
    last = last_session(workshop)
    if last is None:
        return _("Le questionnaire s'ouvrira à la dernière séance de l'atelier.")
    if now < last.start():
        return _("Le questionnaire s'ouvrira au début de la dernière séance (%(session)s).") % {
            "session": last
        }
    if now > hot_closes_at(last):
        return _("Le questionnaire de fin de formation est fermé.")
    return None


def hot_closes_at(last):
    """When the "à chaud" questionnaire closes, its workshop's last session being `last`."""
    return last.end() + timedelta(days=HOT_OPEN_DAYS)


def parse_answers(questions, data):
    """{question id: kept value} of the answers given, or NotRecorded with every reason."""
    answers, errors = {}, {}
    for question in questions:
        value = data.get(question["id"])
        if value in (None, "", []):
            continue
        try:
            answers[question["id"]] = opinions.parse(question, value)
        except opinions.Invalid as invalid:
            errors[question["id"]] = str(invalid)
    if errors:
        raise NotRecorded(errors)
    if not answers:
        raise NotRecorded({None: _("Répondez à au moins une question.")})
    return answers


def answer(request_row, questionnaire_, data, now=None):
    """Record the learner's answers once: a second submission is refused, and changes nothing."""
    now = now or timezone.now()
    questions = snapshot(questionnaire_)
    answers = parse_answers(questions, data)
    with transaction.atomic():
        claimed = Request.objects.filter(pk=request_row.pk, answered_at=None).update(
            answered_at=now
        )
        if not claimed:
            raise NotRecorded({None: _("Vous avez déjà répondu à ce questionnaire. Merci !")})
        return Response.objects.create(
            workshop=request_row.workshop,
            questionnaire=questionnaire_,
            timing=request_row.timing,
            questions=questions,
            answers=answers,
            respondent=None if questionnaire_.anonymous else request_row.user,
            submitted_at=now,
        )


def hot_request(workshop, user):
    request_row, _created = Request.objects.get_or_create(
        workshop=workshop, user=user, timing=Timing.HOT
    )
    return request_row


def valid_link(token, now=None):
    """The "à froid" request of a personal link, if it has not expired."""
    now = now or timezone.now()
    row = Request.objects.select_related("workshop").filter(token=token, timing=Timing.COLD)
    row = row.first()
    if row is None or row.sent_at is None:
        return None
    if now > row.sent_at + timedelta(days=settings.SATISFACTION_LINK_DAYS):
        return None
    return row


def email(row, questionnaire_, reminder, now):
    context = {
        "workshop": row.workshop,
        "first_name": row.user.first_name,
        "url": public_url(f"/satisfaction/avis/{row.token}/"),
        "until": row.sent_at + timedelta(days=settings.SATISFACTION_LINK_DAYS),
        "reminder": reminder,
        "anonymous": questionnaire_.anonymous,
        "minutes": max(1, len(questionnaire_.questions) // 2),
        "body": TrainingBody.load(),
        "site": site_name(),
        "site_url": public_url("/"),
    }
    subject = typeset_text(render_to_string("satisfaction/emails/subject.txt", context).strip())
    text = typeset_text(render_to_string("satisfaction/emails/message.txt", context))
    html = typeset(render_to_string("satisfaction/emails/message.html", context))
    owner = row.workshop.trainers.order_by("pk").first()
    job = mail.send(owner, subject, text, to=row.user.email, html=html)
    Request.objects.filter(pk=row.pk).update(job=job)
    row.job = job
    return job


def send_cold_surveys(now):
    """The "à froid" questionnaire to each learner of a workshop whose last session was
    SATISFACTION_COLD_WEEKS ago (within a week of that date: a workshop long past is not asked
    again), once; then one reminder to those who have not answered. Returns how many e-mails."""
    questionnaire_ = questionnaire(Timing.COLD)
    if questionnaire_ is None:
        return 0
    today = timezone.localdate(now)
    due = today - timedelta(weeks=settings.SATISFACTION_COLD_WEEKS)
    workshops = Workshop.objects.annotate(last_day=Max("sessions__date")).filter(
        last_day__lte=due, last_day__gt=due - timedelta(days=7)
    )
    sent = 0
    for workshop in workshops:
        asked = workshop.satisfaction_requests.filter(timing=Timing.COLD).values("user")
        learners = (
            get_user_model()
            .objects.filter(memberships__workshop=workshop, is_active=True)
            .exclude(pk__in=asked)
        )
        for learner in learners:
            row = Request.objects.create(
                workshop=workshop, user=learner, timing=Timing.COLD, sent_at=now
            )
            email(row, questionnaire_, False, now)
            sent += 1
    sent += send_failed_again(questionnaire_, now)
    remind = (
        Request.objects.select_related("workshop", "user")
        .filter(
            timing=Timing.COLD,
            answered_at=None,
            reminded_at=None,
            user__isnull=False,
            sent_at__lte=now - timedelta(days=settings.SATISFACTION_REMINDER_DAYS),
            sent_at__gt=now - timedelta(days=settings.SATISFACTION_LINK_DAYS),
        )
        .exclude(job__status=Job.Status.FAILED)  # they never had the link: not reminded of it
    )
    for row in remind:
        if Request.objects.filter(pk=row.pk, reminded_at=None).update(reminded_at=now):
            email(row, questionnaire_, True, now)
            sent += 1
    return sent


def send_failed_again(questionnaire_, now):
    """Each "à froid" e-mail whose job failed (after its own tries, or refused by the server),
    sent once more a day later (mail.SEND_FAILED_AGAIN_AFTER), while its link is valid: the
    link, whose validity and reminder then count from this new sending, or the reminder. A
    message delivered is never sent again; one that fails again stays failed, shown to the
    trainer."""
    failed = (
        Request.objects.select_related("workshop", "user")
        .filter(
            mail.failed_long_enough(now),
            timing=Timing.COLD,
            answered_at=None,
            user__is_active=True,
            sent_at__gt=now - timedelta(days=settings.SATISFACTION_LINK_DAYS),
        )
        .filter(Q(retried_at=None) | Q(reminded_at__gt=F("retried_at")))
    )
    sent = 0
    for row in failed:
        reminder = row.reminded_at is not None
        moved = {"reminded_at": now} if reminder else {"sent_at": now}
        claimed = Request.objects.filter(
            pk=row.pk, job=row.job_id, retried_at=row.retried_at
        ).update(retried_at=now, **moved)
        if claimed:  # not by another worker's check meanwhile
            for name, value in moved.items():
                setattr(row, name, value)
            email(row, questionnaire_, reminder, now)
            sent += 1
    return sent


# What the answers say.


def satisfied(question, value):
    return value >= SATISFIED_FROM.get((question["low"], question["high"]), question["high"])


def summary(workshop, timing):
    """The figures of one questionnaire for a workshop: how many were asked and answered, and
    each question's spread, mean or answers, in the questionnaire's order."""
    responses = list(
        workshop.satisfaction_responses.filter(timing=timing).select_related("respondent")
    )
    if timing == Timing.HOT:
        asked = Membership.objects.filter(workshop=workshop).count()
    else:
        asked = workshop.satisfaction_requests.filter(timing=timing).count()
    questions, answers, signed = {}, {}, {}
    for response in responses:
        # A response to a questionnaire that is not anonymous names its learner to the trainer.
        name = respondent_name(response.respondent) if response.respondent else ""
        for question in response.questions:
            questions.setdefault(question["id"], question)
            if question["id"] in response.answers:
                answers.setdefault(question["id"], []).append(response.answers[question["id"]])
                signed.setdefault(question["id"], []).append(
                    (response.answers[question["id"]], name)
                )
    rows = []
    for question_id, question in questions.items():
        given = answers.get(question_id, [])
        row = {"question": question, "answered": len(given)}
        if question["kind"] == "scale":
            row.update(opinions.scale_distribution(question, given))
            row["satisfied"] = sum(1 for value in given if satisfied(question, value))
        elif question["kind"] == "poll":
            counts = {choice["id"]: 0 for choice in question["choices"]}
            for choice_ids in given:
                for choice_id in choice_ids:
                    counts[choice_id] = counts.get(choice_id, 0) + 1
            row["rows"] = [(choice["text"], counts[choice["id"]]) for choice in question["choices"]]
        elif question["kind"] == "word_cloud":
            row["rows"] = [(word, count) for word, _key, count in opinions.word_counts(given)]
        else:
            row["texts"] = given
            row["signed"] = signed.get(question_id, [])
        rows.append(row)
    return {
        "timing": timing,
        "label": Timing(timing).label,
        "asked": asked,
        "answered": len(responses),
        "rate": round(100 * len(responses) / asked) if asked else None,
        "rows": rows,
        "respondents": sorted(
            {respondent_name(r.respondent) for r in responses if r.respondent}, key=str.casefold
        ),
    }


def respondent_name(user):
    return learner_name(user.first_name, user.last_name) or user.email


def published_satisfaction(workshop_ids, first_day, last_day):
    """The satisfied among the "à chaud" answers to the overall question, for the published
    results (workshops.indicators): a Share, or None when nobody answered it."""
    responses = Response.objects.filter(timing=Timing.HOT, workshop_id__in=workshop_ids)
    satisfied_count, answered = satisfaction_rate(responses)
    return Share(satisfied_count, answered) if answered else None


def satisfaction_rate(responses):
    """(satisfied, answered) on the overall question of the "à chaud" responses given."""
    satisfied_count = answered = 0
    for response in responses:
        for question in response.questions:
            if question.get("overall") and question["id"] in response.answers:
                answered += 1
                satisfied_count += satisfied(question, response.answers[question["id"]])
    return satisfied_count, answered


# The summary kept with the workshop's evidence.


def summaries(workshop):
    return [summary(workshop, timing) for timing in (Timing.HOT, Timing.COLD)]


def summary_pdf(workshop, now):
    context = {"workshop": workshop, "summaries": summaries(workshop), "now": now}
    return render_pdf("satisfaction/results.pdf.html", context)


def keep_summary(workshop, reason, now):
    """Print the summary as the answers stand and store it, with its digest. The one made when
    the "à chaud" questionnaire closes is made once: a second run keeps the first."""
    if reason == Summary.Reason.CLOSED:
        kept = workshop.satisfaction_summaries.filter(reason=reason).first()
        if kept:
            return kept
    pdf = summary_pdf(workshop, now)
    name = (
        f"{ascii_slug(f'satisfaction {workshop.name}')}-{timezone.localtime(now):%Y%m%d-%H%M}.pdf"
    )
    return Summary.objects.create(
        workshop=workshop,
        reason=reason,
        file=ContentFile(pdf, name=name),
        sha256=hashlib.sha256(pdf).hexdigest(),
        made_at=now,
    )
