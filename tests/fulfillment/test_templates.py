"""The product page's delivery estimate partial, in French, Arabic and English."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from fulfillment.models import City
from fulfillment.selectors import delivery_estimate
from tests.factories.catalog import CooperativeFactory
from tests.factories.fulfillment import make_partner

from .conftest import MONDAY

pytestmark = pytest.mark.django_db
PARTIAL = "fulfillment/_delivery_estimate.html"


@pytest.fixture
def taliouine_to_agadir():
    make_partner(name="Souss Express", slug="souss-express", regions=("MA-09",))
    cooperative = CooperativeFactory(city_slug="taliouine")
    return delivery_estimate(cooperative, City.objects.select_related("region").get(slug="agadir"),
                             day=MONDAY)


@pytest.mark.parametrize(("language", "route", "level"), [
    ("fr", "Livré par Souss Express depuis Taliouine, 209 km", "Circuit court régional"),
    ("en", "Delivered by Souss Express from Taliouine, 209 km", "Regional short circuit"),
    ("ar", "يوصله Souss Express من تالوين، 209 كلم", "دائرة قصيرة جهوية"),
])
def test_the_estimate_names_partner_origin_kilometres_and_level(taliouine_to_agadir, language,
                                                                route, level):
    with translation.override(language):
        html = render_to_string(PARTIAL, {"estimate": taliouine_to_agadir})

    assert route in " ".join(html.split())
    assert level in html
    assert "delivery-estimate__level--regional" in html
    assert taliouine_to_agadir.option.km == Decimal("209.2")


def test_no_delivery_shows_the_reason_in_the_users_language():
    make_partner(regions=("MA-09",))
    estimate = delivery_estimate(CooperativeFactory(city_slug="taliouine"),
                                 City.objects.select_related("region").get(slug="dakhla"),
                                 day=MONDAY)

    with translation.override("fr"):
        html = render_to_string(PARTIAL, {"estimate": estimate})

    assert "Aucune livraison" in html
    assert "Livré par" not in html
