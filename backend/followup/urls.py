"""A cooperative's monthly indicators at /followup/<slug>/<yyyy-mm>/."""
from django.urls import path

from . import views

app_name = "followup"

urlpatterns = [
    path("<slug:slug>/", views.cooperative_current, name="cooperative"),
    path("<slug:slug>/<str:month>/", views.cooperative_month, name="cooperative_month"),
]
