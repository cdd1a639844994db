"""Published results (Qualiopi indicator 2) and the yearly report (bilan pédagogique et financier,
cerfa 10443): figures computed from the sheets and the tests, checked against a year of two
workshops counted by hand (tests/reporting_helpers.py)."""

import csv
import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from pypdf import PdfReader

from reporting.models import ResultsPage
from tests.clock import at
from tests.factories import EditorFactory, TrainerFactory, UserFactory, WorkshopFactory
from tests.html_forms import form_data
from tests.reporting_helpers import two_workshops_of_2025
from tests.workshop_helpers import held_session
from workshops.models import Membership, TraineeType, TrainingBody

pytestmark = pytest.mark.django_db

YEAR_2025 = "?du=2025-01-01&au=2025-12-31"


def text_of(response):
    """The page's text (without its tags), spaces and typographic spaces made plain."""
    html = strip_tags(response.content.decode())
    for entity, plain in (("&#x27;", "'"), ("&nbsp;", " "), ("\u00a0", " "), ("\u202f", " ")):
        html = html.replace(entity, plain)
    return " ".join(html.split())


def results_url():
    return ResultsPage.objects.get().url


def figures(response):
    return {figure.key: figure for figure in response.context["results"].figures()}


@pytest.fixture
def year():
    return two_workshops_of_2025()


@pytest.fixture
def trainer_client(year):
    client = Client()
    client.force_login(year["tina"])
    return client


# The published results.


def test_the_seed_publishes_the_results_page_and_the_footer_links_it(client):
    page = ResultsPage.objects.get()
    assert page.live and page.title == "Nos résultats"
    response = client.get("/")
    assert f'href="{page.url}"' in response.content.decode()
    text = text_of(client.get(page.url))
    assert "Satisfaction des participants" in text and "pas encore mesurée" in text


def test_the_results_of_2025_are_those_counted_by_hand(client, year):
    with at("2026-02-10 10:00"):
        response = client.get(results_url() + YEAR_2025)
    assert response.status_code == 200
    shown = figures(response)
    # A and B were held; 4 sheets prove it (B's second was never countersigned, its third is
    # of 2026).
    assert shown["workshops"].value == "2"
    assert "ateliers ont eu lieu du 1 janvier 2025 au 31 décembre 2025" in shown["workshops"].label
    assert "d'après 4 feuilles d'émargement contresignées" in shown["workshops"].sample
    # Léa, Omar, Nina, Zoé: Léa once though she followed both; Paul never came.
    assert shown["people"].value == "4"
    assert shown["people"].label.startswith("personnes ont été formées du 1 janvier 2025")
    # 10 + 6.5 + 3.5 (A) + 4 + 4 (B, 2025 only).
    assert shown["hours"].value == "28"
    # Of Léa, Omar and Nina (Paul's 100 % does not count): Léa passed, Nina rose, Omar neither.
    assert shown["success"].value == "67 %"
    assert "Sur 3 participants formés qui ont passé le test final." == shown["success"].sample
    assert shown["satisfaction"].value == "pas encore mesurée"
    for figure in shown.values():
        assert figure.computed == "Calculé le 10 février 2026 à 10:00."
    text = text_of(response)
    assert "4 personnes ont été formées du 1 janvier 2025 au 31 décembre 2025" in text
    assert "Calculé le 10 février 2026 à 10:00." in text


def test_the_default_period_is_the_pages_last_months(client, year):
    page = ResultsPage.objects.get()
    page.period_months = 3
    page.save_revision().publish()
    with at("2025-12-15 09:00"):  # 16 September – 15 December 2025: workshop B only
        response = client.get(results_url())
    shown = figures(response)
    assert "du 16 septembre 2025 au 15 décembre 2025" in shown["workshops"].label
    values = [shown[key].value for key in ("workshops", "people", "hours")]
    assert values == ["1", "2", "8"]
    assert shown["success"].value == "—"
    assert "Sur 0 participant formé" in shown["success"].sample
    assert "no-cache" in response["Cache-Control"] and "X-Page-Cache" not in response


