from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("", views.quiz_index, name="index"),
    path("resultat/<uuid:token>/", views.attempt_result, name="result"),
    path("<slug:slug>/", views.quiz_detail, name="detail"),
    path("<slug:slug>/envoyer/", views.quiz_submit, name="submit"),
]
