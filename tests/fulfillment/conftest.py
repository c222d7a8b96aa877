"""Fixtures of the delivery network tests."""
from __future__ import annotations

from datetime import date

import pytest

from fulfillment.demo import seed_delivery_network
from tests.graphql.conftest import graphql, graphql_data  # noqa: F401 (shared API fixtures)

DEMO_PASSWORD = "partner-demo-2026"
MONDAY = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The demo seeds a staff account per partner; real hashing would make each seed slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_network(db):
    return seed_delivery_network(DEMO_PASSWORD)
