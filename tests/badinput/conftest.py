"""The bad-input campaign's world: one of each main object, three callers, and the probes
that judge a response (no 500, nothing logged as unhandled, nothing changed on a refusal)."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from backend.accounts.models import Address
from tests.badinput.corpus import encode
from tests.factories.catalog import CooperativeStaffFactory, UserFactory, make_listed_product
from tests.graphql.checkout_helpers import make_checkout, ship_to_agadir
from tests.graphql.conftest import add_photo, gid

# Tables whose whole content is fingerprinted around each refused request.
FINGERPRINTED = (
    "accounts_user", "accounts_address", "cooperatives_cooperative", "catalog_product",
    "catalog_productvariant", "catalog_stock", "catalog_productmedia",
    "catalog_productchannellisting", "catalog_productvariantchannellisting",
    "orders_checkout", "orders_checkoutline", "orders_order", "orders_orderline",
    "payments_transactionitem",
)


def fingerprint() -> tuple:
    """One query: an md5 of every row of the main tables, so any insert, update or delete
    made by a request shows."""
    parts = ", ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t)"
        for table in FINGERPRINTED)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        return tuple(cursor.fetchone())


class ErrorRecords(logging.Handler):
    """Collects every ERROR (or worse) record logged while the campaign runs."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Sign-in mutations are sent hundreds of times: hash passwords cheaply here only."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def error_records():
    handler = ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


@dataclass
class World:
    objects: dict[str, Any]
    ids: dict[str, str]
    strings: dict[str, str]
    clients: dict[str, Client] = field(default_factory=dict)


@pytest.fixture
def world(channel, cooperative) -> World:
    """A cooperative with its manager, a listed product with a photo, a customer with an
    address and a checkout, and an order."""
    from backend.orders.services.checkout_complete import checkout_complete
    from tests.orders.conftest import ready_checkout

    manager = UserFactory(email="manager@coop.example.ma", first_name="Fatima")
    CooperativeStaffFactory(cooperative=cooperative, user=manager, role="manager")
    customer = UserFactory(email="amina@example.ma", first_name="Amina")
    product = make_listed_product(channel=channel, cooperative=cooperative, name="Safran")
    variant = product.default_variant
    media = add_photo(product)
    address = Address.objects.create(
        user=customer, first_name="Amina", last_name="Ait", street_address_1="12 rue Tiznit",
        city="AGADIR", postal_code="80000", phone="+212612345678")
    checkout = ship_to_agadir(make_checkout(channel, [(variant, 1)], user=customer,
                                            email=customer.email))
    order_checkout = ready_checkout(channel, [(variant, 1)], email=customer.email)
    order = checkout_complete(checkout_token=order_checkout.token).order
    type(order).objects.filter(pk=order.pk).update(user=customer)
    line = checkout.lines.first()
    objects = {"manager": manager, "customer": customer, "product": product,
               "variant": variant, "media": media, "address": address, "checkout": checkout,
               "order": order, "line": line, "channel": channel, "cooperative": cooperative}
    ids = {
        "product": gid("Product", product.pk), "variant": gid("ProductVariant", variant.pk),
        "media": gid("ProductMedia", media.pk), "address": gid("Address", address.pk),
        "checkout": gid("Checkout", checkout.token), "order": gid("Order", order.pk),
        "line": gid("CheckoutLine", line.pk), "channel": gid("Channel", channel.pk),
        "cooperative": gid("Cooperative", cooperative.pk),
        "category": gid("Category", product.category_id),
        "productType": gid("ProductType", product.product_type_id),
        "customer": gid("User", customer.pk),
    }
    strings = {"checkout_token": str(checkout.token), "channel": channel.slug}
    return World(objects=objects, ids=ids, strings=strings, clients=_clients(manager, customer))


def _clients(manager: Any, customer: Any) -> dict[str, Client]:
    from backend.accounts.jwt import create_access_token

    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, user in (("customer", customer), ("manager", manager)):
        clients[role] = Client(raise_request_exception=False,
                               HTTP_AUTHORIZATION=f"Bearer {create_access_token(user)}")
    return clients


@dataclass
class Outcome:
    status: int
    body: dict[str, Any] | None
    refused: bool
    errors_logged: list[logging.LogRecord]


def post_graphql(client: Client, query: str, variables: dict[str, Any],
                 error_records: ErrorRecords) -> Outcome:
    """Send one request; a refusal is a 4xx, top-level errors, or a payload with errors."""
    response = client.post("/graphql/", encode({"query": query, "variables": variables}),
                           content_type="application/json")
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    refused = response.status_code != 200 or not isinstance(body, dict) or bool(body.get("errors"))
    if not refused:
        payloads = (body.get("data") or {}).values()
        refused = any(p is None or (isinstance(p, dict) and p.get("errors")) for p in payloads)
    return Outcome(response.status_code, body if isinstance(body, dict) else None, refused,
                   error_records.take())
