"""What each screen of a live session shows, read whole from the database each time: a phone
(a participant's), the projector (the trainer's). Rendered as HTML fragments, which the page
shows at first and the socket (or polling) replaces as the session moves on.

Before a question's reveal, nothing here gives its right answer to anyone: the choices go out
with their ids and texts only."""

import json

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from figures.distributions import scale_columns, word_cloud
from quizzes import opinions
from quizzes.reports import QuestionReport, answer_spread
from quizzes.scoring import describe_answer, describe_right_answer

from .models import LiveAnswer, LiveSession, Moderation, Participant, Phase
from .services import MODERATED_KINDS, answer_target, deadline, time_left_at_pause

KIND_LABELS = {
    "poll": _lazy("Sondage"),
    "scale": _lazy("Échelle d'opinion"),
    "word_cloud": _lazy("Nuage de mots"),
    "open": _lazy("Question ouverte"),
}


def public_question(session):
    """What anyone may see of the question on screen: its text and choices, no answer."""
    question = session.question
    if question is None:
        return None
    shown = {
        "number": session.current + 1,
        "total": session.question_count,
        "kind": question["kind"],
        "scored": opinions.is_scored(question),
        "text": question["text"],
        "unit": question.get("unit", ""),
        "multiple": question["kind"] == "multiple" or question.get("multiple", False),
        "choices": [
            {"id": choice["id"], "text": choice["text"]} for choice in question.get("choices", [])
        ],
    }
    if not shown["scored"]:
        shown["label"] = KIND_LABELS[question["kind"]]
    if question["kind"] == "scale":
        shown.update(
            {key: question[key] for key in ("low", "high", "low_label", "high_label")},
            values=list(opinions.scale_values(question)),
        )
    elif question["kind"] in ("word_cloud", "open"):
        kind = question["kind"]
        shown["limit"] = opinions.WORD_LENGTH if kind == "word_cloud" else opinions.OPEN_LENGTH
    return shown


def correction(question, given=None):
    """The question's correction, after its reveal (with the learner's own answer, if any)."""
    shown = dict(question)
    feedback = []
    if given is not None:
        shown["given"] = given
        chosen = set(given) if isinstance(given, list) else set()
        feedback = [
            choice["feedback"]
            for choice in question.get("choices", [])
            if choice["id"] in chosen and choice["feedback"]
        ]
    return {
        "right_answer": describe_right_answer(question),
        "given": describe_answer(shown) if given is not None else "",
        "feedback": feedback,
        "explanation": question["explanation"],
        "section": question.get("section"),
        "statistic": question.get("statistic"),
    }


def announcement(session):
    """One short sentence for screen readers, when the session moves on."""
    if session.phase == Phase.LOBBY:
        return _("En attente de la première question.")
    if session.phase == Phase.ENDED:
        return _("La séance est terminée.")
    if session.paused:
        return _("Séance en pause.")
    number = session.current + 1
    if session.phase == Phase.REVEAL and not opinions.is_scored(session.question):
        return _("Résultats de la question %(number)s.") % {"number": number}
    if session.phase == Phase.REVEAL:
        return _("Correction de la question %(number)s.") % {"number": number}
    return _("Question %(number)s sur %(total)s : %(text)s") % {
        "number": number,
        "total": session.question_count,
        "text": session.question["text"],
    }


def timer(context, session):
    """The question's timer: the deadline a screen counts down to; during a pause, no deadline
    but the seconds left when it began, which the pause keeps (services.act gives them back)."""
    left = time_left_at_pause(session)
    limit = deadline(session) if left is None else None
    context["deadline"] = limit.isoformat() if limit else ""
    context["time_left"] = left


# A phone.


def answers_of(participant):
    """A participant's answers, {question's index: {"given", "is_correct"}}: what a phone's socket
    keeps, so that the session's changes are shown without reading them again for each phone."""
    return {
        row.pop("question"): row
        for row in participant.answers.values("question", "given", "is_correct")
    }


