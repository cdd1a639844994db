from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    # Trainers (before the codes: "animer" is not a session's code)
    path("animer/", views.sessions, name="sessions"),
    path("animer/nouvelle/", views.start, name="start"),
    path("<str:code>/projecteur/", views.projector, name="projector"),
    path("<str:code>/projecteur/etat/", views.projector_state, name="projector_state"),
    path("<str:code>/projecteur/action/", views.action, name="action"),
    path("<str:code>/projecteur/question/", views.add_question, name="add_question"),
    path("<str:code>/moderation/", views.moderation, name="moderation"),
    path("<str:code>/resultats/", views.results, name="results"),
    path("<str:code>/resultats.csv", views.export, name="export"),
    # Participants
    path("", views.join, name="join"),
    path("<str:code>/", views.play, name="play"),
    path("<str:code>/etat/", views.play_state, name="play_state"),
]