def test_the_satisfaction_rate_comes_from_the_hot_questionnaires_overall_question(client, year):
    """Measured by the satisfaction app (registered on workshops.indicators): the share of
    the "à chaud" answers in the upper part of the overall question's scale."""
    from satisfaction import services
    from satisfaction.models import Timing
    from satisfaction.seed import build_questionnaires

    build_questionnaires()
    questionnaire = services.questionnaire(Timing.HOT)
    overall = services.snapshot(questionnaire)[0]
    assert overall["overall"]
    for workshop, mark in ((year["a"], "5"), (year["a"], "4"), (year["b"], "2")):
        learner = UserFactory()
        Membership.objects.create(workshop=workshop, user=learner)
        row = services.hot_request(workshop, learner)
        services.answer(row, questionnaire, {overall["id"]: mark})
    with at("2026-02-10 10:00"):
        shown = figures(client.get(results_url() + YEAR_2025))
    assert shown["satisfaction"].value == "67 %"
    assert shown["satisfaction"].sample == "Sur 3 réponses au questionnaire de satisfaction."


@pytest.mark.parametrize(
    "query, message",
    [
        ("?du=2025-12-31&au=2025-01-01", "Le début de la période doit précéder sa fin."),
        ("?du=2026-01-01&au=2026-03-01", "La période ne peut pas finir après aujourd’hui"),
        ("?du=2019-01-01&au=2025-12-31", "Choisissez une période de 5 ans au plus."),
        ("?du=demain&au=2025-12-31", "Saisissez une date, par exemple 31/12/2025."),
    ],
)
def test_a_wrong_period_is_named_and_the_default_one_shown(client, year, query, message):
    with at("2026-02-10 10:00"):
        response = client.get(results_url() + query)
    assert response.status_code == 200
    text = text_of(response)
    assert "Le formulaire contient des erreurs" in text and message in text
    assert response.context["results"].first_day == date(2025, 2, 11)
    assert response.context["results"].last_day == date(2026, 2, 10)


def test_editors_publish_or_withdraw_the_page_and_write_its_comment(client, year):
    page = ResultsPage.objects.get()
    page.comment = "<p>Nos ateliers ont repris en mars.</p>"
    page.save_revision().publish()
    assert "Nos ateliers ont repris en mars." in text_of(client.get(results_url()))
    page.unpublish()
    assert client.get("/nos-resultats/").status_code == 404
    assert 'href="/nos-resultats/"' not in client.get("/").content.decode()


# The yearly report.


def report(client, year=2025, suffix=""):
    return client.get(reverse("reporting:yearly_report", args=[year]) + suffix)


def frame_lines(response, number):
    frame = next(f for f in response.context["report"].frames if f.number == number)
    return [(line.code, str(line.label), line.count, line.hours_display) for line in frame.lines]


def test_the_yearly_report_of_2025_is_the_one_counted_by_hand(trainer_client):
    with at("2026-02-10 10:00"):
        response = report(trainer_client)
    assert response.status_code == 200
    assert frame_lines(response, "F-1") == [
        ("a", "Salariés d'employeurs privés hors apprentis", 1, "10"),  # Léa in A
        ("b", "Apprentis", 1, "4"),  # Zoé
        ("c", "Personnes en recherche d'emploi", 1, "6,5"),  # Omar
        ("d", "Particuliers à leurs propres frais", 1, "3,5"),  # Nina
        ("e", "Autres stagiaires", 1, "4"),  # Léa in B
        ("", "Total", 5, "28"),
    ]
    objectives = frame_lines(response, "F-3")
    assert objectives[1] == (
        "b",
        "Formations visant une certification ou une habilitation enregistrée au répertoire "
        "spécifique (RS)",
        2,
        "8",
    )
    assert objectives[3] == ("d", "Autres formations professionnelles", 3, "20")
    assert [line[2] for line in objectives] == [0, 2, 0, 3, 0, 0, 5]
    assert frame_lines(response, "F-4") == [
        ("312", "Commerce, vente", 3, "20"),
        ("326", "Informatique, traitement de l'information, réseaux", 2, "8"),
        ("", "Total", 5, "28"),
    ]
    # Tina: A's 10 hours; Théo: A's 10 and B's 4 of 2025.
    assert frame_lines(response, "E") == [
        (
            "",
            "Formateurs des ateliers (salariés de l'organisme ou intervenants extérieurs)",
            2,
            "24",
        )
    ]
    text = text_of(response)
    for unknown in ("C", "D", "F-2", "G", "H"):
        assert unknown in [f.number for f in response.context["report"].frames]
    assert text.count("non connu de la plateforme") >= 5
    assert "Cadre F-1 · Type de stagiaires de l’organisme" in text
    assert "Calculé le 10 février 2026 à 10:00." in text


