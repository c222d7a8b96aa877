"""Business buyers and pro listings for tests (h7's scenario test uses these too)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import Address
from backend.business.models import BusinessAccount, BusinessStatus
from backend.business.services.listings import pro_channel_get_or_create, pro_listing_set
from backend.business.services.pro_checkout import pro_checkout_create
from backend.orders.services.checkout_details import checkout_payment_gateway_set
from backend.payments.gateways import BANK_TRANSFER
from tests.factories.catalog import UserFactory, city, make_listed_product
from tests.graphql.conftest import api_login, graphql, graphql_data  # noqa: F401 (fixtures)
from tests.orders.conftest import choose_test_courier, national_courier

_ICE_SEQUENCE = iter(range(1, 10**6))


def make_business(*, status: str = BusinessStatus.APPROVED, email: str | None = None,
                  company_name: str = "Hôtel Atlas", kind: str = "hotel") -> BusinessAccount:
    """A business account (approved unless said otherwise) with its user."""
    number = next(_ICE_SEQUENCE)
    user = UserFactory(email=email or f"achats{number}@hotel-atlas.ma")
    return BusinessAccount.objects.create(
        user=user, company_name=company_name, ice=f"{number:015d}", kind=kind,
        street_address="Avenue Mohammed V", city="Agadir", postal_code="80000",
        phone="+212528000000", status=status)


def make_pro_product(*, channel, price: str = "100.00", pro_price: str = "80.00",
                     moq: int = 10, breaks=((50, "75.00"), (200, "70.00")), quantity: int = 1000,
                     **fields):
    """A product of the public channel also listed wholesale in ``pro``."""
    product = make_listed_product(channel=channel, price=price, quantity=quantity, **fields)
    pro_listing_set(variant=product.default_variant, price_amount=Decimal(pro_price),
                    minimum_order_quantity=moq,
                    breaks=[(q, Decimal(p)) for q, p in breaks])
    return product


def pro_ready_checkout(user, variants_quantities, *, gateway: str = BANK_TRANSFER):
    """A pro checkout with address, the test courier for each parcel and ``gateway``."""
    national_courier()
    address = Address(first_name="Service", last_name="Achats", street_address_1="Av. Hassan II",
                      city="AGADIR", postal_code="80000", phone="+212612345678",
                      city_ref=city("agadir"))
    checkout = pro_checkout_create(user=user, lines=variants_quantities,
                                   shipping_address=address)
    checkout = choose_test_courier(checkout)
    return checkout_payment_gateway_set(checkout=checkout, gateway_id=gateway)


@pytest.fixture
def pro_channel(db):
    return pro_channel_get_or_create()


@pytest.fixture
def buyer(db):
    return make_business()


@pytest.fixture
def pending_buyer(db):
    return make_business(status=BusinessStatus.PENDING, company_name="Épicerie Fine")