def participant_facts(participant, session, answers=None):
    """What a phone's screen shows of its own participant, besides the session: whether they
    were removed, their answer to the question on screen (given, right or not), their score at
    the end. `answers`: the participant's (answers_of) when the caller keeps them; else they are
    read here."""
    facts = {"removed": participant.removed, "answer": None, "score": None}
    if participant.removed:
        return facts
    if session.phase in (Phase.QUESTION, Phase.REVEAL):
        if answers is not None:
            facts["answer"] = answers.get(session.current)
        else:
            facts["answer"] = (
                LiveAnswer.objects.filter(participant=participant, question=session.current)
                .values("given", "is_correct")
                .first()
            )
    elif session.phase == Phase.ENDED:
        # Only questions with a right answer count (a poll's answer is neither).
        right, answered = 0, 0
        if answers is None:
            answers = answers_of(participant)
        for is_correct in (answer["is_correct"] for answer in answers.values()):
            if is_correct is not None:
                answered += 1
                right += 1 if is_correct else 0
        asked = sum(1 for question in asked_questions(session) if opinions.is_scored(question))
        facts["score"] = {"right": right, "answered": answered, "asked": asked}
    return facts


def asked_questions(session):
    return session.questions[: session.current + 1]


def participant_context(participant, session, facts=None):
    facts = participant_facts(participant, session) if facts is None else facts
    context = {
        "participant": participant,
        "session": session,
        "question": public_question(session),
        "announce": announcement(session),
        "answer": facts["answer"],
        "score": facts["score"],
        "answerable": False,
    }
    if facts["removed"]:
        context["announce"] = _("Le formateur vous a retiré de cette séance.")
        return context
    mine = facts["answer"]
    context["answerable"] = session.phase == Phase.QUESTION and not session.paused and not mine
    if session.phase in (Phase.QUESTION, Phase.REVEAL):
        if mine is not None and session.phase == Phase.QUESTION:
            context["given"] = describe_answer({**session.question, "given": mine["given"]})
            if not session.paused:  # what a screen reader hears when the server confirms it
                context["announce"] = _(
                    "Question %(number)s sur %(total)s : réponse enregistrée (%(given)s)."
                ) % {
                    "number": session.current + 1,
                    "total": session.question_count,
                    "given": context["given"],
                }
        if session.phase == Phase.REVEAL and opinions.is_scored(session.question):
            context["correction"] = correction(session.question, mine["given"] if mine else None)
        elif session.phase == Phase.REVEAL and mine is not None:
            context["given"] = describe_answer({**session.question, "given": mine["given"]})
        timer(context, session)
    elif session.phase == Phase.ENDED:
        context["podium"] = podium(session) if session.podium else None
    return context


def render_participant(context, request=None):
    """The phone's screen; with the request (the page itself, which works without JavaScript),
    its form carries the CSRF token."""
    return render_to_string("live/participant_stage.html", context, request=request)


# When a session changes, every phone of the room is told at once, with the session's new
# version: each server reads that version of the session once, for all its phones; and renders
# each distinct screen once (when a question opens, a room of phones shows one screen; at the
# reveal, one per answer given). Phones' screens as sent to a socket or a poll have no form
# token (the script sends its own). The version is in every key: nothing kept here outlives a
# change of the session, and a phone's own answer or removal is in the key too.
_sessions = {}
_screens = {}
KEPT = 500


def keep(memo, key, value):
    if len(memo) >= KEPT:
        memo.clear()
    memo[key] = value
    return value


def session_at(session_id, code, version=None):
    """The session as of `version` (from memo), or as it is now (from the database). Its code
    is in the key with its id: an id can come back (a rolled-back test), not with the same
    random code."""
    session = _sessions.get((session_id, code, version)) if version is not None else None
    if session is None:
        session = LiveSession.objects.get(pk=session_id)
        keep(_sessions, (session.pk, session.code, session.version), session)
    return session