def test_the_trainer_sets_the_type_of_trainee_on_the_roster(client, year):
    a, lea = year["a"], year["lea"]
    membership = Membership.objects.get(workshop=a, user=lea)
    client.force_login(year["tina"])
    page = text_of(client.get(reverse("workshops:detail", args=[a.pk])))
    assert "Type de stagiaire de Léa Roux" in page
    url = reverse("workshops:trainee_type", args=[a.pk, membership.pk])
    response = client.post(url, {"trainee_type": "job_seeker"}, follow=True)
    assert "Type de stagiaire de Léa Roux : demandeur d’emploi." in text_of(response)
    membership.refresh_from_db()
    assert membership.trainee_type == TraineeType.JOB_SEEKER
    response = client.post(url, {"trainee_type": "astronaute"}, follow=True)
    assert "Choisissez un type de stagiaire dans la liste." in text_of(response)
    membership.refresh_from_db()
    assert membership.trainee_type == TraineeType.JOB_SEEKER
    # Another trainer's workshop: not found.
    other = WorkshopFactory()
    client.force_login(other.trainers.get())
    assert client.post(url, {"trainee_type": "other"}).status_code == 404


def test_a_year_without_workshop_says_so_and_gives_no_file(trainer_client):
    response = report(trainer_client, 2024)
    assert response.status_code == 200
    text = text_of(response)
    assert "Aucun atelier n’a eu de séance émargée et contresignée en 2024" in text
    assert "Télécharger le PDF" not in text
    for name in ("reporting:yearly_report_pdf", "reporting:yearly_report_csv"):
        download = trainer_client.get(reverse(name, args=[2024]))
        assert download.status_code == 302
        assert download.url == reverse("reporting:yearly_report", args=[2024])


@pytest.mark.parametrize("asked", ["deux-mille", "1999", "2999"])
def test_a_wrong_year_is_named(trainer_client, asked):
    with at("2026-02-10 10:00"):
        response = trainer_client.get(reverse("reporting:choose_year") + f"?annee={asked}")
    assert response.status_code == 400
    assert "Choisissez une année entre 2000 et 2026, par exemple 2025." in text_of(response)


def test_the_year_form_leads_to_the_years_report(trainer_client):
    with at("2026-02-10 10:00"):
        default = trainer_client.get(reverse("reporting:choose_year"))
        chosen = trainer_client.get(reverse("reporting:choose_year") + "?annee=2025")
    assert default.url == chosen.url == reverse("reporting:yearly_report", args=[2025])


