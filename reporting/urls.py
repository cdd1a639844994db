from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.choose_year, name="choose_year"),
    path("<int:year>/", views.report_page, name="yearly_report"),
    path("<int:year>/bilan.csv", views.report_csv, name="yearly_report_csv"),
    path("<int:year>/bilan.pdf", views.report_pdf, name="yearly_report_pdf"),
]