def participant_state(participant, code, version=None, answers=None):
    """What a phone shows, for a socket or a poll. `version`: the session's, when an event
    announced it; `answers`: the participant's, when the socket keeps them (answers_of). With
    both, a change of the session costs each phone no query: a question opening in a room of
    1,000 reads the session once per server, and renders its screen once."""
    session = session_at(participant.session_id, code, version)
    facts = participant_facts(participant, session, answers)
    key = (session.pk, session.code, session.version, json.dumps(facts, sort_keys=True))
    screen = _screens.get(key)
    if screen is None:
        context = participant_context(participant, session, facts)
        screen = keep(_screens, key, (render_participant(context), context["announce"]))
    html, announce = screen
    return {
        "type": "state",
        "version": session.version,
        "html": html,
        "announce": announce,
        "removed": participant.removed,
        # For an answer the phone keeps while offline: the question open now (or None), and
        # whether this participant's answer to it is recorded.
        "question": session.current if session.phase == Phase.QUESTION else None,
        "paused": session.paused,
        "answered": facts["answer"] is not None,
    }


# The projector.


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def spread(session, index):
    """How the answers to a question spread: for each choice (lettered as the projector showed
    them), or below, within and above a numeric answer's range, the number of participants and
    their share of those who answered, the right ones set apart."""
    question = session.questions[index]
    answers = list(
        LiveAnswer.objects.filter(
            session=session, question=index, participant__removed=False
        ).values_list("given", flat=True)
    )
    lettered = question["kind"] != "numeric"
    answered = len(answers)
    return {
        "answered": answered,
        "rows": [
            {
                "letter": LETTERS[number] if lettered else "",
                "label": bar.label,
                "count": bar.count,
                "share": round(100 * bar.count / answered) if answered else 0,
                "correct": bar.correct,
            }
            for number, bar in enumerate(answer_spread(question, answers))
        ],
    }


def summary(session):
    """At the end: each question asked (the success rate of those with a right answer, which
    `scored` lists apart), and the lesson sections to revisit first."""
    rates = {
        row["question"]: row
        for row in LiveAnswer.objects.filter(session=session, participant__removed=False)
        .values("question")
        .annotate(total=Count("id"), right=Count("id", filter=Q(is_correct=True)))
    }
    questions = []
    for index, question in enumerate(asked_questions(session)):
        row = rates.get(index, {"total": 0, "right": 0})
        rate = round(100 * row["right"] / row["total"]) if row["total"] else 0
        questions.append(
            {
                "number": index + 1,
                "text": question["text"],
                # A question without a right answer has no success rate.
                "scored": opinions.is_scored(question),
                "rate": rate,
                "right": row["right"],
                "total": row["total"],
                "section": question.get("section"),
            }
        )
    weakest = sorted(
        (q for q in questions if q["scored"] and q["rate"] < 100 and q["section"]), key=_by_rate
    )
    sections, seen = [], set()
    for question in weakest:
        if question["section"]["url"] not in seen:
            seen.add(question["section"]["url"])
            sections.append(question)
    scored = [question for question in questions if question["scored"]]
    return {"questions": questions, "scored": scored, "revisit": sections[:3]}


def _by_rate(question):
    return (question["rate"], question["number"])


def podium(session):
    """The three best places, by nickname only (no score, no speed): participants with the
    same number of right answers share a place, listed in alphabetical order."""
    scores = (
        Participant.objects.filter(session=session, removed=False)
        .annotate(right=Count("answers", filter=Q(answers__is_correct=True)))
        .filter(right__gt=0)
        .values_list("nickname", "right")
    )
    places = {}
    for nickname, right in scores:
        places.setdefault(right, []).append(nickname)
    podium, people = [], 0
    for right in sorted(places, reverse=True):
        if people >= 3:
            break
        podium.append(sorted(places[right], key=str.casefold))
        people += len(places[right])
    return podium


def people(participants):
    """The room's nicknames, and the same with a button to remove each (one form holds them
    all). Built here rather than by a template loop: a room of 300 is redrawn on the projector
    several times a second while answers arrive."""
    names = format_html_join("", "<li>{}</li>", ((nickname,) for _pk, nickname in participants))
    remove = _("Retirer")
    removable = format_html_join(
        "",
        '<li>{} <button class="link-button" type="submit" name="participant" value="{}">'
        '{}<span class="visually-hidden"> {}</span></button></li>',
        ((nickname, pk, remove, nickname) for pk, nickname in participants),
    )
    return names, removable


