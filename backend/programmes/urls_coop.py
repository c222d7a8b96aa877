"""The cooperative's follow-up at /coop/followup/ (notes and action items of its mentors)."""
from django.urls import path

from . import views

app_name = "coop_followup"

urlpatterns = [
    path("", views.coop_followup, name="index"),
    path("items/<int:item_id>/done/", views.coop_item_done, name="item_done"),
]
