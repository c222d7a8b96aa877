"""Rawabit's indicators for the network admin: by region and month, in four queries."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from backend.rawabit.indicators import rawabit_indicators
from backend.rawabit.models import Deal, Opportunity, OpportunityReply
from backend.rawabit.services.deals import deal_record
from backend.rawabit.services.opportunities import opportunity_post
from backend.rawabit.services.replies import opportunity_reply
from tests.factories.catalog import UserFactory

pytestmark = pytest.mark.django_db
CASA = ZoneInfo("Africa/Casablanca")


def _at(model, pk, when: datetime) -> None:
    model.objects.filter(pk=pk).update(created_at=when)


@pytest.fixture
def history(world):
    """March: a request in Souss-Massa with two replies and a deal of 120 L at 12.345
    MAD, kept as 12.35 (1482.00 MAD); April: a national offer with one reply and a deal of
    3 × 10.00."""
    march, april = datetime(2026, 3, 10, 12, tzinfo=CASA), datetime(2026, 4, 1, 0, 30,
                                                                     tzinfo=CASA)
    first = opportunity_post(party=world.hotel_party, kind="request", title="Huile",
                             category=world.oils, region=world.souss, unit="l")
    one = opportunity_reply(party=world.argan.party, opportunity_id=first.pk, body="Oui").reply
    two = opportunity_reply(party=world.hive.party, opportunity_id=first.pk, body="Oui").reply
    deal_one = deal_record(user=world.hotel, opportunity_id=first.pk, reply_id=one.pk,
                           quantity=Decimal("120"), unit_price=Decimal("12.345"))
    assert (deal_one.unit_price, deal_one.value) == (Decimal("12.35"), Decimal("1482.00"))
    second = opportunity_post(party=world.palm.party, kind="offer", title="Dattes",
                              category=world.dates)
    three = opportunity_reply(party=world.exporter_party, opportunity_id=second.pk,
                              body="Intéressé").reply
    deal_two = deal_record(user=world.palm.manager, opportunity_id=second.pk, reply_id=three.pk,
                           quantity=Decimal("3"), unit_price=Decimal("10"))
    for model, pk, when in ((Opportunity, first.pk, march), (OpportunityReply, one.pk, march),
                            (OpportunityReply, two.pk, march), (Deal, deal_one.pk, march),
                            (Opportunity, second.pk, april), (OpportunityReply, three.pk, april),
                            (Deal, deal_two.pk, april)):
        _at(model, pk, when)
    return world


def test_indicators_count_by_region_and_by_month_in_four_queries(history,
                                                                 django_assert_num_queries):
    with django_assert_num_queries(4):
        indicators = rawabit_indicators()

    rows = {(r.key, r.opportunities, r.offers, r.requests, r.replies, r.deals, r.deal_value,
             r.pro_orders) for r in indicators.by_region}
    assert rows == {(history.souss.pk, 1, 0, 1, 2, 1, Decimal("1482.00"), 0),
                    (None, 1, 1, 0, 1, 1, Decimal("30.00"), 0)}
    assert [(r.key.isoformat(), r.opportunities, r.replies, r.deals, r.deal_value)
            for r in indicators.by_month] == [("2026-03-01", 1, 2, 1, Decimal("1482.00")),
                                              ("2026-04-01", 1, 1, 1, Decimal("30.00"))]
    assert (indicators.total.opportunities, indicators.total.replies,
            indicators.total.deal_value) == (2, 3, Decimal("1512.00"))
    assert rawabit_indicators(year=2025).total.opportunities == 0


def test_the_admin_page_shows_them_to_network_admins_only(client, history):
    client.force_login(UserFactory(email="admin@coop.ma", is_staff=True))
    response = client.get("/admin/rawabit/indicators/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="by-region"' in page and 'id="by-month"' in page and "1482" in page
    assert client.get("/admin/rawabit/indicators/", {"year": "x\x00"}).status_code == 200
    assert 'href="/admin/rawabit/indicators/"' in client.get("/admin/").content.decode()

    client.force_login(history.hotel)
    assert client.get("/admin/rawabit/indicators/").status_code == 302  # to the admin login
