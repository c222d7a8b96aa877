"""Payment provider callbacks, outside the language prefixes: /webhooks/stripe/."""
from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("stripe/", views.stripe_webhook, name="stripe-webhook"),
]
