"""Questions without a right answer (polls, opinion scales, word clouds, open questions) in
quizzes: editors write them beside scored questions; a learner answers them and is thanked, with
nothing to correct; no score counts them, wherever a score is read (the quiz page, an assigned
quiz, the workshop's results). Live sessions: tests/test_live_opinions.py."""

import html
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from figures.distributions import CLOUD_WIDTH, scale_columns, word_cloud
from quizzes import opinions
from quizzes.blocks import QuestionsBlock
from quizzes.models import Attempt, Quiz
from tests.factories import (
    LessonPageFactory,
    QuizFactory,
    StatisticFactory,
    opinion_questions,
    questions_of_each_kind,
)
from tests.html_forms import form_data, stream_data
from tests.quiz_helpers import answers, right_answer, start, submit
from tests.workshop_helpers import make_workshop, take

pytestmark = pytest.mark.django_db


def plain(response):
    """A page's HTML as read: entities decoded, French typography's no-break spaces plain."""
    return html.unescape(response.content.decode()).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def mixed_quiz():
    """The four opinion questions first (as a trainer opens a session), then one scored
    question of each kind; pass mark 50 %; choices in the editor's order."""
    lesson = LessonPageFactory()
    questions = [*opinion_questions(), *questions_of_each_kind(lesson, StatisticFactory())]
    return QuizFactory(lesson=lesson, questions=questions, pass_mark=50, shuffle_choices=False)


def half_right(question):
    """Right to the single and multiple choice questions, wrong to the two others; an opinion
    to each question without a right answer."""
    if question.kind in ("true_false", "numeric"):
        from tests.quiz_helpers import wrong_answer

        return wrong_answer(question)
    return right_answer(question)


# What editors write.


def test_the_blocks_check_what_an_editor_writes():
    blocks = QuestionsBlock().child_blocks

    def clean(kind, value):
        block = blocks[kind]
        return block.clean(block.to_python(value))

    clean("poll", {"text": "Sur quel réseau ?", "choices": ["Facebook", "LinkedIn"]})
    with pytest.raises(ValidationError):  # a poll offers two answers at least
        clean("poll", {"text": "Sur quel réseau ?", "choices": ["Facebook"]})
    scale = {"text": "À l'aise ?", "scale": "0-10", "low_label": "Pas du tout"}
    with pytest.raises(ValidationError):  # both ends say what they mean
        clean("scale", scale)
    clean("scale", {**scale, "high_label": "Tout à fait"})
    with pytest.raises(ValidationError):
        clean("scale", {**scale, "scale": "1-7", "high_label": "Tout à fait"})
    clean("word_cloud", {"text": "En un mot ?"})
    clean("open", {"text": "Une question pour le groupe ?"})


def test_an_editor_saves_a_quiz_mixing_them_with_scored_questions(client, editor, mixed_quiz):
    client.force_login(editor)
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[mixed_quiz.pk])
    page = client.get(url).content.decode()
    # The editor's menu of blocks (in its script's JSON) offers the four kinds.
    for label in ("Sondage", "chelle d'opinion", "Nuage de mots", "Question ouverte"):
        assert f"{label} (sans bonne r" in html.unescape(page), label
    data = form_data(page) | stream_data("questions", mixed_quiz.questions)
    data["questions-0-value-text"] = "Êtes-vous déjà sur un réseau social ?"
    assert client.post(url, data).status_code == 302
    mixed_quiz.refresh_from_db()
    saved = mixed_quiz.latest_revision.as_object().questions
    assert [child.block_type for child in saved][:4] == ["poll", "scale", "word_cloud", "open"]
    assert saved[0].value["text"] == "Êtes-vous déjà sur un réseau social ?"


# The quiz page of a self-learner.


