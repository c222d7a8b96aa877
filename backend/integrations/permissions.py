"""Saleor's permission codes, as apps hold them (``App.permissions``)."""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PERMISSIONS: dict[str, str] = {
    "MANAGE_USERS": _("Manage customers."),
    "MANAGE_STAFF": _("Manage staff."),
    "IMPERSONATE_USER": _("Impersonate user."),
    "MANAGE_APPS": _("Manage apps"),
    "MANAGE_CHECKOUTS": _("Manage checkouts"),
    "HANDLE_CHECKOUTS": _("Handle checkouts"),
    "HANDLE_TAXES": _("Handle taxes"),
    "MANAGE_TAXES": _("Manage taxes"),
    "MANAGE_CHANNELS": _("Manage channels."),
    "MANAGE_CUSTOMER_TYPES_AND_ATTRIBUTES": _("Manage customer types and attributes."),
    "MANAGE_DISCOUNTS": _("Manage sales and vouchers."),
    "MANAGE_GIFT_CARD": _("Manage gift cards."),
    "MANAGE_MENUS": _("Manage navigation."),
    "MANAGE_ORDERS": _("Manage orders."),
    "MANAGE_ORDERS_IMPORT": _("Manage orders import."),
    "MANAGE_PAGES": _("Manage pages."),
    "MANAGE_PAGE_TYPES_AND_ATTRIBUTES": _("Manage page types and attributes."),
    "HANDLE_PAYMENTS": _("Handle payments"),
    "MANAGE_PLUGINS": _("Manage plugins"),
    "MANAGE_PRODUCTS": _("Manage products."),
    "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES": _("Manage product types and attributes."),
    "MANAGE_SHIPPING": _("Manage shipping."),
    "MANAGE_SETTINGS": _("Manage settings."),
    "MANAGE_TRANSLATIONS": _("Manage translations."),
}
PERMISSION_CHOICES = list(PERMISSIONS.items())
