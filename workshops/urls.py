from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    # Trainers
    path("", views.dashboard, name="dashboard"),
    path("nouveau/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/programme/", views.schedule, name="schedule"),
    path("<int:pk>/archiver/", views.archive, name="archive"),
    path("<int:pk>/participants/<int:user_id>/retirer/", views.remove_member, name="remove_member"),
    path(
        "<int:pk>/inscrits/<int:membership_pk>/type/",
        views.set_trainee_type,
        name="trainee_type",
    ),
    path("<int:pk>/formateurs/", views.add_trainer, name="add_trainer"),
    path("<int:pk>/inviter/", views.invite, name="invite"),
    path("<int:pk>/invitations/<int:invitation_pk>/renvoyer/", views.reinvite, name="reinvite"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/annuler/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path("<int:pk>/demandes/", views.answer_join_requests, name="join_requests"),
    path("<int:pk>/assigner/", views.create_assignment, name="create_assignment"),
    path("<int:pk>/resultats/", views.results, name="results"),
    path("<int:pk>/test-entree/rouvrir/", views.reopen_entry_test, name="reopen_entry"),
    path("<int:pk>/resultats.csv", views.export_results, name="export"),
    path("<int:pk>/resultats/<int:attempt_pk>/", views.learner_attempt, name="learner_attempt"),
    path("quiz-assignes/<int:pk>/modifier/", views.edit_assignment, name="edit_assignment"),
    path("quiz-assignes/<int:pk>/supprimer/", views.delete_assignment, name="delete_assignment"),
    path("quiz-assignes/<int:pk>/questions/", views.assignment_detail, name="assignment_detail"),
    # Learners
    path("rejoindre/", views.join, name="join"),
    path("rejoindre/<str:code>/", views.join_code, name="join_code"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("mes-ateliers/<int:pk>/", views.my_workshop, name="my_workshop"),
    path("quiz-assignes/<int:pk>/", views.take, name="take"),
    path("quiz-assignes/<int:pk>/envoyer/", views.submit, name="submit"),
    path("quiz-assignes/<int:pk>/resultat/<uuid:token>/", views.result, name="result"),
]
