from django.urls import path

from . import views

app_name = "attestations"

urlpatterns = [
    path("atelier/<int:pk>/", views.workshop, name="workshop"),
    path("atelier/<int:pk>/delivrer/", views.issue, name="issue"),
    path("atelier/<int:pk>/attestations.zip", views.download_all, name="download_all"),
    path("atelier/<int:pk>/rapport.pdf", views.group_report, name="group_report"),
    path("<uuid:token>/revoquer/", views.revoke, name="revoke"),
    path("<uuid:token>/<str:document>.pdf", views.download, name="download"),
    path("verifier/<uuid:token>/", views.verify, name="verify"),
]
