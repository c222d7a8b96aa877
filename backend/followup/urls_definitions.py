"""The indicator definitions at /indicators/ (public: a committee must know what it reads)."""
from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.definitions_index, name="index"),
    path("<str:code>/", views.definition_detail, name="detail"),
]