def test_who_sees_the_yearly_report(year):
    url = reverse("reporting:yearly_report", args=[2025])
    dashboard = reverse("workshops:dashboard")
    client = Client()
    assert client.get(url).status_code == 302  # to the sign-in page
    for user, status in (
        (UserFactory(), 403),
        (EditorFactory(), 403),
        (TrainerFactory(), 200),
        (UserFactory(is_superuser=True, is_staff=True), 200),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status
    client.force_login(year["theo"])
    assert "Bilan pédagogique et financier" in text_of(client.get(dashboard))
    # An administrator gives the permission to the editors' group, in Wagtail's group editor.
    from django.contrib.auth.models import Group, Permission

    editor = EditorFactory()
    Group.objects.get(name="Editors").permissions.add(
        Permission.objects.get(codename="view_yearly_report")
    )
    client.force_login(editor)
    assert client.get(url).status_code == 200
    admin = client.get(reverse("wagtailadmin_home"))
    assert reverse("reporting:choose_year") in admin.content.decode()


def test_the_csv_opens_in_a_french_spreadsheet_and_runs_no_formula(trainer_client, year):
    a = year["a"]
    a.name = '=HYPERLINK("http://example.test","Cliquez")'
    a.save()
    body = TrainingBody.load()
    body.name = "@SOMME(A1:A9)"
    body.save()
    response = report(trainer_client, suffix="bilan.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="bilan-pedagogique-et-financier-2025.csv"' in response["Content-Disposition"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://example.test","Cliquez")' in cells
    assert "'@SOMME(A1:A9)" in cells
    assert not any(cell[:1] in ("=", "+", "-", "@") for cell in cells)
    assert ["F-1", "c", "Personnes en recherche d'emploi", "1", "6,5", ""] in rows
    assert ["F-4", "", "Total", "5", "28", ""] in rows
    assert ["C", "", "Tout le cadre", "", "", "non connu de la plateforme"] in rows


def test_the_pdf_reads_back_with_the_cerfas_frames(trainer_client):
    with at("2026-02-10 10:00"):
        response = report(trainer_client, suffix="bilan.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(
        " ".join(page.extract_text().replace("\u00a0", " ").replace("\u202f", " ").split())
        for page in reader.pages
    )
    assert "Bilan pédagogique et financier 2025" in text
    for heading in (
        "Cadre A · Identification de l’organisme de formation",
        "Cadre C · Bilan financier hors taxes",
        "Cadre E · Personnes dispensant des heures de formation",
        "Cadre F-1 · Type de stagiaires de l’organisme",
        "Cadre F-3 · Objectif général des prestations dispensées",
        "Cadre F-4 · Spécialités de formation",
        "Cadre G · Bilan pédagogique",
    ):
        assert heading in text, heading
    assert "Personnes en recherche d’emploi 1 6,5" in text
    assert "Commerce, vente 3 20" in text
    assert "non connu de la plateforme" in text
    assert "Réseaux sociaux pour commerçants" in text and "Le CRM social" in text
    assert "Calculé le 10 février 2026 à 10:00." in text


def test_a_workshop_without_speciality_is_named_in_the_report(trainer_client, year):
    b = year["b"]
    b.speciality = ""
    b.save()
    response = report(trainer_client)
    assert ("", "Spécialité non renseignée", 2, "8") in frame_lines(response, "F-4")
    assert "Spécialité de formation non renseignée pour : « Le CRM social »" in text_of(response)


def test_a_learner_removed_from_the_roster_is_not_counted(trainer_client, year):
    """Only the roster's learners are trained: a line of someone no longer on it counts no
    one (nor does a session signed without a countersignature)."""
    Membership.objects.filter(workshop=year["b"], user__email="zoe@test.fr").delete()
    held_session(year["b"], year["theo"], [], date(2025, 12, 1), "09:00", "10:00")
    response = report(trainer_client)
    assert frame_lines(response, "F-1")[-1] == ("", "Total", 4, "24")
    assert frame_lines(response, "E")[0][2:] == (2, "25")


def test_the_workshops_form_sets_its_general_objective_and_speciality(client, year):
    b = year["b"]
    client.force_login(year["theo"])
    url = reverse("workshops:edit", args=[b.pk])
    data = form_data(client.get(url).content.decode())
    assert (data["general_objective"], data["speciality"]) == (["rs"], ["326"])
    data.update(general_objective=["skills_review"], speciality=["312"])
    assert client.post(url, data).status_code == 302
    b.refresh_from_db()
    assert (b.general_objective, b.speciality) == ("skills_review", "312")
    data.update(speciality=["999"])
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["speciality"]
    b.refresh_from_db()
    assert b.speciality == "312"


def test_the_type_given_in_the_invitation_is_the_learners_on_the_roster(
    client, year, django_capture_on_commit_callbacks
):
    a = year["a"]
    client.force_login(year["tina"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workshops:invite", args=[a.pk]),
            {
                "first_name": "Hugo",
                "last_name": "Martin",
                "email": "hugo@test.fr",
                "trainee_type": "individual",
            },
        )
    invitation = a.invitations.get()
    assert invitation.trainee_type == TraineeType.INDIVIDUAL
    hugo = UserFactory(email="hugo@test.fr")
    client.force_login(hugo)
    client.post(invitation.get_absolute_url())
    assert Membership.objects.get(workshop=a, user=hugo).trainee_type == TraineeType.INDIVIDUAL
