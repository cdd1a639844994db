"""A figure's value as editors type it and as readers read it: "80,5" is 80.5 (not 805), a
value impossible in its unit is refused in French, and every place writes "80,5 %", never
"80,50 %"."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from figures.models import Statistic, Unit
from figures.wording import plain_number
from quizzes.numbers import french_number
from tests.factories import StatisticFactory
from tests.html_forms import edit_form

pytestmark = pytest.mark.django_db


def save(client, statistic, **changes):
    url = reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])
    return client.post(url, edit_form(client, url, statistic) | changes)


def saved_value(statistic):
    statistic.refresh_from_db()
    return statistic.latest_revision.as_object().value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("80,5", Decimal("80.5")),
        ("80.5", Decimal("80.5")),
        (" 80,5 ", Decimal("80.5")),
        ("12", Decimal("12")),
        ("0,25", Decimal("0.25")),
    ],
)
def test_a_value_typed_the_french_way_is_saved_as_typed(client, editor, typed, value):
    statistic = StatisticFactory(value=65)
    client.force_login(editor)
    assert save(client, statistic, value=typed).status_code == 302
    assert saved_value(statistic) == value


def test_a_count_may_be_typed_with_spaces_between_thousands(client, editor):
    statistic = StatisticFactory(value=10, unit=Unit.COUNT)
    client.force_login(editor)
    assert save(client, statistic, value="1\u202f234,5").status_code == 302
    assert saved_value(statistic) == Decimal("1234.5")


def test_the_value_is_a_text_field_with_a_decimal_keypad_showing_the_french_number(client, editor):
    """A number field would drop the comma of "80,5"; the field shows the value back as the
    site writes it, without trailing zeros."""
    statistic = StatisticFactory(value=Decimal("80.50"))
    client.force_login(editor)
    html = client.get(
        reverse("wagtailsnippets_figures_statistic:edit", args=[statistic.pk])
    ).content.decode()
    field = re.search(r'<input[^>]*name="value"[^>]*>', html).group(0)
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    assert 'value="80,5"' in field
    assert "Une virgule pour les décimales" in html


@pytest.mark.parametrize(
    ("unit", "denominator", "typed", "field", "message"),
    [
        (Unit.PERCENT, None, "100,5", "value", "Un pourcentage est compris entre 0 et 100 %."),
        (Unit.PERCENT, None, "-2", "value", "Un pourcentage est compris entre 0 et 100 %."),
        (Unit.SHARE, 3, "4", "value", "Une part est comprise entre 0 et 3 sur 3."),
        (Unit.SHARE, None, "1", "denominator", "Une part se lit « 4 sur 5 »"),
        (Unit.PERCENT, 5, "40", "denominator", "Seule une part a un « sur »"),
        (Unit.COUNT, None, "-3", "value", "ne peut pas être négatif"),
        (Unit.MINUTES, None, "-90", "value", "Une durée ne peut pas être négative."),
        (Unit.HOURS, None, "-1,5", "value", "Une durée ne peut pas être négative."),
        (Unit.PERCENT, None, "quatre-vingts", "value", "Saisissez un nombre, avec une virgule"),
        (Unit.PERCENT, None, "80,555", "value", "2 chiffres après la virgule"),
    ],
)
def test_a_value_impossible_in_its_unit_is_refused_in_french(
    client, editor, unit, denominator, typed, field, message
):
    statistic = StatisticFactory(value=65)
    client.force_login(editor)
    response = save(client, statistic, unit=unit, denominator=denominator or "", value=typed)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field]), errors
    statistic.refresh_from_db()
    assert saved_value(statistic) == 65 and statistic.unit == Unit.PERCENT


def test_a_possible_value_of_each_unit_is_accepted(client, editor):
    statistic = StatisticFactory(value=65)
    client.force_login(editor)
    for unit, denominator, typed in [
        (Unit.PERCENT, "", "100"),
        (Unit.PERCENT, "", "0"),
        (Unit.SHARE, "3", "3"),
        (Unit.COUNT, "", "2500"),
        (Unit.MINUTES, "", "90"),
        (Unit.HOURS, "", "1,5"),
    ]:
        response = save(client, statistic, unit=unit, denominator=denominator, value=typed)
        assert response.status_code == 302, (unit, typed)


@pytest.mark.parametrize(
    ("value", "unit", "denominator", "shown"),
    [
        ("80.50", Unit.PERCENT, None, "80,5\u00a0%"),
        ("80.00", Unit.PERCENT, None, "80\u00a0%"),
        ("100.00", Unit.PERCENT, None, "100\u00a0%"),
        ("0.50", Unit.PERCENT, None, "0,5\u00a0%"),
        ("2.50", Unit.SHARE, 10, "2,5 sur 10"),
        ("1234.50", Unit.COUNT, None, "1\u00a0234,5"),
        ("1500.00", Unit.COUNT, None, "1\u00a0500"),
        ("90.00", Unit.MINUTES, None, "1\u00a0h\u00a030"),
        ("45.50", Unit.MINUTES, None, "45,5\u00a0min"),
        ("1.50", Unit.HOURS, None, "1,5\u00a0h"),
    ],
)
def test_a_figure_is_written_without_trailing_zeros(value, unit, denominator, shown):
    statistic = Statistic(value=Decimal(value), unit=unit, denominator=denominator)
    assert statistic.display_value == shown


def test_every_place_writes_a_decimal_figure_the_same_way(client):
    """The lesson's paragraph and card, the key figures page, the admin's listing and a
    numeric answer's range, all from one statistic at 80.50."""
    from lessons.models import LessonPage

    statistic = Statistic.objects.get(slug="communaute-bons-plans")
    statistic.value = Decimal("80.50")
    statistic.save_revision().publish()
    lesson = LessonPage.objects.get(slug="fideliser-ses-clients")
    for url in (lesson.url, "/chiffres-cles/"):
        html = client.get(url).content.decode()
        assert "80,5\u00a0%" in html and "80,50" not in html, url
    assert plain_number(Decimal("80.50")) == french_number(Decimal("80.50")) == "80,5"
    assert french_number(Decimal("-0.00")) == "0"


def test_a_numeric_question_s_ranges_are_written_without_trailing_zeros():
    from quizzes.reports import numeric_ranges

    question = {"answer": "80.50", "tolerance": "2.00", "unit": "%"}
    labels = [str(spread.label) for spread in numeric_ranges(question)]
    assert labels == ["En dessous de 78,5 %", "De 78,5 à 82,5 %", "Au-dessus de 82,5 %"]