def projector_context(session):
    participants = list(session.participants.filter(removed=False).values_list("id", "nickname"))
    names, removable = people(participants)
    context = {
        "session": session,
        "participants": participants,
        "names": names,
        "removable": removable,
        "question": public_question(session),
        "announce": announcement(session),
    }
    context["answered"] = 0
    if session.phase in (Phase.QUESTION, Phase.REVEAL):
        context["answered"] = answers_to_current(session.pk, session.current)
        context["answer_count"] = answer_count(context["answered"], len(participants))
        timer(context, session)
    if session.phase == Phase.REVEAL and opinions.is_scored(session.question):
        context["correction"] = correction(session.question)
        context["spread"] = spread(session, session.current)
    elif session.phase == Phase.REVEAL:
        context["results"] = opinion_results(session, session.current)
    if session.phase == Phase.ENDED:
        context["summary"] = summary(session)
        context["podium"] = podium(session) if session.podium else None
    return context


def render_projector(context, request=None):
    return render_to_string("live/projector_stage.html", context, request=request)


def projector_state(session_id):
    session = LiveSession.objects.get(pk=session_id)
    context = projector_context(session)
    return {
        "type": "state",
        "version": session.version,
        "html": render_projector(context),
        "announce": context["announce"],
        "participants": len(context["participants"]),
        "answered": context["answered"],
    }


def answers_to_current(session_id, current):
    return LiveAnswer.objects.filter(
        session_id=session_id, question=current, participant__removed=False
    ).count()


def answer_count(answered, participants):
    """The projector's count while a question is open, as its page shows it and as the socket
    updates it."""
    return ngettext(
        "%(counter)s réponse sur %(total)s",
        "%(counter)s réponses sur %(total)s",
        answered,
    ) % {"counter": answered, "total": participants}


def projector_count(session_id):
    """What changes on the projector while a question is open, and no more: its count of
    answers (a few small queries, a few dozen bytes, where the whole state of a room of 1,000
    is 150 KB). With the session's version and the number of participants, by which the socket
    knows when the whole state is due instead."""
    session = LiveSession.objects.values("version", "phase", "current").get(pk=session_id)
    participants = Participant.objects.filter(session_id=session_id, removed=False).count()
    answered = (
        answers_to_current(session_id, session["current"])
        if session["phase"] in (Phase.QUESTION, Phase.REVEAL)
        else 0
    )
    return {
        "type": "count",
        "version": session["version"],
        "participants": participants,
        "answered": answered,
        "text": answer_count(answered, participants),
    }


# Questions without a right answer: what the projector shows of their answers, and what the
# trainer moderates.


def opinion_results(session, index):
    """How the room answered a question without a right answer, drawn for the projector: a
    poll's bars, a scale's columns and mean, a word cloud, the open answers the trainer chose
    to show. Answers of removed participants are left out, like the trainer's hidden words."""
    question = session.questions[index]
    kind = question["kind"]
    answers = LiveAnswer.objects.filter(session=session, question=index, participant__removed=False)
    results = {"kind": kind}
    if kind == "poll":
        results["spread"] = spread(session, index)
        return results
    if kind == "scale":
        distribution = opinions.scale_distribution(
            question, answers.values_list("given", flat=True)
        )
        mean = distribution["mean"]
        mean_text = (
            _("Moyenne : %(mean)s") % {"mean": number_format(mean, decimal_pos=1)}
            if mean is not None
            else ""
        )
        results.update(
            answered=distribution["answered"],
            rows=distribution["rows"],
            mean=mean,
            mean_text=mean_text,
            chart=scale_columns(
                f"q{index + 1}",
                _("Question %(number)s : réponses sur l'échelle") % {"number": index + 1},
                distribution["rows"],
                low_label=f"{question['low']} = {question['low_label']}",
                high_label=f"{question['high']} = {question['high_label']}",
                mean=mean,
                mean_text=mean_text,
                description=_("Nombre de participants ayant choisi chaque valeur."),
            ),
        )
        return results
    decisions = dict(
        Moderation.objects.filter(session=session, question=index).values_list("target", "shown")
    )
    if kind == "word_cloud":
        hidden = {target for target, shown in decisions.items() if not shown}
        # In the order typed: among equal counts, the first spelling is the one shown.
        typed = answers.order_by("answered_at", "pk").values_list("given", flat=True)
        words = opinions.word_counts(typed, hidden)
        results.update(
            answered=answers.count(),
            words=[(word, count) for word, _key, count in words],
            hidden=len(hidden),
            cloud=word_cloud(
                f"q{index + 1}",
                _("Question %(number)s : nuage des mots donnés") % {"number": index + 1},
                [(word, count) for word, _key, count in words],
                description=_(
                    "Chaque mot, de la taille du nombre de participants qui l'ont donné."
                ),
            ),
        )
        return results
    shown = [
        given
        for pk, given in answers.order_by("answered_at", "pk").values_list("pk", "given")
        if decisions.get(answer_target(pk))
    ]
    results.update(answered=answers.count(), shown=shown)
    return results


