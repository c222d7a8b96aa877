"""Sane values for a mutation's arguments, so that one nasty value at a time gets as deep as
it can into our code instead of being refused for a missing or wrong neighbour."""
from __future__ import annotations

from typing import Any

from backend.payments.gateways import DUMMY

# Optional arguments and input fields that a meaningful call needs anyway.
ALSO = frozenset({
    "id", "variantId", "productId", "name", "category", "quantity", "lines", "email",
    "password", "product", "channel", "channelId", "price", "streetAddress1", "city",
    "postalCode", "country", "phone", "firstName", "lastName", "productType", "key", "value",
    "warehouse", "lineId", "updateChannels",
})

# Which world object the `id` of a mutation designates, by the mutation's name prefix.
ID_BY_MUTATION = (
    ("productVariant", "variant"), ("productMedia", "media"), ("product", "product"),
    ("accountAddress", "address"), ("accountSetDefaultAddress", "address"),
    ("order", "order"), ("checkout", "checkout"), ("transaction", "checkout"),
    ("paymentGateway", "checkout"), ("deliveryOptions", "checkout"), ("updateMetadata", "product"),
    ("deleteMetadata", "product"), ("updatePrivateMetadata", "product"),
    ("deletePrivateMetadata", "product"),
)
ID_BY_NAME = {
    "productId": "product", "product": "product", "variantId": "variant", "variants": "variant",
    "addVariants": "variant", "removeVariants": "variant", "mediaIds": "media",
    "lineId": "line", "linesIds": "line", "channelId": "channel", "removeChannels": "channel",
    "category": "category", "productType": "productType", "customerId": "customer",
    "checkoutId": "checkout", "warehouse": "cooperative", "promoCodeId": "checkout",
}
STRING_BY_NAME = {
    "email": "amina@example.ma", "password": "coop-pass-2026", "newPassword": "n3w-Pass-2026!",
    "oldPassword": "coop-pass-2026", "redirectUrl": "http://127.0.0.1:8000/reset/",
    "name": "Safran bio", "slug": "safran-bio", "city": "AGADIR", "postalCode": "80000",
    "phone": "+212612345678", "streetAddress1": "12 rue Tiznit", "firstName": "Amina",
    "lastName": "Ait", "key": "origin", "value": "Taliouine", "sku": "SKU-NEW-1",
    "alt": "Une photo", "promoCode": "PROMO10", "token": "abc-token", "keys": "origin",
    "customerIpAddress": "127.0.0.1", "idempotencyKey": "campaign-1", "audience": "coopstore",
    "mediaUrl": "https://example.com/photo.png",
}
ENUM_BY_NAME = {"languageCode": "FR", "country": "MA", "type": "SHIPPING", "action": "CHARGE"}


def make_sane(world: Any):
    """``sane(mutation, name, scalar)`` for the campaign's world."""

    def sane(mutation: str, name: str, scalar: str) -> Any:
        if scalar == "ID":
            if name == "id":
                key = next((k for prefix, k in ID_BY_MUTATION if mutation.startswith(prefix)),
                           "product")
                return world.ids[key]
            if name == "paymentGateway":
                return DUMMY
            if name == "deliveryMethodId":
                return world.ids["checkout"]
            return world.ids.get(ID_BY_NAME.get(name, ""), world.ids["product"])
        if scalar == "String":
            if name == "channel":
                return world.strings["channel"]
            if name == "id" and mutation in ("paymentGatewayInitialize", "transactionInitialize"):
                return DUMMY
            return STRING_BY_NAME.get(name, "texte")
        if scalar == "UUID":
            return world.strings["checkout_token"]
        if scalar == "ENUM":
            return ENUM_BY_NAME.get(name)
        if scalar in ("Int", "PositiveInt"):
            return 1
        if scalar in ("Float", "Decimal", "PositiveDecimal", "WeightScalar"):
            return 10
        if scalar == "Boolean":
            return False
        if scalar == "JSONString":
            return "{}"
        if scalar in ("JSON", "Metadata", "GenericScalar"):
            return {}
        if scalar == "Date":
            return "2026-01-01"
        if scalar == "DateTime":
            return "2026-01-01T00:00:00+00:00"
        return None

    return sane
