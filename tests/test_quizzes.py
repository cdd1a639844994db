"""Quizzes: taking them, server-side scoring, bad input, secrecy, attempts kept as they were."""

import html
import re

import pytest
from django.core import mail, signing
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from quizzes import opinions
from quizzes.attempts import TOKEN_SALT
from quizzes.models import Attempt, Quiz
from tests.account_helpers import sign_up_and_activate
from tests.factories import (
    SECTIONS,
    CoursePageFactory,
    LessonPageFactory,
    QuizFactory,
    questions_of_each_kind,
    true_false,
)
from tests.quiz_helpers import (
    answers,
    post_twice_at_once,
    right_answer,
    start,
    submit,
    wrong_answer,
)

pytestmark = pytest.mark.django_db

SHARED_MEMORY_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}


def test_every_lesson_has_a_quiz_and_the_course_a_final_one():
    quizzes = Quiz.objects.live()
    lesson_quizzes = quizzes.exclude(lesson=None)
    assert lesson_quizzes.count() == 9
    for quiz in lesson_quizzes:
        assert len(quiz.questions) >= 5
    final = quizzes.get(lesson=None)
    assert len(final.questions) >= 15
    for quiz in quizzes:
        for child in quiz.questions:
            if child.block_type in opinions.UNSCORED_KINDS:
                continue  # an opinion has nothing to explain
            assert child.value["explanation"]
            assert child.value["lesson"] is not None and child.value["anchor"]


def test_lesson_page_leads_to_its_quiz(client, quiz):
    assert f'href="{quiz.get_absolute_url()}"' in client.get(quiz.lesson.url).content.decode()
    # The course page, to the quiz of the whole course (the first by title: before the seed's).
    final = QuizFactory(lesson=None, title="Quiz de tout le cours")
    course = client.get(quiz.lesson.get_parent().url).content.decode()
    assert f'href="{final.get_absolute_url()}"' in course


def test_quiz_page_is_an_accessible_form(client, quiz):
    html = client.get(quiz.get_absolute_url()).content.decode()
    assert html.count("<fieldset") == html.count("<legend>") == len(quiz.questions)
    assert "Question 1 sur" in html
    for input_id in re.findall(r'<input type="(?:radio|checkbox)"[^>]*id="([^"]+)"', html):
        assert f'for="{input_id}"' in html


def test_right_answers_score_full_marks_and_show_the_correction(client, quiz):
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token))
    attempt = Attempt.objects.get()
    assert response.status_code == 302 and response.url == attempt.get_absolute_url()
    assert attempt.score == 100 and attempt.passed
    page = client.get(response.url).content.decode()
    assert "100\u00a0%" in page and "Quiz réussi." in page
    assert "Revoir la leçon" in page
    assert f'href="{quiz.lesson.url}#repondre-aux-avis"' in page
    source = "publié en 2013–2014 sans date d’étude, source : Baromètre des usages numériques"
    assert source in html.unescape(page).replace("\u00a0", " ")
    assert "Refaire le quiz" in page


def test_wrong_answers_fail_and_show_the_right_ones(client, quiz):
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token, pick=wrong_answer))
    html = client.get(response.url).content.decode()
    attempt = Attempt.objects.get()
    assert attempt.score == 0 and attempt.passed is False
    assert "Pas encore réussi" in html
    assert html.count("Réponse incorrecte") == attempt.question_count
    assert "65\u00a0% (±\u00a05)" in html  # the numeric question's right answer


def test_the_result_names_each_lesson_section_once(client, quiz):
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token, pick=wrong_answer))
    html = client.get(response.url).content.decode()
    assert html.count("Revoir la leçon") == 1  # not under each of the four questions
    review = html[html.index("Revoir la leçon") : html.index("Correction")]
    links = re.findall(rf'href="({quiz.lesson.url}#[^"]*)"', review)
    assert len(links) == len(set(links)) == 3  # three sections, four questions
    for heading, _anchor, _text in SECTIONS:
        assert heading in review  # named by its heading, not the lesson again
    assert review.count("À revoir") == 3


