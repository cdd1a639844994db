from django.urls import path

from . import views

app_name = "lessons"

urlpatterns = [
    path("<int:pk>/lue/", views.lesson_read, name="read"),
    path("<int:pk>/position/", views.lesson_position, name="position"),
]
