"""The consumer's tracking pages, mounted at /track/ inside the language prefixes."""
from django.urls import path

from . import views_tracking

app_name = "tracking"

urlpatterns = [
    path("<uuid:token>/", views_tracking.tracking_by_token, name="by_token"),
    path("order/<int:number>/", views_tracking.tracking_for_owner, name="owner"),
]
