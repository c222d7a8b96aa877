"""The cooperative's catalog spreadsheets at /coop/catalog/ (mounted in backend/urls.py)."""
from django.urls import path

from . import views

app_name = "coop_catalog_io"

urlpatterns = [
    path("", views.index, name="index"),
    path("export/<str:fmt>/", views.export, name="export"),
    path("import/", views.upload, name="upload"),
    path("import/<uuid:job_id>/", views.job_detail, name="job"),
    path("import/<uuid:job_id>/status/", views.job_status, name="job_status"),
    path("import/<uuid:job_id>/confirm/", views.job_confirm, name="job_confirm"),
]
