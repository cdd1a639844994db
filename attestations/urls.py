from django.urls import path

from . import views

app_name = "attestations"

urlpatterns = [
    path("atelier/<int:pk>/", views.workshop, name="workshop"),
    path("atelier/<int:pk>/delivrer/", views.issue, name="issue"),
    path(
        "atelier/<int:pk>/delivrer/<int:user_id>/sans-presence/",
        views.issue_without_attendance,
        name="issue_without_attendance",
    ),
    path("atelier/<int:pk>/delivrer-de-nouveau/", views.reissue_all, name="reissue_all"),
    path("<uuid:token>/delivrer-de-nouveau/", views.reissue, name="reissue"),
    path("atelier/<int:pk>/documents/", views.prepare_documents, name="prepare_documents"),
    path("atelier/<int:pk>/rapport/", views.prepare_report, name="prepare_report"),
    path("<uuid:token>/revoquer/", views.revoke, name="revoke"),
    path("<uuid:token>/<str:document>.pdf", views.download, name="download"),
    path("verifier/<uuid:token>/", views.verify, name="verify"),
    path("suivi/delivrer/", views.self_study_issue, name="self_study_issue"),
    path("suivi/<uuid:token>.pdf", views.self_study_download, name="self_study_download"),
]
