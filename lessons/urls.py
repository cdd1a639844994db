from django.urls import path

from . import views

app_name = "lessons"

urlpatterns = [
    path("<int:pk>/lue/", views.lesson_read, name="read"),
]