def moderation_context(session):
    """The trainer's moderation page: each word of the word cloud on screen, or each answer of
    the open question on screen, with whether the projector shows it."""
    question = session.question
    context = {"session": session, "question": None, "items": []}
    if question is None or question["kind"] not in MODERATED_KINDS:
        return context
    index = session.current
    context["question"] = {"number": index + 1, "index": index, **question}
    decisions = dict(
        Moderation.objects.filter(session=session, question=index).values_list("target", "shown")
    )
    answers = LiveAnswer.objects.filter(session=session, question=index, participant__removed=False)
    if question["kind"] == "word_cloud":
        typed = answers.order_by("answered_at", "pk").values_list("given", flat=True)
        words = opinions.word_counts(typed)
        context["items"] = [
            {"target": key, "text": word, "count": count, "shown": decisions.get(key, True)}
            for word, key, count in words
        ]
    else:
        rows = answers.order_by("answered_at", "pk").values_list(
            "pk", "given", "participant__nickname"
        )
        items = [
            {
                "target": answer_target(pk),
                "text": given,
                "nickname": nickname,
                "shown": decisions.get(answer_target(pk), False),
            }
            for pk, given, nickname in rows
        ]
        # Those still to read first, then those on screen.
        context["items"] = sorted(items, key=lambda item: item["shown"])
    return context


def render_moderation(context, request):
    return render_to_string("live/moderation_list.html", context, request=request)


# The trainer's results.

ANSWERED = "answered"  # a results cell: an answer to a question without a right answer


def results_context(session):
    """Participants × questions asked: each answer as given (the choices, the number, the
    words), right or wrong (or only "answered" for a question without a right answer), and when
    it came; unanswered ones empty. And each question's report: its rate, its right answer and
    how the answers spread; for a question without a right answer, the projector's drawing of
    them instead (participants removed count in none of these)."""
    asked = asked_questions(session)
    reports = [QuestionReport.of(question, index + 1) for index, question in enumerate(asked)]
    participants = list(session.participants.filter(removed=False))
    kept = {participant.pk for participant in participants}
    found = {}
    for participant_id, index, given, is_correct, answered_at in session.answers.filter(
        question__lt=len(asked)
    ).values_list("participant_id", "question", "given", "is_correct", "answered_at"):
        if participant_id not in kept:
            continue
        question = {**asked[index], "given": given, "is_correct": is_correct}
        reports[index].add(question)
        found[participant_id, index] = {
            # An answer to a question without a right answer: given, neither right nor wrong.
            "mark": ANSWERED if is_correct is None else is_correct,
            "given": describe_answer(question),
            "at": answered_at,
        }
    for index, (report, question) in enumerate(zip(reports, asked, strict=True)):
        if not report.scored:
            # Read by the template as the projector's (live/opinion_results.html).
            report.drawing = {
                "label": KIND_LABELS[question["kind"]],
                "question": question,
                "results": opinion_results(session, index),
            }
    rows = []
    for participant in participants:
        cells = [found.get((participant.pk, index)) for index in range(len(asked))]
        rows.append(
            {
                "nickname": participant.nickname,
                "signed_in": participant.user_id is not None,
                "cells": cells,
                "marks": [cell["mark"] if cell else None for cell in cells],
                "right": sum(1 for cell in cells if cell and cell["mark"] is True),
            }
        )
    return {"session": session, "questions": reports, "rows": rows}
