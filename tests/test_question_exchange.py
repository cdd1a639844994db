"""Questions in bulk, in the admin: GIFT, Aiken and a spreadsheet's CSV imported (a preview of
each question with its errors on their lines, in French, then a draft submitted to moderation)
and exported; each format's round trip gives the same questions back."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState

from quizzes.exchange.questions import items_of
from quizzes.models import Quiz
from tests.factories import (
    LessonPageFactory,
    QuizFactory,
    StatisticFactory,
    UserFactory,
    opinion_questions,
    questions_of_each_kind,
)
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

IMPORT = "wagtailsnippets_quizzes_quiz:import"
EXPORT = "wagtailsnippets_quizzes_quiz:export"

GIFT = """// Questions écrites pour l'atelier
$CATEGORY: $course$/Relation client

::Avis:: Que faire d'un avis négatif publié sur votre page ? {
=Y répondre vite et poliment #Une réponse rapide rassure.
~Le supprimer sans rien dire #Supprimer un avis fâche davantage.
~Attendre qu'il soit oublié
####Une réponse **rapide** montre que vous écoutez vos clients.
}

Un commerce doit publier au moins dix fois par jour. {F ####Mieux vaut publier moins.}

Quelle part des internautes suivaient une marque, en % ? {#60..70 ####Environ deux sur trois.}

En une phrase, votre meilleur souvenir de client ? {}
"""


def upload(client, content, name="questions.txt", **fields):
    """The preview page of an uploaded file (the first step)."""
    data = {"file": SimpleUploadedFile(name, content.encode("utf-8")), **fields}
    return client.post(reverse(IMPORT), data)


def confirm(client, preview):
    """The preview's form sent back with its "create" button."""
    data = form_data(preview.content.decode())
    data["confirm"] = "1"
    return client.post(reverse(IMPORT), data)


def test_a_gift_file_is_previewed_then_created_as_a_draft_submitted_to_moderation(
    client, editor, moderator
):
    lesson = LessonPageFactory()
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_quizzes_quiz:list")).content.decode()
    assert reverse(IMPORT) in listing and "Importer des questions" in listing
    assert client.get(reverse(IMPORT)).status_code == 200
    before = Quiz.objects.count()
    preview = upload(client, GIFT, title="Relation client, en bref", lesson=lesson.pk)
    assert preview.status_code == 200
    html = preview.content.decode()
    # Each question as it will be created, on its line; nothing created yet.
    assert "4 questions lues" in html and "4 seront créées" in html
    assert "ligne 4 · choix unique" in html and "ligne 11 · vrai ou faux" in html
    assert "ligne 13 · estimation" in html and "ligne 15 · question ouverte" in html
    assert "✓ Y répondre vite et poliment" in html and "<b>rapide</b>" in html
    assert "Ligne 2 : Catégorie Moodle « $course$/Relation client » non reprise" in html
    assert "Ligne 13 : Intervalle 60..70 repris comme 65 ± 5" in html
    assert "Ligne 4 : Titre Moodle « Avis » non repris" in html
    assert Quiz.objects.count() == before

    response = confirm(client, preview)
    quiz = Quiz.objects.get(title="Relation client, en bref")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    assert not quiz.live and quiz.lesson == lesson
    state = quiz.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    draft = quiz.latest_revision.as_object()
    kinds = [child.block_type for child in draft.questions]
    assert kinds == ["single", "true_false", "numeric", "open"]
    # A question without a lesson in the file takes the quiz's.
    assert all(c.value["lesson"].pk == lesson.pk for c in draft.questions if c.block_type != "open")
    numeric = draft.questions[2].value
    assert numeric["answer"] == 65 and numeric["tolerance"] == 5
    assert "soumises à la validation" in client.get(response["Location"]).content.decode()
    # The moderator sees it waiting.
    client.force_login(moderator)
    assert "Relation client, en bref" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_questions_added_to_a_live_quiz_wait_for_the_moderator(client, editor, quiz):
    published = [child.id for child in quiz.questions]
    client.force_login(editor)
    edit = client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])).content
    assert f"{reverse(IMPORT)}?quiz={quiz.pk}".encode() in edit
    preview = upload(client, "Deux et deux font quatre. {T ####Le calcul le dit.}", quiz=quiz.pk)
    assert f"Dans le quiz « {quiz.title} », après ses questions." in preview.content.decode()
    assert confirm(client, preview).status_code == 302
    quiz.refresh_from_db()
    assert [child.id for child in quiz.questions] == published  # the live version is unchanged
    draft = quiz.latest_revision.as_object()
    assert len(draft.questions) == len(published) + 1
    assert draft.questions[-1].value["lesson"].pk == quiz.lesson_id
    assert quiz.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # A second import waits for the moderator's decision.
    again = upload(client, "Le ciel est bleu. {T ####Oui.}", quiz=quiz.pk)
    assert "attend déjà la décision d&#x27;un modérateur" in again.content.decode()
    assert "Créer" not in again.content.decode().split("question-import__list")[1]


