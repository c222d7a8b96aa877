"""Two cooperatives, each with a manager and a member, for isolation tests both ways."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative
from tests.factories.catalog import CooperativeFactory, CooperativeStaffFactory


@dataclass
class Coop:
    cooperative: Cooperative
    manager: User
    member: User


def make_coop(**fields) -> Coop:
    cooperative = CooperativeFactory(**fields)
    return Coop(cooperative=cooperative,
                manager=CooperativeStaffFactory(cooperative=cooperative, role="manager").user,
                member=CooperativeStaffFactory(cooperative=cooperative, role="member").user)


@pytest.fixture
def coop_a(db) -> Coop:
    return make_coop()


@pytest.fixture
def coop_b(db) -> Coop:
    return make_coop(city_slug="agadir")


@pytest.fixture(autouse=True)
def _french():
    """Pages activate the request's language in the thread: start each test in French."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