def test_a_right_answer_leaves_its_section_unmarked(client, quiz):
    def pick(question):  # right, except in the last section, "Mesurer les résultats"
        wrong = question.value["anchor"] == "mesurer-les-resultats"
        return wrong_answer(question) if wrong else right_answer(question)

    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token, pick=pick))
    html = client.get(response.url).content.decode()
    review = html[html.index("Revoir la leçon") : html.index("Correction")]
    assert review.count("À revoir") == 1
    # In the lesson's order, whatever the questions' order.
    assert review.index("Connaître ses clients") < review.index("Mesurer les résultats")


def test_the_result_leads_to_the_next_lesson_in_the_course(client, quiz):
    following = LessonPageFactory(parent=quiz.lesson.get_parent(), title="Trouver des clients")
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token))
    page = html.unescape(client.get(response.url).content.decode())
    assert f'<a class="button" href="{following.url}">' in page
    assert "Leçon suivante : Trouver des clients" in page.replace("\u00a0", " ")


def test_after_the_last_lesson_the_result_leads_to_the_final_quiz(client):
    course = CoursePageFactory()
    other, last = LessonPageFactory(parent=course), LessonPageFactory(parent=course)
    # One question points to another lesson of the course.
    questions = questions_of_each_kind(last, None)[:3] + questions_of_each_kind(other, None)[:1]
    quiz = QuizFactory(lesson=last, questions=questions)
    final = QuizFactory(lesson=None, title="Quiz de tout le cours")
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token))
    html = client.get(response.url).content.decode()
    assert f'href="{final.get_absolute_url()}"' in html
    assert "Revoir les leçons" in html


def test_self_check_quiz_shows_only_the_score(client, quiz):
    quiz.pass_mark = None
    quiz.save_revision().publish()
    form, token = start(client, quiz.slug)
    html = client.get(submit(client, quiz.slug, answers(form, token)).url).content.decode()
    assert "100\u00a0%" in html and "réussi" not in html.lower()


# Bad input: a clear French message, nothing saved.


def assert_refused(response, message, status=400):
    assert response.status_code == status
    assert message in html.unescape(response.content.decode())
    assert Attempt.objects.count() == 0


