"""Scoring on the server, and the snapshot an attempt keeps of what it showed and graded.

The one place scores are computed: questions without a right answer (polls, scales, word
clouds, open questions: `quizzes.opinions`) are graded as neither right nor wrong, and counted
in no score, wherever the score is read (a quiz page, an assigned quiz, a live session)."""

from decimal import Decimal
from enum import IntEnum

from django.utils.translation import gettext as _

from .blocks import numeric_unit
from .forms import TRUE_FALSE
from .numbers import french_number
from .opinions import describe as describe_opinion
from .opinions import is_scored, snapshot_of_block


def section_link(value, lesson_urls):
    """lesson_urls: each lesson's address, worked out once per attempt (questions share them)."""
    lesson = value.get("lesson")
    if not lesson:
        return None
    if lesson.pk not in lesson_urls:
        lesson_urls[lesson.pk] = lesson.url
    anchor = value.get("anchor")
    url = lesson_urls[lesson.pk] + (f"#{anchor}" if anchor else "")
    return {"url": url, "title": lesson.title}


def explanation_html(child):
    """The explanation as shown, its cited statistics at their published value. Remembered on
    the question: a quiz in the content memo renders it once until the next publication."""
    html = getattr(child, "explanation_html", None)
    if html is None:
        explanation = child.value.get("explanation")  # none without a right answer
        html = child.explanation_html = str(explanation) if explanation else ""
    return html


def feedback_html(child):
    """{choice id: its feedback as shown}, cited statistics at their published value; remembered
    on the question like its explanation. A choice without feedback has an empty one."""
    html = getattr(child, "feedback_html", None)
    if html is None:
        scored_choices = child.block_type in ("single", "multiple")
        choices = child.value["choices"].bound_blocks if scored_choices else []
        html = child.feedback_html = {
            choice.id: str(choice.value["feedback"]) if choice.value["feedback"] else ""
            for choice in choices
        }
    return html


def snapshot_question(child, choice_ids, lesson_urls):
    """Everything needed to show this question's correction later, whatever happens to the quiz."""
    if not is_scored(child.block_type):
        return snapshot_of_block(child, choice_ids)
    value = child.value
    question = {
        "id": child.id,
        "kind": child.block_type,
        "text": value["text"],
        "explanation": explanation_html(child),
        "section": section_link(value, lesson_urls),
    }
    if child.block_type in ("single", "multiple"):
        by_id = {choice.id: choice.value for choice in value["choices"].bound_blocks}
        feedback = feedback_html(child)
        question["choices"] = [
            {
                "id": choice_id,
                "text": by_id[choice_id]["text"],
                "correct": bool(by_id[choice_id]["correct"]),
                "feedback": feedback[choice_id],
            }
            for choice_id in choice_ids
        ]
    elif child.block_type == "true_false":
        truth = "true" if value["answer"] else "false"
        question["choices"] = [
            {"id": key, "text": str(label), "correct": key == truth, "feedback": ""}
            for key, label in TRUE_FALSE
        ]
    else:
        statistic = value.get("statistic")
        answer = statistic.value if statistic else value["answer"]
        question["answer"] = str(answer)
        question["tolerance"] = str(value["tolerance"] or 0)
        question["unit"] = str(numeric_unit(value))
        if statistic:
            question["answer_display"] = str(statistic.display_value)
            question["statistic"] = {
                "label": statistic.label,
                "sentence": statistic.sentence,  # the label with its number, as a reader reads it
                "scope": statistic.scope,
                "source": statistic.source,
                "year": statistic.year,
                "dating": str(statistic.dating),
            }
        else:
            question["answer_display"] = f"{french_number(answer)}\u00a0{question['unit']}".strip()
    return question


class Placement(IntEnum):
    """Where a numeric answer falls against the accepted range (in this order on every chart)."""

    BELOW = 0
    WITHIN = 1
    ABOVE = 2


def accepted_range(question):
    """(lowest, highest) numeric answer counted right, both included, as Decimals."""
    answer, tolerance = Decimal(question["answer"]), Decimal(question["tolerance"])
    return answer - tolerance, answer + tolerance


def placement(question, given):
    """The one rule for a numeric answer, in Decimal (0.4 for 0.3 ± 0.1 is within): grading,
    the workshops' answer spreads and the live projector's all read it."""
    low, high = accepted_range(question)
    value = Decimal(given)
    if value < low:
        return Placement.BELOW
    return Placement.ABOVE if value > high else Placement.WITHIN


def grade_question(question, given):
    """The snapshot with the answer given and whether it is right. None: a question shown in a
    live session and left unanswered, wrong. A question without a right answer is neither
    (is_correct None)."""
    question["given"] = given
    if not is_scored(question):
        question["is_correct"] = None
    elif given is None:
        question["is_correct"] = False
    elif question["kind"] == "numeric":
        question["is_correct"] = placement(question, given) == Placement.WITHIN
    else:
        right = {choice["id"] for choice in question["choices"] if choice["correct"]}
        question["is_correct"] = set(given) == right
    return question


def grade_attempt(quiz, question_ids, choice_ids, answers):
    """The graded snapshot of an attempt at `quiz` (as shown), its questions in their order."""
    by_id = {child.id: child for child in quiz.questions}
    lesson_urls = {}
    return [
        grade_question(
            snapshot_question(by_id[qid], choice_ids.get(qid, []), lesson_urls), answers[qid]
        )
        for qid in question_ids
    ]


def tally(graded):
    """(number right, number of scored questions, score in percent) of a graded snapshot:
    questions without a right answer count in none of them."""
    scored = [question for question in graded if is_scored(question)]
    right = sum(1 for question in scored if question["is_correct"])
    return right, len(scored), round(100 * right / len(scored)) if scored else 0


def describe_answer(question):
    """The learner's answer, in words, for the result page and exports."""
    if question["given"] is None:  # a question shown in a live session, left unanswered
        return _("(sans réponse)")
    if not is_scored(question):
        return describe_opinion(question, question["given"])
    if question["kind"] == "numeric":
        return f"{french_number(question['given'])}\u00a0{question.get('unit', '')}".strip()
    return several(given_choices(question)) or _("(aucune)")


def several(texts):
    """Choices in running text: one as written; several each between guillemets, so that none
    begins with a capital after a comma ("« Facebook », « Répondre aux avis »")."""
    if len(texts) < 2:
        return "".join(texts)
    return ", ".join(f"«\u00a0{text}\u00a0»" for text in texts)


def given_choices(question):
    """The texts of the choices the learner ticked, as written (each may begin with a capital:
    a page shows several as a list, not after commas)."""
    texts = {choice["id"]: choice["text"] for choice in question["choices"]}
    return [texts[choice_id] for choice_id in question["given"]]


def right_choices(question):
    """The texts of a choice question's right choices, as written."""
    return [choice["text"] for choice in question["choices"] if choice["correct"]]


def describe_right_answer(question):
    """The right answer, in words: "65 % (± 5)", or the right choices ("" for a question
    without one)."""
    if not is_scored(question):
        return ""
    if question["kind"] == "numeric":
        shown = question["answer_display"]
        if Decimal(question["tolerance"]) == 0:
            return shown
        return f"{shown} (±\u00a0{french_number(question['tolerance'])})"
    return several(right_choices(question))
