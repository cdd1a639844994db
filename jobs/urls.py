from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/etat/", views.state, name="state"),
    path("<uuid:pk>/fichier/", views.download, name="download"),
    path("<uuid:pk>/relancer/", views.retry, name="retry"),
]