def test_the_quiz_page_asks_them_as_questions_without_a_right_answer(client, mixed_quiz):
    page = plain(client.get(mixed_quiz.get_absolute_url()))
    assert page.count("Sans bonne ni mauvaise réponse : votre avis") == 4
    poll_block = mixed_quiz.questions[0]
    for choice in poll_block.value["choices"]:
        assert choice in page
    assert "De 1 (Pas du tout à l’aise) à 5 (Tout à fait à l’aise)." in page
    scale_field = f"q-{mixed_quiz.questions[1].id}"
    assert sorted(re.findall(rf'name="{scale_field}" value="(\d+)"', page)) == list("12345")
    assert f'name="q-{mixed_quiz.questions[2].id}"' in page and 'maxlength="40"' in page
    assert "<textarea" in page and 'maxlength="280"' in page
    # Only the scored questions must be answered: not one of the opinions' inputs is required.
    for question in mixed_quiz.questions[:4]:
        inputs = re.findall(rf'<(?:input|textarea)[^>]*name="q-{question.id}"[^>]*>', page)
        assert inputs and not any(" required" in tag for tag in inputs)


def test_opinions_are_recorded_acknowledged_and_count_in_no_score(client, mixed_quiz):
    form, token = start(client, mixed_quiz.slug)
    response = submit(client, mixed_quiz.slug, answers(form, token, pick=half_right))
    assert response.status_code == 302
    attempt = Attempt.objects.get()
    # Two right of the four scored questions: 50 %, passed; the opinions count in nothing.
    assert (attempt.correct_count, attempt.question_count, attempt.score) == (2, 4, 50)
    assert attempt.passed is True
    by_kind = {question["kind"]: question for question in attempt.questions}
    first_choice = mixed_quiz.questions[0].value["choices"].bound_blocks[0].id
    assert by_kind["poll"]["given"] == [first_choice]
    assert by_kind["scale"]["given"] == 4
    assert by_kind["word_cloud"]["given"] == "Réactivité"
    assert by_kind["open"]["given"] == "Comment répondre aux avis ?"
    assert all(by_kind[kind]["is_correct"] is None for kind in opinions.UNSCORED_KINDS)
    page = plain(client.get(response.url))
    assert page.count("Merci pour votre réponse") == 4
    assert page.count("Réponse incorrecte") == 2 and page.count("✓ Bonne réponse") == 2
    assert "2 bonnes réponses sur 4." in page and "50 %" in page
    assert "4 sur une échelle de 1 à 5" in page and "Oui, sur plusieurs" in page
    assert "Comment répondre aux avis ?" in page


def test_opinions_may_be_left_unanswered(client, mixed_quiz):
    form, token = start(client, mixed_quiz.slug)
    data = answers(form, token)
    for question in form.question_list:
        if not question.scored:
            data.pop(question.field.html_name)
    response = submit(client, mixed_quiz.slug, data)
    assert response.status_code == 302
    attempt = Attempt.objects.get()
    assert attempt.score == 100
    assert [q["given"] for q in attempt.questions if q["kind"] in opinions.UNSCORED_KINDS] == [
        None
    ] * 4
    assert plain(client.get(response.url)).count("Sans réponse") == 4


@pytest.mark.parametrize(
    ("index", "value", "message"),
    [
        (0, "a-choice-of-no-question", "Cette réponse ne fait pas partie de la question."),
        (1, "6", "Cette réponse ne fait pas partie de la question."),
        (1, ["2", "3"], "Une seule réponse est possible pour cette question."),
        (2, "x" * 41, "Répondez en 40 caractères au plus."),
        (3, "x" * 281, "Répondez en 280 caractères au plus."),
    ],
)
def test_an_opinion_that_does_not_fit_its_question_is_refused(
    client, mixed_quiz, index, value, message
):
    form, token = start(client, mixed_quiz.slug)
    data = answers(form, token)
    data[f"q-{mixed_quiz.questions[index].id}"] = value
    response = submit(client, mixed_quiz.slug, data)
    assert response.status_code == 400
    assert message in plain(response)
    assert not Attempt.objects.exists()


