"""Hypothesis on the forms, through their real pages: arbitrary text and numbers never raise
(no 500), and a refused form (re-rendered, 200 or 400) never saves anything.

The storefront's register, sign-in, search, add-to-cart, cart quantities and checkout address;
the cooperative dashboard's product creation and variant editing; the cooperative sign-up.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.orders.models import CheckoutLine
from tests.badinput.conftest import fingerprint
from tests.badinput.corpus import STRINGS
from tests.badinput.report import record

pytestmark = pytest.mark.django_db

EXAMPLES = 15
NASTY = [value for name, value in STRINGS.items() if name != "huge-1mb"]
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(NASTY),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "12,50", "١٢", "2147483648"]),
)


def _hammer(name: str, send: Callable[[dict[str, str]], Any], fields: list[str], *,
            invariant: Callable[[], str | None] = lambda: None) -> None:
    """Send ``EXAMPLES`` generated forms; collect 500s, refusals that changed data and
    broken invariants; report the counts."""
    problems: list[str] = []
    tried = [0]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(data=st.fixed_dictionaries({field: TEXT for field in fields}))
    def one(data: dict[str, str]) -> None:
        before = fingerprint()
        response = send(data)
        tried[0] += 1
        if response.status_code >= 500:
            problems.append(f"HTTP {response.status_code} for {data!r:.300}")
        elif response.status_code in (200, 400) and fingerprint() != before:
            problems.append(f"refused (HTTP {response.status_code}) but saved: {data!r:.300}")
        broken = invariant()
        if broken:
            problems.append(f"{broken} after {data!r:.300}")

    one()
    record("forms", operation=name, inputs=tried[0],
           http_500=sum(p.startswith("HTTP") for p in problems),
           changed_on_refusal=sum(p.startswith("refused") for p in problems))
    assert problems == []


def _client(user: Any = None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_register_form(world):
    client = _client()
    _hammer("storefront register", lambda d: client.post("/en/account/register/", d),
            ["email", "password", "first_name", "last_name"])


def test_sign_in_form_never_signs_anyone_in(world):
    client = _client()

    def signed_in() -> str | None:
        return "signed in" if "_auth_user_id" in client.session else None

    _hammer("storefront sign-in", lambda d: client.post("/en/account/login/", d),
            ["username", "password"], invariant=signed_in)


def test_search_form(world):
    client = _client()
    _hammer("storefront search", lambda d: client.get("/en/search/", d),
            ["q", "category", "region", "label", "cooperative", "price_min", "price_max",
             "sort", "page"])


def _lines_within_stock() -> str | None:
    bad = list(CheckoutLine.objects.exclude(quantity__gte=1, quantity__lte=10)
               .values_list("quantity", flat=True))
    return f"checkout lines with quantities {bad}" if bad else None


def test_add_to_cart_and_cart_quantities(world):
    client = _client()
    product, variant = world.objects["product"], world.objects["variant"]
    url = f"/en/products/{product.slug}/add-to-cart/"
    _hammer("storefront add to cart", lambda d: client.post(url, {"variant": variant.pk, **d}),
            ["quantity"], invariant=_lines_within_stock)
    _hammer("storefront add to cart (variant)", lambda d: client.post(url, d),
            ["variant", "quantity"], invariant=_lines_within_stock)
    assert client.post(url, {"variant": variant.pk, "quantity": "1"}).status_code == 302
    line = CheckoutLine.objects.filter(variant=variant).order_by("-pk").first()
    _hammer("storefront cart quantities",
            lambda d: client.post("/en/cart/update/", {f"quantity-{line.pk}": d["quantity"],
                                                       "remove": d["remove"][:1]}),
            ["quantity", "remove"], invariant=_lines_within_stock)


def test_checkout_address_form(world):
    client = _client()
    product, variant = world.objects["product"], world.objects["variant"]
    assert client.post(f"/en/products/{product.slug}/add-to-cart/",
                       {"variant": variant.pk, "quantity": "1"}).status_code == 302
    _hammer("storefront checkout address", lambda d: client.post("/en/checkout/", d),
            ["email", "first_name", "last_name", "city", "street_address_1",
             "street_address_2", "postal_code", "phone"])


def test_dashboard_product_create_form(world):
    client = _client(world.objects["manager"])
    _hammer("coop product create", lambda d: client.post("/en/coop/products/new/", d),
            ["name", "category", "description", "labels", "certificate", "variant_name", "sku",
             "weight_grams", "price", "quantity"])


def test_dashboard_variant_form(world):
    client = _client(world.objects["manager"])
    variant = world.objects["variant"]
    _hammer("coop variant edit",
            lambda d: client.post(f"/en/coop/products/variants/{variant.pk}/", d),
            ["name", "sku", "weight_grams", "price", "quantity", "low_stock_threshold"])


def test_cooperative_signup_form(world):
    client = _client()
    _hammer("coop signup", lambda d: client.post("/en/coop/signup/", d),
            ["name", "odco_number", "city", "phone", "email", "manager_first_name",
             "manager_last_name", "manager_email", "manager_password"])