def test_question_not_part_of_the_attempt_is_refused(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    data["q-00000000-0000-0000-0000-000000000000"] = "x"
    assert_refused(submit(client, quiz.slug, data), "ne fait pas partie de ce quiz")


def test_choice_not_part_of_the_question_is_refused(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    other_quiz_form, _ = start(client, QuizFactory().slug)
    single = next(q for q in form.question_list if q.kind == "single")
    foreign = next(q for q in other_quiz_form.question_list if q.kind == "single")
    data[single.field.html_name] = right_answer(foreign)
    response = submit(client, quiz.slug, data)
    assert_refused(response, "Cette réponse ne fait pas partie de la question.")
    # The learner's other answers are kept in the form.
    numeric = next(q for q in form.question_list if q.kind == "numeric")
    assert f'value="{data[numeric.field.html_name]}"' in response.content.decode()


def test_value_of_the_wrong_type_is_refused(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    numeric = next(q for q in form.question_list if q.kind == "numeric")
    data[numeric.field.html_name] = "soixante"
    response = submit(client, quiz.slug, data)
    assert_refused(response, "Indiquez un nombre, par exemple 42 ou 12,5.")
    assert f'aria-describedby="id_{numeric.field.html_name}-error"' in response.content.decode()


def test_missing_answer_is_refused_and_tied_to_its_question(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    first = form.question_list[0]
    del data[first.field.html_name]
    response = submit(client, quiz.slug, data)
    assert_refused(response, "Répondez à cette question.")
    html = response.content.decode()
    assert 'role="alert"' in html and 'href="#question-1"' in html


def test_several_choices_on_a_single_choice_question_are_refused(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    single = next(q for q in form.question_list if q.kind == "single")
    data[single.field.html_name] = [c.id for c in single.value["choices"].bound_blocks][:2]
    assert_refused(submit(client, quiz.slug, data), "Une seule réponse est possible")


def test_tampered_token_is_refused(client, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    payload = signing.loads(token, salt=TOKEN_SALT)
    payload["q"] = payload["q"][:1]
    data["attempt"] = signing.dumps(payload, salt="not-ours", compress=True)
    assert_refused(submit(client, quiz.slug, data), "Ce formulaire n’est plus valable")


def test_someone_elses_attempt_is_refused(client, django_user_model, quiz):
    alice = django_user_model.objects.create_user(email="alice@test.fr", password="x")
    bob = django_user_model.objects.create_user(email="bob@test.fr", password="x")
    client.force_login(alice)
    form, token = start(client, quiz.slug)
    client.force_login(bob)
    assert_refused(
        submit(client, quiz.slug, answers(form, token)), "commencée avec un autre compte", 403
    )


def test_someone_elses_result_is_not_found(client, django_user_model, quiz):
    alice = django_user_model.objects.create_user(email="alice@test.fr", password="x")
    client.force_login(alice)
    form, token = start(client, quiz.slug)
    url = submit(client, quiz.slug, answers(form, token)).url
    client.logout()
    assert client.get(url).status_code == 404
    bob = django_user_model.objects.create_user(email="bob@test.fr", password="x")
    client.force_login(bob)
    assert client.get(url).status_code == 404


def test_submitting_twice_records_once_and_shows_the_recorded_result(client, committed_db, quiz):
    form, token = start(client, quiz.slug)
    first = submit(client, quiz.slug, answers(form, token))
    second = submit(client, quiz.slug, answers(form, token, pick=wrong_answer))
    assert second.status_code == 302 and second.url == first.url
    assert Attempt.objects.count() == 1 and Attempt.objects.get().score == 100
    html = client.get(second.url).content.decode()
    assert "Cette tentative était déjà enregistrée" in html


def test_a_recorded_attempt_sent_again_incomplete_shows_its_result(client, quiz):
    form, token = start(client, quiz.slug)
    first = submit(client, quiz.slug, answers(form, token))
    second = submit(client, quiz.slug, {"attempt": token})
    assert second.status_code == 302 and second.url == first.url
    assert Attempt.objects.count() == 1


# The engine of several app servers, with their shared cache (Redis there, memory here).
@override_settings(SESSION_ENGINE="caching.sessions", CACHES=SHARED_MEMORY_CACHES)
def test_a_submission_runs_two_statements_and_no_transaction(client, committed_db, quiz):
    """Once the quiz is known to this process, nothing is read and no transaction is opened (its
    BEGIN and COMMIT would be two more round trips each): the attempt is written, then the
    visitor's new session, one statement each."""
    form, token = start(client, quiz.slug)
    with CaptureQueriesContext(connection) as queries:
        response = submit(client, quiz.slug, answers(form, token))
    assert response.status_code == 302
    statements = [query["sql"] for query in queries]
    assert len(statements) == 2, statements
    assert statements[0].startswith('INSERT INTO "quizzes_attempt"')
    assert statements[1].startswith('INSERT INTO "django_session"')


def test_a_recorded_attempt_cannot_be_resubmitted_by_another_visitor(client, committed_db, quiz):
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token))
    client.cookies.clear()
    response = submit(client, quiz.slug, answers(form, token))
    assert response.status_code == 403
    assert "envoyée depuis un autre compte" in response.content.decode()
    assert Attempt.objects.count() == 1


# Secrecy: nothing before submission tells right answers from wrong ones.


def flip_correctness(quiz):
    for child in quiz.questions:
        value = child.value
        if child.block_type in ("single", "multiple"):
            for choice in value["choices"]:
                choice["correct"] = not choice["correct"]
        elif child.block_type == "true_false":
            value["answer"] = not value["answer"]
        elif value.get("statistic"):
            value["tolerance"] = 99
    quiz.save_revision().publish()


def strip_tokens(html):
    html = re.sub(r'name="attempt" value="[^"]*"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


@pytest.mark.parametrize("slug", [q["slug"] for q in __import__("quizzes.seed").seed.QUIZZES])
def test_quiz_pages_reveal_no_right_answer(client, monkeypatch, slug):
    monkeypatch.setattr("quizzes.attempts.new_seed", lambda: 42)
    quiz = Quiz.objects.get(slug=slug)
    before = client.get(quiz.get_absolute_url())
    html = before.content.decode()
    # No explanation, feedback or numeric answer is sent with the form.
    scored = [child for child in quiz.questions if child.block_type not in opinions.UNSCORED_KINDS]
    for child in scored:
        assert str(child.value["explanation"]) not in html  # as the correction shows it
        assert strip_tags(child.value["explanation"].source) not in html
        for choice in child.value.get("choices", []):
            if choice["feedback"]:
                assert str(choice["feedback"]) not in html
                assert strip_tags(choice["feedback"].source) not in html
    # Nor in what the page loads.
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        content = b"".join(client.get(asset).streaming_content).decode(errors="ignore")
        assert all(strip_tags(child.value["explanation"].source) not in content for child in scored)
    # The token holds only ids, and the page is the same when every answer is flipped.
    payload = signing.loads(before.context["token"], salt=TOKEN_SALT)
    assert set(payload) == {"quiz", "rev", "q", "c", "id", "u", "a", "t"}
    flip_correctness(quiz)
    after = client.get(quiz.get_absolute_url()).content.decode()
    assert strip_tokens(after) == strip_tokens(html)


# Attempts keep what they were.


def test_republished_statistic_grades_new_attempts_and_keeps_old_scores(client, quiz):
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token))  # answers 65 for the figure
    old = Attempt.objects.get()
    assert old.score == 100

    statistic = next(q.value["statistic"] for q in quiz.questions if q.block_type == "numeric")
    statistic.value = 80
    statistic.save_revision().publish()

    form, token = start(client, quiz.slug)
    data = answers(form, token)
    numeric = next(q for q in form.question_list if q.kind == "numeric")
    data[numeric.field.html_name] = "65"
    submit(client, quiz.slug, data)
    new = Attempt.objects.exclude(pk=old.pk).get()
    assert new.score < 100
    graded = next(q for q in new.questions if q["kind"] == "numeric")
    assert graded["answer"] == "80.00" and not graded["is_correct"]
    old.refresh_from_db()
    assert old.score == 100
    assert "65\u00a0%" in client.get(old.get_absolute_url()).content.decode()


def test_editing_or_deleting_questions_changes_no_past_result(client, quiz):
    form, token = start(client, quiz.slug)
    url = submit(client, quiz.slug, answers(form, token)).url
    before = html.unescape(client.get(url).content.decode())
    first_text = quiz.questions[0].value["text"].replace("'", "’")  # typeset
    del quiz.questions[0]
    quiz.questions[0].value["text"] = "Une question réécrite"
    quiz.save_revision().publish()
    after = html.unescape(client.get(url).content.decode())
    assert first_text in after
    assert "Une question réécrite" not in after
    assert before.count("Bonne réponse") == after.count("Bonne réponse")


def test_quiz_edited_while_a_learner_answers_is_scored_as_shown(client, quiz):
    form, token = start(client, quiz.slug)
    shown_text = quiz.questions[0].value["text"]
    del quiz.questions[0]
    quiz.save_revision().publish()
    response = submit(client, quiz.slug, answers(form, token))
    attempt = Attempt.objects.get()
    assert attempt.question_count == len(form.question_list)
    assert attempt.questions[0]["text"] == shown_text
    assert response.status_code == 302


def test_draw_and_shuffle_follow_the_quiz_settings(client):
    questions = [true_false(f"Affirmation {i}.", i % 2 == 0) for i in range(8)]
    quiz = QuizFactory(questions=questions, shuffle_questions=True)
    quiz.draw_count = 5
    quiz.save_revision().publish()
    orders = set()
    for _ in range(6):
        form, _token = start(client, quiz.slug)
        assert form.question_count == 5
        orders.add(tuple(q.id for q in form.question_list))
    assert len(orders) > 1


# Learner accounts.


def test_anonymous_attempts_join_the_account_at_sign_up(client, django_user_model, quiz):
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token))
    response = sign_up_and_activate(client, "nouvelle@test.fr", first_name="Nina")
    assert response.status_code == 302
    user = django_user_model.objects.get(email="nouvelle@test.fr")
    assert Attempt.objects.get().user == user
    html = client.get(reverse("accounts:space")).content.decode()
    assert quiz.title in html and "100\u00a0%" in html


def test_anonymous_attempts_join_the_account_at_sign_in(client, django_user_model, quiz):
    django_user_model.objects.create_user(email="lea@test.fr", password="Mot-de-passe-42")
    form, token = start(client, quiz.slug)
    submit(client, quiz.slug, answers(form, token))
    client.post(
        reverse("accounts:login"), {"username": "lea@test.fr", "password": "Mot-de-passe-42"}
    )
    assert Attempt.objects.get().user.email == "lea@test.fr"


def test_sign_up_applies_password_validators_in_french(client):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "x@test.fr", "password1": "123", "password2": "123"},
    )
    html = response.content.decode()
    assert "Ce mot de passe est trop court" in html
    assert not Attempt.objects.exists()


