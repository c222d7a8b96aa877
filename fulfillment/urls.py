"""The partner board, mounted at /partner/ inside the language prefixes."""
from django.urls import path

from . import views_partner

app_name = "partner"

urlpatterns = [
    path("", views_partner.board, name="board"),
    path("cash/", views_partner.cash, name="cash"),
    path("shipments/<uuid:shipment_id>/<slug:name>/", views_partner.action, name="action"),
]