def test_aiken_questions_without_an_explanation_stay_a_draft_to_complete(client, editor):
    client.force_login(editor)
    aiken = "Quel réseau était le plus utilisé ?\nA. Facebook\nB. Minitel\nANSWER: A\n"
    preview = upload(client, aiken, title="Aiken")
    html = preview.content.decode()
    assert "à compléter" in html and "Sans explication" in html
    confirm(client, preview)
    quiz = Quiz.objects.get(title="Aiken")
    assert quiz.current_workflow_state is None and not quiz.live  # a draft, not submitted
    choices = quiz.latest_revision.as_object().questions[0].value["choices"]
    assert [(c["text"], c["correct"]) for c in choices] == [("Facebook", True), ("Minitel", False)]


MALFORMED = [
    (
        "gift",
        "Bonne question ? {=oui ~non}\n\nQuestion cassée {\n=oui\n~non\n\nSans réponses\n\n"
        "Trop { =a ~b } { =c ~d }\n\nRien { oui }\n",
        [
            "Ligne 3 : L'accolade { ouverte ici n'est jamais fermée.",
            "Ligne 7 : Pas de réponses entre accolades { }",
            "Ligne 9 : Un seul bloc de réponses { } par question",
            "Ligne 11 : Réponse attendue : chaque réponse commence par « = » (juste) ou « ~ »",
        ],
    ),
    (
        "aiken",
        "Bonne question ?\nA. oui\nB. non\nANSWER: A\n\nA. sans question\nANSWER: A\n\n"
        "Lettres ?\nA. un\nC. trois\nANSWER: A\n\nHors liste ?\nA. un\nB. deux\nANSWER: D\n\n"
        "Deux bonnes ?\nA. un\nB. deux\nANSWER: A, B\n\nSans fin ?\nA. un\nB. deux\n",
        [
            "Ligne 6 : Une réponse ou « ANSWER: » sans question avant.",
            "Ligne 11 : Réponse « C » : la lettre attendue ici est « B ».",
            "Ligne 17 : « ANSWER: D » : il n'y a pas de réponse D.",
            "Ligne 22 : « ANSWER: A, B » : une seule lettre est attendue",
            "Ligne 24 : La question n'a pas de ligne « ANSWER: … »",
        ],
    ),
    (
        "csv",
        "type;question;réponse 1;réponse 2;bonnes réponses;explication\n"
        "choix unique;Bonne question ?;oui;non;1;Parce que.\n"
        "devinette;Type inconnu ?;a;b;1;x\n"
        "choix unique;Réponse vide ?;oui;;2;x\n"
        "estimation;Pas un nombre ?;;;beaucoup;x\n"
        'vrai ou faux;"Sur deux\nlignes ?";;;peut-être;x\n'
        "choix multiple;Sans bonne réponse ?;a;b;;x\n",
        [
            "Ligne 3 : Type « devinette » inconnu",
            "Ligne 4 : Bonne réponse 2 : la réponse 2 est vide.",
            "Ligne 5 : « beaucoup » n'est pas un nombre.",
            "Ligne 6 : Bonne réponse d'un vrai ou faux : « vrai » ou « faux »",
            "Ligne 8 : Colonne « bonnes réponses » vide",
        ],
    ),
]


