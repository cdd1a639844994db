from django.urls import path

from . import views

app_name = "attendance"

urlpatterns = [
    # Participants
    path("", views.sign_list, name="sign_list"),
    path("feuille/<int:pk>/", views.sign_sheet, name="sign_sheet"),
    path("lien/<str:token>/", views.sign_by_link, name="sign_by_link"),
    # Trainers
    path("atelier/<int:pk>/", views.sheet, name="sheet"),
    path("atelier/<int:pk>/feuilles.pdf", views.sheet_pdf, name="sheet_pdf"),
    path("feuille/<int:pk>/projeter/", views.projector, name="projector"),
    path("feuille/<int:pk>/code/", views.projector_state, name="projector_state"),
    path("seance/<int:pk>/envoyer-liens/", views.send_links, name="send_links"),
    path("seance/<int:pk>/envoyer-lien/<int:user_id>/", views.send_links, name="send_link"),
    path("feuille/<int:pk>/contresigner/", views.countersign, name="countersign"),
    path("feuille/<int:pk>/absent/<int:user_id>/", views.absent, name="absent"),
    path("feuille/<int:pk>/retard/<int:user_id>/", views.allow_late, name="allow_late"),
    path("feuille/<int:pk>/preuves.json", views.proof_file, name="proof_file"),
    path("signature/<int:pk>/contester/", views.contest, name="contest"),
]
