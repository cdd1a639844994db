"""Assessment that cannot be gamed: shuffled choices, retries that stay in their workshop,
submissions recorded once, corrections kept until their date, and the scoring rules."""

import random
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import ModelLogEntry

from quizzes.attempts import new_attempt
from quizzes.blocks import MultipleChoiceBlock, NumericBlock, SingleChoiceBlock
from quizzes.forms import QuizForm
from quizzes.models import Attempt, Quiz
from quizzes.reports import answer_spread
from quizzes.scoring import Placement, grade_attempt, grade_question, placement, tally
from tests.factories import QuizFactory, single
from tests.html_forms import form_data, stream_data
from tests.quiz_helpers import (
    answers,
    post_twice_at_once,
    right_answer,
    start,
    submit,
    wrong_answer,
)
from tests.workshop_helpers import make_workshop, open_assignment, take
from workshops.models import AssignedAttempt, Assignment, AssignmentProgress
from workshops.progress import record_attempt

pytestmark = pytest.mark.django_db


# Shuffled choices.


def first_option_score(quiz, rng):
    """The score of a learner who ticks the first option shown of every question (and types a
    guess into estimates), on one draw of the quiz."""
    question_ids, choice_ids = quiz.draw(rng)
    form = QuizForm(quiz, question_ids, choice_ids)
    given = {}
    for question in form.question_list:
        if question.kind == "numeric":
            given[question.id] = "50"
        else:
            given[question.id] = [question.field.field.choices[0][0]]
    _right, _scored, score = tally(grade_attempt(quiz, question_ids, choice_ids, given))
    return score


def test_always_ticking_the_first_option_fails_every_quiz():
    rng = random.Random(2026)
    quizzes = list(Quiz.objects.live())
    assert len(quizzes) == 10
    for quiz in quizzes:
        average = sum(first_option_score(quiz, rng) for _ in range(300)) / 300
        assert average < quiz.pass_mark, (quiz.slug, average)


def test_new_quizzes_shuffle_their_choices(client, editor):
    assert Quiz().shuffle_choices is True
    assert all(Quiz.objects.values_list("shuffle_choices", flat=True))
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_quizzes_quiz:add")).content.decode()
    assert "shuffle_choices" in form_data(html)  # ticked


def save_in_admin(client, quiz, **changes):
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    data = form_data(client.get(url).content.decode())
    data.update(stream_data("questions", quiz.questions))
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    return [str(message) for message in get_messages(response.wsgi_request)]


def right_answers_first(count=3):
    """A quiz of `count` single-choice questions, each listing its right answer first."""
    choices = [("Juste", True, ""), ("Faux", False, ""), ("Faux aussi", False, "")]
    return QuizFactory(questions=[single(f"Question {i} ?", choices) for i in range(count)])


def test_the_admin_warns_when_unshuffled_right_answers_share_a_position(client, editor):
    quiz = QuizFactory()  # each of its two choice questions lists its right answer first
    client.force_login(editor)
    messages = save_in_admin(client, quiz, shuffle_choices=None)
    warning = [m for m in messages if "la bonne réponse est en position 1" in m]
    assert warning and "dans 2 questions à choix sur 2" in warning[0]
    assert not any("position" in m for m in save_in_admin(client, quiz, shuffle_choices="on"))


def test_no_warning_when_unshuffled_right_answers_move_around():
    quiz = right_answers_first()
    quiz.shuffle_choices = False
    assert quiz.answer_position_warning()
    asked = [child for child in quiz.questions if child.block_type in ("single", "multiple")]
    for turns, child in enumerate(asked):  # each question's choices turn by one more place
        listed = child.value["choices"]
        for _ in range(turns):
            listed.append(listed.pop(0))
    assert quiz.answer_position_warning() is None


# Retrying an assigned quiz.


def test_retrying_an_assigned_quiz_stays_in_the_assignment(client, people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]], max_attempts=2)
    client.force_login(people["learner"])
    result_url = take(client, assignment, pick=wrong_answer).url
    assert result_url.startswith(f"/ateliers/quiz-assignes/{assignment.pk}/resultat/")
    html = client.get(result_url).content.decode()
    take_url = reverse("workshops:take", args=[assignment.pk])
    assert f'href="{take_url}">Réessayer le quiz' in html
    assert f'href="{assignment.quiz.get_absolute_url()}"' not in html
    assert "1 tentative sur 2" in html
    take(client, assignment)  # the retry, through the link's page
    progress = AssignmentProgress.objects.get(assignment=assignment, user=people["learner"])
    assert progress.attempt_count == 2 and progress.best_score == 100
    assert AssignedAttempt.objects.filter(assignment=assignment).count() == 2
    # The limit is reached: no more button, and the page says why.
    html = client.get(result_url).content.decode().replace("&#x27;", "'")
    assert "Réessayer le quiz" not in html and "Refaire le quiz" not in html
    assert "Vous avez utilisé les 2 tentatives autorisées pour ce quiz." in html


