"""The published results page, as `build_content` creates it: its figures are computed, the
editors write only its title, its default period and a comment."""

from .models import ResultsPage

RESULTS_PAGE = {
    "title": "Nos résultats",
    "slug": "nos-resultats",
    "search_description": (
        "Ateliers réalisés, personnes formées, heures de formation, réussite aux tests et "
        "satisfaction des participants, calculés à partir de nos feuilles d'émargement et de "
        "nos tests."
    ),
    "period_months": 12,
    "comment": "",
}


def build_results_page(home):
    page = ResultsPage.objects.first()  # one only (max_count)
    if page:
        return page, False
    page = ResultsPage(**RESULTS_PAGE)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
