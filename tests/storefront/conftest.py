import pytest

from tests.storefront.checkout_data import delivery_network, stock_everything
from tests.storefront.shop_data import build_shop


@pytest.fixture
def shop(db):
    return build_shop()


@pytest.fixture
def network(db):
    return delivery_network()


@pytest.fixture
def store(shop, network):
    """The shop with every product in stock and partners delivering Agadir."""
    stock_everything(shop)
    return shop


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_demo_payments(settings):
    """The demo card is off unless a test turns it on (as in production)."""
    settings.DUMMY_PAYMENTS_ENABLED = False
