"""The API fixtures of tests/graphql, for the promo-code API tests."""
from tests.graphql.conftest import api_login, graphql, graphql_data  # noqa: F401
