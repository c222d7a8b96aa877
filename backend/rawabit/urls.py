"""The Rawabit opportunities board at /rawabit/."""
from django.urls import path

from . import views

app_name = "rawabit"

urlpatterns = [
    path("", views.board, name="board"),
    path("new/", views.opportunity_new, name="new"),
    path("<int:opportunity_id>/", views.opportunity_detail, name="detail"),
    path("<int:opportunity_id>/close/", views.close, name="close"),
    path("<int:opportunity_id>/deal/", views.deal, name="deal"),
    path("<int:opportunity_id>/deal/pro-order/", views.deal_pro_order, name="deal_pro_order"),
    path("conversations/<int:reply_id>/", views.thread, name="thread"),
]