def test_an_assigned_attempt_never_offers_the_public_quiz(client, people, setting):
    client.force_login(people["learner"])
    take(client, setting["assignment"])
    attempt = Attempt.objects.get()
    assert attempt.assigned
    html = client.get(attempt.get_absolute_url()).content.decode()
    assert "Réessayer le quiz" not in html and "Refaire le quiz" not in html
    # A public attempt does offer it.
    slug = setting["quiz"].slug
    form, token = start(client, slug)
    response = submit(client, slug, answers(form, token))
    public = Attempt.objects.exclude(pk=attempt.pk).get()
    assert not public.assigned
    assert f'href="/quiz/{slug}/">Refaire le quiz' in client.get(response.url).content.decode()


# Submitting twice.


def test_an_assigned_attempt_sent_twice_shows_its_result_even_at_the_limit(client, people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]], max_attempts=1)
    client.force_login(people["learner"])
    form, token = open_assignment(client, assignment)
    url = reverse("workshops:submit", args=[assignment.pk])
    first = client.post(url, answers(form, token))
    second = client.post(url, answers(form, token, pick=wrong_answer))
    assert second.status_code == 302 and second.url == first.url
    assert Attempt.objects.count() == 1 and Attempt.objects.get().score == 100
    html = client.get(second.url).content.decode()
    assert "Cette tentative était déjà enregistrée" in html


def test_the_workshops_record_an_attempt_against_an_assignment_once_per_token(people):
    _, assignment = make_workshop(people["trainer"], [people["learner"]])

    def attempt(right):
        """The same attempt (one token), sent with other answers."""
        return new_attempt(
            assignment.quiz,
            [{"id": "q", "kind": "true_false", "given": ["true"], "is_correct": right}],
            title="Quiz",
            pass_mark=50,
            user=people["learner"],
            started_at=timezone.now(),
            token="2a0c5a6e-3f2a-4d55-9b2e-0a9d1c3f4b5e",
        )

    first, created = record_attempt(assignment, attempt(right=True))
    again, created_again = record_attempt(assignment, attempt(right=False))
    assert created and not created_again and again.pk == first.pk
    assert Attempt.objects.get().score == 100 and Attempt.objects.get().assigned
    assert AssignedAttempt.objects.get().attempt_id == first.pk
    progress = AssignmentProgress.objects.get(assignment=assignment, user=people["learner"])
    assert (progress.attempt_count, progress.best_score, progress.last_attempt_id) == (
        1,
        100,
        first.pk,
    )


def test_simultaneous_submissions_of_an_assigned_attempt_record_it_once(committed_db):
    from django.contrib.auth import get_user_model

    from tests.workshop_helpers import make_user

    learner = make_user(get_user_model(), "lea@test.fr", first_name="Léa", last_name="Roux")
    trainer = make_user(get_user_model(), "tina@test.fr", "Trainers")
    _, assignment = make_workshop(trainer, [learner])
    browser = Client()
    browser.force_login(learner)
    data = answers(*open_assignment(browser, assignment))
    url = reverse("workshops:submit", args=[assignment.pk])
    responses = post_twice_at_once(lambda: browser.post(url, data))
    assert [response.status_code for response in responses] == [302, 302]
    assert responses[0].url == responses[1].url
    assert Attempt.objects.count() == 1 and AssignedAttempt.objects.count() == 1
    progress = AssignmentProgress.objects.get(assignment=assignment, user=learner)
    assert progress.attempt_count == 1


# Corrections kept until their date: quizzes reserved to workshops.


def reserve(quiz):
    quiz.reserved_to_workshops = True
    quiz.save_revision().publish()


def test_a_quiz_reserved_to_workshops_is_neither_listed_nor_answerable_publicly(
    client, people, setting
):
    quiz = setting["quiz"]
    address = quiz.get_absolute_url()
    assert address in client.get(reverse("quizzes:index")).content.decode()
    assert address in client.get(quiz.lesson.url).content.decode()
    form, token = start(client, quiz.slug)
    reserve(quiz)
    assert client.get(address).status_code == 404
    assert submit(client, quiz.slug, answers(form, token)).status_code == 404
    assert address not in client.get(reverse("quizzes:index")).content.decode()
    assert address not in client.get(quiz.lesson.url).content.decode()
    assert not Attempt.objects.exists()
    # Its workshops still take it.
    client.force_login(people["learner"])
    assert take(client, setting["assignment"]).status_code == 302
    assert Attempt.objects.count() == 1


