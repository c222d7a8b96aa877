"""The programmes' monthly report at /admin/programmes/report/ (network admins)."""
from django.urls import path

from . import views_report

app_name = "followup_report"

urlpatterns = [
    path("", views_report.report_page, name="page"),
    path("xlsx/", views_report.report_xlsx_download, name="xlsx"),
    path("pdf/", views_report.report_pdf_download, name="pdf"),
]
