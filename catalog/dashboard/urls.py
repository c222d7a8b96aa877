"""/coop/products/: the cooperative's catalog pages."""
from django.urls import path

from . import views

app_name = "coop_catalog"

urlpatterns = [
    path("", views.product_list, name="products"),
    path("new/", views.product_create, name="create"),
    path("stock/", views.bulk_stock, name="stock"),
    path("<int:product_id>/", views.product_edit, name="edit"),
    path("<int:product_id>/translations/<str:language>/", views.product_translate,
         name="translate"),
    path("<int:product_id>/channels/", views.product_publish, name="publish"),
    path("<int:product_id>/delete/", views.product_delete, name="delete"),
    path("<int:product_id>/variants/new/", views.variant_add, name="variant_add"),
    path("<int:product_id>/photos/", views.media_upload, name="media_upload"),
    path("variants/<int:variant_id>/", views.variant_edit, name="variant"),
    path("variants/<int:variant_id>/delete/", views.variant_delete, name="variant_delete"),
    path("variants/<int:variant_id>/lots/", views.lot_add, name="lot_add"),
    path("lots/<int:lot_id>/delete/", views.lot_delete, name="lot_delete"),
    path("photos/<int:media_id>/alt/", views.media_alt, name="media_alt"),
    path("photos/<int:media_id>/delete/", views.media_remove, name="media_delete"),
    path("photos/<int:media_id>/move/<str:direction>/", views.media_move, name="media_move"),
]
