from django.urls import path

from . import views

app_name = "fairpay"

urlpatterns = [path("", views.earnings, name="earnings")]
