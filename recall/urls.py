from django.urls import path

from . import views

app_name = "recall"

urlpatterns = [
    path("", views.review, name="review"),
    path("envoyer/", views.submit, name="submit"),
    path("resultat/<uuid:round_id>/", views.result, name="result"),
    path("rappels/", views.reminder_choice, name="reminders"),
    path("rappels/arreter/<uuid:token>/", views.unsubscribe, name="unsubscribe"),
]