def test_password_reset_sends_an_email(client, django_user_model):
    django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.post(reverse("accounts:password_reset"), {"email": "lea@test.fr"})
    assert len(mail.outbox) == 1
    assert "/compte/mot-de-passe/" in mail.outbox[0].body


def test_learner_space_shows_progress_history_best_scores_and_quizzes_to_do(
    client, django_user_model, quiz
):
    course = quiz.lesson.get_parent()
    second, _third = LessonPageFactory(parent=course), LessonPageFactory(parent=course)
    other_quiz = QuizFactory(lesson=second)
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    for lesson in (quiz.lesson, second):  # read to their end
        client.post(reverse("lessons:read", args=[lesson.pk]))
    for pick in (wrong_answer, right_answer):
        form, token = start(client, quiz.slug)
        submit(client, quiz.slug, answers(form, token, pick=pick))
    html = client.get(reverse("accounts:space")).content.decode()
    assert f'<progress id="progress-{course.pk}"' in html and 'value="2"' in html
    assert "2 leçons lues sur 3" in html
    assert html.count(quiz.title) >= 3  # history twice, best scores once
    best = html[html.index("Mes meilleurs scores") :]
    assert "100\u00a0%" in best[: best.index("Historique")]
    to_do = html[html.index("Mes quiz à faire") : html.index("Mes meilleurs scores")]
    assert quiz.title not in to_do
    assert other_quiz.title in to_do
    course_page = client.get(course.url).content.decode()
    assert course_page.count(">Lue</span>") == 2


