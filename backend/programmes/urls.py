"""The mentor space at /mentor/."""
from django.urls import path

from . import views

app_name = "mentor"

urlpatterns = [
    path("", views.mentor_home, name="home"),
    path("<slug:slug>/", views.mentor_cooperative, name="cooperative"),
    path("<slug:slug>/notes/", views.mentor_note_add, name="note_add"),
    path("<slug:slug>/items/", views.mentor_item_add, name="item_add"),
    path("<slug:slug>/items/<int:item_id>/done/", views.mentor_item_done, name="item_done"),
]