@pytest.mark.parametrize(("code", "content", "errors"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_files_name_each_error_on_its_line_in_french(
    client, editor, code, content, errors
):
    client.force_login(editor)
    name = "questions.csv" if code == "csv" else "questions.txt"
    preview = upload(client, content, name=name, format=code, title=f"Essai {code}")
    html = preview.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    for error in errors:
        assert error in html
    assert "1 sera créée" in html and f"{len(errors)} ne le seront pas" in html
    confirm(client, preview)
    created = Quiz.objects.get(title=f"Essai {code}").latest_revision.as_object().questions
    assert [child.value["text"] for child in created] == ["Bonne question ?"]


def test_what_a_format_cannot_say_is_reported_per_question(client, editor):
    gift = (
        "Appariez. {=chat -> croquettes =chien -> os}\n\n"
        "Deux et deux ? {=quatre =4}\n\n"
        "L'année ? {#=2013:0 =%50%2013:1}\n\n"
        "Réseaux ? {~%50%Facebook ~%50%Twitter ~%-100%Minitel}\n\n"
        "Publier ? {~%50%Souvent =Régulièrement ~Jamais}\n\n"
        "Vrai ? {T#Non, c'est vrai.#Bien vu.}\n\n"
        "Fin {}\n"
    )
    client.force_login(editor)
    html = upload(client, gift, title="Moodle").content.decode()
    html = html.replace("&#x27;", "'").replace("&gt;", ">")
    assert "Ligne 1 : Question d'appariement (« -> ») : non prise en charge ici." in html
    assert "Ligne 3 : Réponse courte (seulement des « = ») : non prise en charge" in html
    assert (
        "Ligne 5 : Plusieurs réponses numériques (notes partielles) : non prises en charge" in html
    )
    assert "Ligne 7 : Moodle donne des points partiels" in html
    assert "Ligne 9 : Note partielle de 50 % non reprise : « Souvent » comptée fausse." in html
    assert "Ligne 11 : Commentaires des réponses non repris" in html
    assert "3 ne le seront pas" in html


def kinds_quiz():
    lesson = LessonPageFactory()
    questions = questions_of_each_kind(lesson, StatisticFactory()) + opinion_questions()
    questions[0]["value"]["explanation"] = (
        '<p data-block-key="a1">Une réponse <b>rapide</b> et <i>polie</i> : '
        '<a href="https://www.example.org/avis">le guide</a>.</p><p>Deuxième paragraphe.</p>'
    )
    questions[1]["value"]["text"] = "=SOMME(A1) : les formules ne passent pas ?"
    return QuizFactory(lesson=lesson, questions=questions)


def download(client, quiz, code):
    response = client.get(reverse(EXPORT, args=[quiz.pk]) + f"?format={code}")
    assert response.status_code == 200
    return response


def test_the_export_page_says_what_each_format_leaves_out(client, editor):
    quiz = kinds_quiz()
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_quizzes_quiz:list")).content.decode()
    assert reverse(EXPORT, args=[quiz.pk]) in listing
    html = client.get(reverse(EXPORT, args=[quiz.pk])).content.decode().replace("&#x27;", "'")
    assert (
        "Non exportée : GIFT n'a pas de question de ce type (sondage, sans bonne réponse)." in html
    )
    assert (
        "Non exportée : GIFT n'a pas de question de ce type (échelle, sans bonne réponse)." in html
    )
    assert "Non exportée : Aiken n'a que des choix uniques (ici : choix multiple)." in html
    assert "Aiken ne peut pas garder l'explication" in html
    assert "Pour Moodle : un nuage de mots devient une question ouverte." in html
    gift = download(client, quiz, "gift")
    assert gift["Content-Disposition"] == f'attachment; filename="{quiz.slug}.gift.txt"'
    text = gift.content.decode()
    assert "// [atelier:stat=" in text and "{\n=Y répondre vite et poliment" in text
    assert "https\\://www.example.org/avis" in text  # GIFT's escapes


def test_the_csv_export_opens_in_a_french_spreadsheet_and_runs_no_formula(client, editor):
    quiz = kinds_quiz()
    client.force_login(editor)
    response = download(client, quiz, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["type", "question", "réponse 1"]
    assert rows[2][1] == "'=SOMME(A1) : les formules ne passent pas ?"
    assert not any(cell and cell[0] in "=+-@" for row in rows for cell in row)
    numeric = next(row for row in rows if row[0] == "estimation")
    assert "65" in numeric and "5" in numeric


@pytest.mark.parametrize("code", ["csv", "gift", "aiken"])
def test_export_then_import_gives_the_same_questions(client, editor, code):
    quiz = kinds_quiz()
    client.force_login(editor)
    content = download(client, quiz, code).content.decode("utf-8-sig")
    name = "q.csv" if code == "csv" else "q.txt"
    preview = upload(client, content, name=name, format=code, title=f"Retour {code}")
    assert "ne le seront pas" not in preview.content.decode()
    confirm(client, preview)
    copy = Quiz.objects.get(title=f"Retour {code}")
    original = items_of(quiz)
    back = items_of(copy)
    if code == "csv":  # everything
        assert [i.signature() for i in back] == [i.signature() for i in original]
    elif code == "gift":  # all but the poll and the scale
        kept = [i for i in original if i.kind not in ("poll", "scale")]
        assert [i.signature() for i in back] == [i.signature() for i in kept]
    else:  # single choices, true or false as one; no explanation
        kept = [i for i in original if i.kind in ("single", "true_false")]
        assert [i.kind for i in back] == ["single", "single"]
        assert [(i.text, [(c.text, c.correct) for c in i.choices]) for i in back] == [
            (kept[0].text, [(c.text, c.correct) for c in kept[0].choices]),
            (kept[1].text, [("Vrai", False), ("Faux", True)]),
        ]


def test_only_editors_import_and_export(client, quiz):
    client.force_login(UserFactory())
    response = client.get(reverse(IMPORT))
    assert response.status_code in (302, 403)
    response = client.get(reverse(EXPORT, args=[quiz.pk]) + "?format=csv")
    assert response.status_code in (302, 403) and b"type;question" not in response.content