def test_learner_space_needs_an_account(client):
    response = client.get(reverse("accounts:space"))
    assert response.status_code == 302 and "/compte/connexion/" in response.url


def test_simultaneous_submissions_of_one_attempt_record_it_once(client, committed_db, quiz):
    from django.test import Client

    form, token = start(client, quiz.slug)
    data = answers(form, token)
    responses = post_twice_at_once(
        lambda: Client().post(reverse("quizzes:submit", args=[quiz.slug]), data)
    )
    statuses = [response.status_code for response in responses]
    assert Attempt.objects.count() == 1
    # The second visitor's session does not hold the attempt: its result is not theirs to see.
    assert sorted(statuses) == [302, 403]


def test_editors_author_quizzes_with_drafts_and_revisions(client, editor, quiz):
    client.force_login(editor)
    edit = client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]))
    assert edit.status_code == 200
    history = client.get(reverse("wagtailsnippets_quizzes_quiz:history", args=[quiz.pk]))
    assert history.status_code == 200
    # A draft never reaches learners.
    quiz.title = "Brouillon du quiz"
    quiz.save_revision(user=editor)
    client.logout()
    assert "Brouillon du quiz" not in client.get(quiz.get_absolute_url()).content.decode()


def test_quiz_revision_preview_renders_the_form(client, editor, quiz):
    client.force_login(editor)
    revision = quiz.latest_revision
    url = reverse("wagtailsnippets_quizzes_quiz:revisions_view", args=[quiz.pk, revision.pk])
    html = client.get(url).content.decode()
    assert "Question 1 sur" in html


# Numbers as people type and read them.


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("12,5", "12,5\u00a0%"),
        ("-0", "0\u00a0%"),
        ("1 000", "1\u00a0000\u00a0%"),
        ("65", "65\u00a0%"),
    ],
)
def test_an_estimate_is_read_and_shown_as_french_readers_write_it(client, typed, shown, quiz):
    form, token = start(client, quiz.slug)
    data = answers(form, token)
    numeric = next(q for q in form.question_list if q.kind == "numeric")
    data[numeric.field.html_name] = typed
    response = submit(client, quiz.slug, data)
    assert response.status_code == 302, response.content.decode()[:300]
    html = client.get(response.url).content.decode()
    assert f"<dt>Votre réponse</dt><dd>{shown}</dd>" in html


def test_a_right_answer_typed_by_an_editor_is_shown_in_french():
    from quizzes.scoring import describe_right_answer

    question = {
        "kind": "numeric",
        "answer_display": "12,5\u00a0%",
        "answer": "12.50",
        "tolerance": "2.50",
    }
    assert describe_right_answer(question) == "12,5\u00a0% (±\u00a02,5)"
    assert describe_right_answer({**question, "tolerance": "0.00"}) == "12,5\u00a0%"