def assignment_post(client, workshop, quiz, **fields):
    data = {
        "quizzes": [quiz.pk],
        "opens_at": "2026-12-01T09:00",
        "due_at": "2026-12-08T18:00",
        "scoring_rule": "best",
        "reveal": "deadline",
    }
    data.update(fields)
    return client.post(reverse("workshops:create_assignment", args=[workshop.pk]), data)


def test_the_assignment_form_says_when_a_quiz_is_also_public_with_instant_correction(
    client, people, setting
):
    workshop, quiz = setting["workshop"], setting["quiz"]
    client.force_login(people["trainer"])
    response = assignment_post(client, workshop, quiz)
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert f"«\u00a0{quiz.title}\u00a0» est aussi public" in html
    assert "Réserver ces quiz aux ateliers" in html and "Assigner quand même" in html
    assert workshop.assignments.count() == 1
    # At submission, the warning does not apply.
    assert assignment_post(client, workshop, quiz, reveal="submission").status_code == 302
    # The trainer may keep the quiz public, knowingly.
    assert assignment_post(client, workshop, quiz, confirm_public="on").status_code == 302
    quiz.refresh_from_db()
    assert quiz.is_public
    assert workshop.assignments.count() == 3


def test_a_trainer_reserves_a_quiz_from_the_assignment_form(client, people, setting):
    workshop, quiz = setting["workshop"], setting["quiz"]
    client.force_login(people["trainer"])
    response = assignment_post(client, workshop, quiz, reserve_quizzes="on")
    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.reserved_to_workshops and not quiz.is_public
    assert client.get(reverse("quizzes:detail", args=[quiz.slug])).status_code == 404
    entry = ModelLogEntry.objects.filter(action="quizzes.reserve").get()
    assert entry.user_id == people["trainer"].pk and entry.object_id == str(quiz.pk)
    # The form now lists it as reserved, and asks nothing more.
    html = client.get(reverse("workshops:create_assignment", args=[workshop.pk])).content
    assert f"{quiz.title} (réservé aux ateliers" in html.decode()
    assert assignment_post(client, workshop, quiz).status_code == 302


def test_a_reservation_survives_an_editors_later_publication(
    client, people, setting, editor, moderator
):
    quiz = setting["quiz"]
    quiz.title = f"{quiz.title} (brouillon)"
    draft = quiz.save_revision(user=editor)  # an editor's draft, made before the reservation
    client.force_login(people["trainer"])
    response = assignment_post(client, setting["workshop"], quiz, reserve_quizzes="on")
    assert response.status_code == 302
    draft.refresh_from_db()
    draft.publish(user=moderator)  # the editor's draft, approved by a moderator
    quiz.refresh_from_db()
    assert quiz.title.endswith("(brouillon)") and quiz.reserved_to_workshops
    quiz.live_revision.publish()
    quiz.refresh_from_db()
    assert quiz.reserved_to_workshops


def test_editing_an_assignment_to_a_deadline_reveal_also_warns(client, people, setting):
    assignment = setting["assignment"]
    client.force_login(people["trainer"])
    url = reverse("workshops:edit_assignment", args=[assignment.pk])
    fields = {
        "opens_at": "2026-12-01T09:00",
        "due_at": "2026-12-08T18:00",
        "scoring_rule": "best",
        "reveal": "deadline",
    }
    response = client.post(url, fields)
    assert "est aussi public" in response.content.decode()
    assert Assignment.objects.get(pk=assignment.pk).reveal == "submission"
    assert client.post(url, {**fields, "reserve_quizzes": "on"}).status_code == 302
    assert Assignment.objects.get(pk=assignment.pk).reveal == "deadline"
    assert not Quiz.objects.get(pk=setting["quiz"].pk).is_public


# The scoring rules.


def snapshot(kind, **fields):
    return {"kind": kind, **fields}


def choice(id_, correct):
    return {"id": id_, "text": id_, "correct": correct, "feedback": ""}


