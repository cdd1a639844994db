from django.urls import path

from . import views

app_name = "convocations"

urlpatterns = [
    path("atelier/<int:pk>/", views.workshop, name="workshop"),
    path("atelier/<int:pk>/envoyer/", views.send, name="send"),
]
