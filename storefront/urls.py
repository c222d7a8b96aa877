"""Storefront URLs. ``urlpatterns`` is mounted under ``i18n_patterns`` by backend/urls.py
(French at ``/``, Arabic at ``/ar/``, English at ``/en/``); ``unlocalized_urlpatterns`` once."""
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .sitemaps import SITEMAPS

app_name = "storefront"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("categories/<slug:slug>/", views.category, name="category"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("cooperatives/<slug:slug>/", views.cooperative, name="cooperative"),
    path("products/<slug:slug>/", views.product, name="product"),
]

unlocalized_urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
