"""The API fixtures of tests/graphql and the shop of tests/storefront, for these tests."""
from tests.graphql.conftest import api_login, graphql, graphql_data  # noqa: F401
from tests.storefront.conftest import (  # noqa: F401
    _fast_password_hashing,
    _no_demo_payments,
    network,
    shop,
    store,
)
