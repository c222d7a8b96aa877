"""Storefront URLs. ``urlpatterns`` is mounted under ``i18n_patterns`` by backend/urls.py
(French at ``/``, Arabic at ``/ar/``, English at ``/en/``); ``unlocalized_urlpatterns`` once."""
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import account_views, card_views, cart_views, checkout_views, collection_views, views
from .sitemaps import SITEMAPS

app_name = "storefront"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("categories/<slug:slug>/", views.category, name="category"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("cooperatives/<slug:slug>/", views.cooperative, name="cooperative"),
    path("collections/<slug:slug>/", collection_views.collection, name="collection"),
    path("products/<slug:slug>/", views.product, name="product"),
    path("products/<slug:slug>/add-to-cart/", cart_views.cart_add, name="cart_add"),
    path("delivery/city/", cart_views.delivery_city_set, name="delivery_city"),
    path("cart/", cart_views.cart, name="cart"),
    path("cart/update/", cart_views.cart_update, name="cart_update"),
    path("cart/promo-code/", cart_views.cart_promo_code, name="cart_promo_code"),
    path("cart/promo-code/remove/", cart_views.cart_promo_code_remove,
         name="cart_promo_code_remove"),
    path("checkout/", checkout_views.checkout_address, name="checkout_address"),
    path("checkout/delivery/", checkout_views.checkout_delivery, name="checkout_delivery"),
    path("checkout/review/", checkout_views.checkout_review, name="checkout_review"),
    path("checkout/pay/", card_views.checkout_pay, name="checkout_pay"),
    path("checkout/pay/return/", card_views.checkout_pay_return, name="checkout_pay_return"),
    path("checkout/confirmation/<uuid:token>/", checkout_views.checkout_confirmation,
         name="checkout_confirmation"),
    path("account/", account_views.account, name="account"),
    path("account/register/", account_views.register, name="register"),
    path("account/login/", account_views.SignInView.as_view(), name="login"),
    path("account/logout/", account_views.SignOutView.as_view(), name="logout"),
    path("account/password-reset/", account_views.password_reset, name="password_reset"),
    path("account/password-reset/sent/", account_views.password_reset_sent,
         name="password_reset_sent"),
    path("account/password-reset/new/", account_views.password_reset_set,
         name="password_reset_set"),
    path("account/confirm/", account_views.account_confirm_view, name="account_confirm"),
    path("account/password/", account_views.password_change_view, name="password_change"),
    path("account/delete/request/", account_views.account_delete_request_view,
         name="account_delete_request"),
    path("account/delete/", account_views.account_delete_view, name="account_delete"),
    path("account/addresses/", account_views.addresses, name="addresses"),
    path("account/addresses/new/", account_views.address_edit, name="address_create"),
    path("account/addresses/<int:pk>/", account_views.address_edit, name="address_edit"),
    path("account/addresses/<int:pk>/delete/", account_views.address_delete,
         name="address_delete"),
    path("account/addresses/<int:pk>/default/", account_views.address_default,
         name="address_default"),
    path("account/orders/", account_views.orders, name="orders"),
    path("account/orders/<int:number>/", account_views.order_detail, name="order_detail"),
    path("account/orders/<int:number>/cancel/", account_views.order_cancel_view,
         name="order_cancel"),
]

unlocalized_urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
