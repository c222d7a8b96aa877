"""Two cooperatives, each with a signed-in manager client and a listed product."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from catalog.models import Product
from tests.factories.catalog import (
    CategoryFactory,
    CooperativeFactory,
    CooperativeStaffFactory,
    make_listed_product,
)


@dataclass
class Side:
    coop: object
    client: Client
    product: Product


@pytest.fixture
def sides(channel, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    result = []
    for _name in ("a", "b"):
        coop = CooperativeFactory()
        staff = CooperativeStaffFactory(cooperative=coop)
        client = Client()
        client.force_login(staff.user)
        result.append(Side(coop=coop, client=client,
                           product=make_listed_product(channel=channel, cooperative=coop,
                                                       variants=2)))
    return result


@pytest.fixture
def category(db):
    return CategoryFactory(name="Épices", slug="epices")