@pytest.mark.parametrize(
    ("given", "is_correct"),
    [
        (["a", "b"], True),
        (["b", "a"], True),
        (["a"], False),  # partial
        (["a", "b", "c"], False),  # every box
        (["a", "c"], False),
        ([], False),
    ],
)
def test_a_multiple_choice_needs_exactly_the_right_boxes(given, is_correct):
    question = snapshot(
        "multiple", choices=[choice("a", True), choice("b", True), choice("c", False)]
    )
    assert grade_question(question, given)["is_correct"] is is_correct


@pytest.mark.parametrize(
    ("given", "is_correct"),
    [("65", True), ("70", True), ("60", True), ("70.01", False), ("59.99", False), ("-65", False)],
)
def test_a_numeric_answer_counts_up_to_the_tolerance_edge_and_not_past_it(given, is_correct):
    question = snapshot("numeric", answer="65.00", tolerance="5.00")
    assert grade_question(question, given)["is_correct"] is is_correct


# 0.3 ± 0.1: in binary floating point 0.4 - 0.3 is a little more than 0.1, and 0.4 would be
# drawn above the range while graded right. Every reader of the range uses Decimals.
@pytest.mark.parametrize(
    ("given", "where"),
    [
        ("0.4", Placement.WITHIN),
        ("0.2", Placement.WITHIN),
        ("0.3", Placement.WITHIN),
        ("0.41", Placement.ABOVE),
        ("0.19", Placement.BELOW),
    ],
)
def test_a_numeric_answer_at_the_exact_edge_of_a_decimal_range_is_within(given, where):
    question = snapshot(
        "numeric",
        id="q",
        text="Combien ?",
        explanation="",
        answer="0.3",
        tolerance="0.1",
        answer_display="0,3",
    )
    assert placement(question, given) == where
    assert grade_question(dict(question), given)["is_correct"] is (where == Placement.WITHIN)
    spread = answer_spread(question, [given])
    assert [bar.count for bar in spread] == [int(where == place) for place in Placement]
    assert spread[Placement.WITHIN].correct


@pytest.mark.parametrize(("typed", "is_correct"), [("70", True), ("70,01", False), ("60", True)])
def test_the_tolerance_edge_holds_through_the_quiz_page(client, quiz, typed, is_correct):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    numeric = next(q for q in form.question_list if q.kind == "numeric")
    assert right_answer(numeric) == "65.00"  # ± 5
    data[numeric.field.html_name] = typed
    submit(client, quiz.slug, data)
    graded = next(q for q in Attempt.objects.get().questions if q["kind"] == "numeric")
    assert graded["is_correct"] is is_correct


def test_ticking_every_box_of_a_multiple_choice_scores_nothing_through_the_quiz_page(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    multiple = next(q for q in form.question_list if q.kind == "multiple")
    data[multiple.field.html_name] = [
        choice_id for choice_id, _label in multiple.field.field.choices
    ]
    submit(client, quiz.slug, data)
    graded = next(q for q in Attempt.objects.get().questions if q["id"] == multiple.id)
    assert graded["is_correct"] is False


# The editing rules of questions.


def choices(*flags):
    return [
        {"text": f"Réponse {i}", "correct": flag, "feedback": ""} for i, flag in enumerate(flags)
    ]


def question(**fields):
    return {
        "text": "Question ?",
        "explanation": "Parce que.",
        "lesson": None,
        "anchor": "",
        **fields,
    }


def error_of(block, value):
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    return " ".join(
        str(message) for error in raised.value.block_errors.values() for message in error
    )


@pytest.mark.parametrize("flags", [(False, False, False), (True, True, False)])
def test_a_single_choice_needs_exactly_one_right_answer(flags):
    message = error_of(SingleChoiceBlock(), question(choices=choices(*flags)))
    assert "Cochez exactement une bonne réponse." in message


def test_a_multiple_choice_needs_at_least_one_right_answer():
    message = error_of(MultipleChoiceBlock(), question(choices=choices(False, False)))
    assert "Cochez au moins une bonne réponse." in message


def test_an_estimate_needs_a_statistic_or_an_answer():
    message = error_of(
        NumericBlock(), question(statistic=None, answer=None, tolerance="0", unit="")
    )
    assert "Choisissez une statistique ou indiquez la réponse." in message


def test_well_formed_questions_pass_the_editing_rules():
    single = SingleChoiceBlock()
    assert single.clean(single.to_python(question(choices=choices(True, False))))
    multiple = MultipleChoiceBlock()
    assert multiple.clean(multiple.to_python(question(choices=choices(True, True, False))))
    numeric = NumericBlock()
    value = numeric.clean(
        numeric.to_python(question(statistic=None, answer="12.5", tolerance="1", unit="%"))
    )
    assert value["answer"] == Decimal("12.5")
