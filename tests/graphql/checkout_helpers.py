"""Operations and builders shared by the checkout and order API tests."""
from __future__ import annotations

from typing import Any

from backend.accounts.models import Address
from backend.orders.models import Checkout
from backend.orders.services.checkout_lines import LineInput, checkout_create
from tests.factories.catalog import city
from tests.graphql.conftest import gid

ERRORS = "errors { field code message variants lines }"

CHECKOUT_FIELDS = """
  id token email quantity languageCode chargeStatus authorizeStatus isShippingRequired
  user { id email } channel { slug }
  lines { id quantity variant { id } unitPrice { gross { amount currency } }
          totalPrice { gross { amount } } }
  subtotalPrice { gross { amount } } shippingPrice { gross { amount } }
  totalPrice { gross { amount currency } }
"""


def checkout_gid(checkout: Checkout) -> str:
    return gid("Checkout", checkout.token)


def line_gid(line: Any) -> str:
    return gid("CheckoutLine", line.pk)


def variant_gid(variant: Any) -> str:
    return gid("ProductVariant", variant.pk)


def make_checkout(channel: Any, lines: list[tuple[Any, int]], *, user: Any = None,
                  email: str = "buyer@example.ma") -> Checkout:
    """A checkout made by the service, to exercise the API on it."""
    return checkout_create(channel=channel, lines=[LineInput(variant_id=v.pk, quantity=q)
                                                   for v, q in lines], email=email, user=user)


def ship_to_agadir(checkout: Checkout) -> Checkout:
    checkout.shipping_address = Address.objects.create(
        first_name="Amina", last_name="Ait", street_address_1="12 rue Tiznit", city="AGADIR",
        postal_code="80000", phone="+212612345678", city_ref=city("agadir"))
    checkout.save()
    return checkout


def quantities(checkout: Checkout) -> dict[int, int]:
    """The checkout's lines as {variant pk: quantity}, read from the database."""
    return dict(checkout.lines.values_list("variant_id", "quantity"))
