from django.urls import path

from . import views

app_name = "satisfaction"

urlpatterns = [
    path("atelier/<int:pk>/", views.hot, name="hot"),
    path("avis/<str:token>/", views.cold, name="cold"),
    path("atelier/<int:pk>/resultats/", views.results, name="results"),
    path("atelier/<int:pk>/synthese.pdf", views.results_pdf, name="results_pdf"),
    path("atelier/<int:pk>/syntheses/conserver/", views.keep_summary, name="keep_summary"),
    path(
        "atelier/<int:pk>/syntheses/<int:summary_pk>/",
        views.kept_summary,
        name="kept_summary",
    ),
]
