"""The cooperative dashboard at /coop/ (catalog pages: catalog app; parcels: fulfillment)."""
from django.urls import path

from . import views

app_name = "coop"

urlpatterns = [
    path("", views.home, name="home"),
    path("orders/", views.orders, name="orders"),
    path("team/", views.team, name="team"),
    path("team/<int:staff_id>/role/", views.team_role, name="team_role"),
    path("team/<int:staff_id>/remove/", views.team_remove, name="team_remove"),
    path("team/invitations/<int:invitation_id>/revoke/", views.team_revoke, name="team_revoke"),
    path("signup/", views.signup, name="signup"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
