from django.urls import path

from . import views

app_name = "business"

urlpatterns = [
    path("", views.home, name="home"),
    path("register/", views.register, name="register"),
    path("cart/add/", views.cart_add, name="cart_add"),
    path("invoices/<int:invoice_id>/<str:language>.pdf", views.invoice_download,
         name="invoice_pdf"),
]
