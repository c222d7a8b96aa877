"""The cooperative's shipments at /coop/shipments/ (a /coop/ dashboard may come later)."""
from django.urls import path

from . import views_coop

app_name = "coop_shipments"

urlpatterns = [
    path("", views_coop.shipments, name="list"),
    path("<uuid:shipment_id>/ready/", views_coop.mark_ready, name="ready"),
    path("<uuid:shipment_id>/slip/", views_coop.packing_slip, name="slip"),
]
