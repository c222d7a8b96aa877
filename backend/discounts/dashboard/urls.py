"""/coop/promotions/: the cooperative's answers to promotions asking for its funding."""
from django.urls import path

from . import views

app_name = "coop_promotions"

urlpatterns = [
    path("", views.funding_list, name="list"),
    path("<str:kind>/<str:pk>/accept/", views.funding_accept_view, name="accept"),
    path("<str:kind>/<str:pk>/withdraw/", views.funding_withdraw_view, name="withdraw"),
]
