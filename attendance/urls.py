from django.urls import path

from . import views

app_name = "attendance"

urlpatterns = [
    # Participants
    path("", views.sign_list, name="sign_list"),
    path("<int:pk>/signer/", views.sign, name="sign"),
    # Trainers
    path("atelier/<int:pk>/", views.sheet, name="sheet"),
    path("atelier/<int:pk>/ouvrir/", views.open_half_day, name="open"),
    path("atelier/<int:pk>/feuille.pdf", views.sheet_pdf, name="sheet_pdf"),
    path("demi-journee/<int:pk>/contresigner/", views.countersign, name="countersign"),
    path("demi-journee/<int:pk>/absent/<int:user_id>/", views.absent, name="absent"),
]
