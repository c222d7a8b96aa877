import pytest

from tests.storefront.shop_data import build_shop


@pytest.fixture
def shop(db):
    return build_shop()