def test_typed_answers_are_kept_without_hidden_characters(client, mixed_quiz):
    form, token = start(client, mixed_quiz.slug)
    data = answers(form, token)
    data[f"q-{mixed_quiz.questions[2].id}"] = "  Réac\u200btivité\u202e\x07 "
    submit(client, mixed_quiz.slug, data)
    given = {q["kind"]: q["given"] for q in Attempt.objects.get().questions}
    assert given["word_cloud"] == "Réactivité"


def test_a_quiz_of_opinions_only_thanks_without_a_score(client):
    quiz = QuizFactory(questions=opinion_questions(), pass_mark=60)
    form, token = start(client, quiz.slug)
    response = submit(client, quiz.slug, answers(form, token))
    attempt = Attempt.objects.get()
    assert (attempt.question_count, attempt.passed) == (0, None)
    page = plain(client.get(response.url))
    assert "Merci pour vos réponses" in page
    assert "Pas encore réussi" not in page and "bonne réponse sur" not in page


# Scores everywhere else: an assigned quiz, the workshop's results.


def test_an_assigned_quiz_and_the_workshop_results_count_only_scored_questions(
    client, people, mixed_quiz
):
    workshop, assignment = make_workshop(people["trainer"], [people["learner"]], mixed_quiz)
    client.force_login(people["learner"])
    take(client, assignment, pick=half_right)
    attempt = Attempt.objects.get()
    assert (attempt.score, attempt.question_count) == (50, 4)
    client.force_login(people["trainer"])
    results = plain(client.get(reverse("workshops:results", args=[workshop.pk])))
    assert "50 %" in results
    detail = plain(client.get(reverse("workshops:assignment_detail", args=[assignment.pk])))
    # Each scored question has its report; those without a right answer have none.
    assert detail.count('class="section question-report"') == 4
    assert "Votre entreprise est-elle déjà sur un réseau social" not in detail


# The rules of quizzes.opinions.


def test_words_are_the_same_whatever_their_case_accents_and_simple_plurals():
    key = opinions.word_key
    assert key("Réactivité") == key("reactivite") == key(" RÉACTIVITÉ ")
    assert key("Avis clients") == key("avis client")
    assert key("réseaux") == key("Réseau")
    assert key("l’écoute") == key("L'écoute")
    assert key("stress") == "stress" and key("vis") == "vis"
    words = opinions.word_counts(
        ["Réactivité", "réactivité", "reactivite", "Écoute", "Clients", "client", "prix"],
        hidden={key("prix")},
    )
    # Each word as most often typed (among equals, as first typed), the most frequent first.
    assert words == [
        ("Réactivité", "reactivite", 3),
        ("Clients", "client", 2),
        ("Écoute", "ecoute", 1),
    ]


def test_a_scale_s_spread_and_its_mean():
    question = opinions.snapshot("scale", "À l'aise ?", scale="1-5")
    spread = opinions.scale_distribution(question, [4, 5, 4, 2, 9])
    assert spread["rows"] == [(1, 0), (2, 1), (3, 0), (4, 2), (5, 1)]
    assert (spread["answered"], spread["mean"]) == (4, Decimal("3.8"))
    assert opinions.scale_distribution(question, [])["mean"] is None


