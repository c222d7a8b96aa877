"""Rawabit fixtures: three cooperatives in three regions, their managers, and buyers."""
from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest

from backend.business.models import BusinessAccount, BusinessStatus
from backend.rawabit.access import Party
from fulfillment.models import Region
from tests.factories.catalog import (
    CategoryFactory,
    CooperativeFactory,
    CooperativeStaffFactory,
    UserFactory,
    make_listed_product,
)

_ice = itertools.count(100000000000001)


def make_business(email: str, *, city: str = "Agadir",
                  status: str = BusinessStatus.APPROVED, company: str = "Hôtel Atlas"):
    user = UserFactory(email=email, first_name=company)
    BusinessAccount.objects.create(
        user=user, company_name=company, ice=f"{next(_ice):015d}", kind="hotel",
        street_address="12 avenue Hassan II", city=city, phone="+212600000000", status=status)
    return user


def _coop(slug: str, city_slug: str, product_name: str, category, channel):
    coop = CooperativeFactory(slug=slug, name=slug.replace("-", " ").title(),
                              city_slug=city_slug)
    manager = CooperativeStaffFactory(cooperative=coop, role="manager",
                                      user=UserFactory(email=f"manager@{slug}.ma")).user
    product = make_listed_product(channel=channel, cooperative=coop, name=product_name,
                                  category=category)
    return SimpleNamespace(coop=coop, manager=manager, product=product,
                           party=Party(user=manager, cooperative=coop))


@pytest.fixture
def world(channel):
    oils = CategoryFactory(name="Huiles", slug="huiles")
    honey = CategoryFactory(name="Miels", slug="miels")
    dates = CategoryFactory(name="Dattes", slug="dattes")
    argan = _coop("cooperative-tifawine", "taliouine", "Huile d'argan alimentaire", oils,
                  channel)
    hive = _coop("cooperative-nahla", "fes", "Miel de thym", honey, channel)
    palm = _coop("cooperative-tamr", "oujda", "Dattes Majhoul", dates, channel)
    hotel = make_business("achats@hotel-atlas.ma", city="Agadir")
    exporter = make_business("export@sahara.ma", city="Casablanca", company="Sahara Export")
    pending = make_business("attente@riad.ma", city="Agadir", status=BusinessStatus.PENDING,
                            company="Riad en attente")
    return SimpleNamespace(
        oils=oils, honey=honey, dates=dates, argan=argan, hive=hive, palm=palm, hotel=hotel,
        exporter=exporter, pending=pending,
        hotel_party=Party(user=hotel, cooperative=None),
        exporter_party=Party(user=exporter, cooperative=None),
        souss=Region.objects.get(code="MA-09"), fes_meknes=Region.objects.get(code="MA-03"))
