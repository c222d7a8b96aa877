"""Mounted at ``/admin/kpi/`` (before the admin's own URLs) by ``backend/urls.py``."""
from django.contrib import admin
from django.urls import path

from .views import kpi_dashboard

urlpatterns = [
    path("", admin.site.admin_view(kpi_dashboard), name="kpi_dashboard"),
]