@pytest.mark.parametrize(
    ("question", "value", "kept"),
    [
        (opinions.snapshot("scale", "?", scale="0-10"), "0", 0),
        (opinions.snapshot("scale", "?", scale="0-10"), 10, 10),
        (opinions.snapshot("scale", "?", scale="0-10"), ["7"], 7),
        (opinions.snapshot("word_cloud", "?"), "  bouche\u200b-à-oreille ", "bouche-à-oreille"),
        (opinions.snapshot("poll", "?", choices=[("a", "A"), ("b", "B")]), "b", ["b"]),
        (
            opinions.snapshot("poll", "?", choices=[("a", "A"), ("b", "B")], multiple=True),
            ["b", "a", "b"],
            ["b", "a"],
        ),
    ],
)
def test_an_answer_is_kept_as_its_kind_keeps_it(question, value, kept):
    assert opinions.parse(question, value) == kept


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (opinions.snapshot("scale", "?", scale="1-5"), 0),
        (opinions.snapshot("scale", "?", scale="1-5"), True),
        (opinions.snapshot("scale", "?", scale="1-5"), "3,5"),
        (opinions.snapshot("word_cloud", "?"), "\u200b \x1b"),
        (opinions.snapshot("word_cloud", "?"), {"text": "x"}),
        (opinions.snapshot("open", "?"), "x" * 281),
        (opinions.snapshot("poll", "?", choices=[("a", "A"), ("b", "B")]), ["a", "b"]),
        (opinions.snapshot("poll", "?", choices=[("a", "A")]), "z"),
        (opinions.snapshot("poll", "?", choices=[("a", "A")]), [["a"]]),
    ],
)
def test_an_answer_that_does_not_fit_is_refused(question, value):
    with pytest.raises(opinions.Invalid):
        opinions.parse(question, value)


# The drawings (figures.distributions).


def test_a_word_cloud_draws_every_word_apart_and_inside_its_frame():
    words = (
        [("réactivité", 9), ("écoute", 5), ("<script>", 4)]
        + [(f"mot{n}", 1) for n in range(30)]
        + [("anticonstitutionnellement" * 2, 1)]
    )
    svg = str(word_cloud("q1", "Nuage", words, description="Les mots."))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    boxes = []
    for x, y, size, width, word in re.findall(
        r'<text class="cloud__word [^"]+" x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)" '
        r'textLength="([\d.]+)"[^>]*>([^<]*)</text>',
        svg,
    ):
        x, y, size, width = float(x), float(y), float(size), float(width)
        assert 0 <= x and x + width <= CLOUD_WIDTH, word
        boxes.append((x, x + width, y - size * 0.8, y + size * 0.2, word))
    assert len(boxes) == len(words)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]
            assert apart, (a, b)
    sizes = {
        word: float(size) for size, word in re.findall(r'font-size="([\d.]+)"[^>]*>([^<]*)<', svg)
    }
    assert sizes["réactivité"] > sizes["écoute"] > sizes["mot1"]
    assert word_cloud("q1", "Nuage", []) is None


def test_a_scale_s_columns_and_mean():
    svg = str(
        scale_columns(
            "q2",
            "Échelle",
            [(1, 0), (2, 1), (3, 0), (4, 2), (5, 1)],
            low_label="1 = Pas du tout",
            high_label="5 = Tout à fait",
            mean=Decimal("3.8"),
            mean_text="Moyenne : 3,8",
        )
    )
    assert svg.count('class="scale__column"') == 5
    heights = [float(h) for h in re.findall(r'class="scale__column"[^>]* height="([\d.]+)"', svg)]
    assert heights[0] == 0 and heights[3] == max(heights) and heights[1] == heights[3] / 2
    assert "Moyenne : 3,8" in svg and "Pas du tout" in svg and "Tout à fait" in svg
    mean_x = float(re.search(r'class="scale__mean" x1="([\d.]+)"', svg).group(1))
    centres = [float(x) for x in re.findall(r'class="scale__value" x="([\d.]+)"', svg)]
    assert centres[3] > mean_x > centres[2]  # 3.8: between 3 and 4, nearer 4
    assert mean_x - centres[2] > centres[3] - mean_x


def test_the_first_lesson_s_quiz_opens_with_two_opinions_of_the_seed():
    """The seed's one natural place for them: "pour commencer", before the first lesson's
    questions (a trainer opens a workshop with them; a self-learner may skip them)."""
    quiz = Quiz.objects.get(slug="quiz-comprendre-les-reseaux-sociaux")
    kinds = [child.block_type for child in quiz.questions]
    assert kinds[:2] == ["poll", "scale"]
    assert all(kind not in opinions.UNSCORED_KINDS for kind in kinds[2:])
    assert all(child.value["text"].startswith("Pour commencer") for child in quiz.questions[:2])
