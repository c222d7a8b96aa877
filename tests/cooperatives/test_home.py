"""Dashboard home: sales this month, orders waiting, stock alerts, earnings, weekly chart."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backend.cooperatives.selectors import dashboard_home
from backend.fairpay.earnings import cooperative_earnings_page
from backend.fairpay.services.ledger import ledger_record_capture
from backend.orders.models import OrderStatus
from backend.orders.services.checkout_complete import checkout_complete
from catalog.models import Stock
from fulfillment.models import Shipment, ShipmentStatus
from tests.factories.catalog import ProductFactory, ProductVariantFactory, make_listed_product
from tests.orders.conftest import ready_checkout

from .data import add_line, parcel

CASA = ZoneInfo("Africa/Casablanca")
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=CASA)  # a Wednesday


def _variant(cooperative, quantity, threshold, allocated=0, track=True, sku=None):
    variant = ProductVariantFactory(product=ProductFactory(cooperative=cooperative),
                                    low_stock_threshold=threshold, track_inventory=track,
                                    **({"sku": sku} if sku else {}))
    Stock.objects.create(variant=variant, quantity=quantity, quantity_allocated=allocated)
    return variant


def _sales(coop_a, coop_b):
    order1, _ = parcel(coop_a.cooperative, total="120.00",
                       at=datetime(2026, 11, 17, 10, 0, tzinfo=CASA))
    add_line(order1, coop_a.cooperative, "35.50")
    add_line(order1, coop_b.cooperative, "999.00")  # the other cooperative's line
    parcel(coop_a.cooperative, total="80.00", at=datetime(2026, 10, 30, 9, tzinfo=CASA),
           ready=True)
    _o3, s3 = parcel(coop_a.cooperative, total="500.00",
                     at=datetime(2026, 11, 17, 11, tzinfo=CASA), status=OrderStatus.CANCELED)
    Shipment.objects.filter(pk=s3.pk).update(status=ShipmentStatus.CANCELED)
    parcel(coop_a.cooperative, total="60.00", at=datetime(2026, 9, 1, 9, tzinfo=CASA))
    # 1 November 00:30 in Casablanca is still 31 October in UTC: it is November's sale
    parcel(coop_a.cooperative, total="10.00", at=datetime(2026, 11, 1, 0, 30, tzinfo=CASA),
           ready=True)
    parcel(coop_b.cooperative, total="999.00", at=datetime(2026, 11, 17, 9, tzinfo=CASA))


def test_home_numbers_equal_the_hand_computation(coop_a, coop_b):
    _sales(coop_a, coop_b)
    low1 = _variant(coop_a.cooperative, quantity=3, threshold=5)
    low2 = _variant(coop_a.cooperative, quantity=10, allocated=6, threshold=4)  # 4 left: at it
    _variant(coop_a.cooperative, quantity=10, threshold=5)
    _variant(coop_a.cooperative, quantity=0, threshold=5, track=False)
    _variant(coop_b.cooperative, quantity=0, threshold=5)

    home = dashboard_home(cooperative_id=coop_a.cooperative.pk, with_earnings=False, now=NOW)

    assert home.sales_this_month == Decimal("165.50")  # 120 + 35.50 + 10
    assert home.orders_waiting == 2  # 17 Nov and 1 Sep; not the packed, not the canceled
    assert [v.pk for v in home.stock_alerts] == [low1.pk, low2.pk]
    assert [v.available for v in home.stock_alerts] == [3, 4]
    assert home.stock_alert_count == 2
    assert home.earnings_balance is None
    weeks = [(w.start.isoformat(), w.amount, w.percent) for w in home.weeks]
    assert weeks == [
        ("2026-09-28", Decimal("0.00"), 0), ("2026-10-05", Decimal("0.00"), 0),
        ("2026-10-12", Decimal("0.00"), 0), ("2026-10-19", Decimal("0.00"), 0),
        ("2026-10-26", Decimal("90.00"), 57), ("2026-11-02", Decimal("0.00"), 0),
        ("2026-11-09", Decimal("0.00"), 0), ("2026-11-16", Decimal("155.50"), 100)]


def test_the_other_cooperative_sees_only_its_own_numbers(coop_a, coop_b):
    _sales(coop_a, coop_b)
    home = dashboard_home(cooperative_id=coop_b.cooperative.pk, with_earnings=True, now=NOW)
    assert home.sales_this_month == Decimal("1998.00")
    assert home.orders_waiting == 1 and home.stock_alert_count == 0
    assert home.earnings_balance == Decimal("0.00")


def test_the_manager_sees_the_earnings_balance_of_the_fairpay_ledger(client, channel,
                                                                     coop_a):
    product = make_listed_product(channel=channel, cooperative=coop_a.cooperative,
                                  price="200.00")
    order = checkout_complete(
        checkout_token=ready_checkout(channel, [(product.default_variant, 1)]).token).order
    ledger_record_capture(order=order, amount=order.total_amount, method="card",
                          reference="test-capture")
    expected = cooperative_earnings_page(cooperative_id=coop_a.cooperative.pk)
    assert expected.balance > 0

    home = dashboard_home(cooperative_id=coop_a.cooperative.pk, with_earnings=True)
    assert home.earnings_balance == expected.balance
    assert home.earnings_available == expected.available
    assert home.sales_this_month == Decimal("200.00")

    client.force_login(coop_a.manager)
    page = client.get(reverse("coop:home")).content.decode()
    assert 'id="earnings-balance"' in page and 'id="sales-month">200,00' in page
    client.force_login(coop_a.member)
    page = client.get(reverse("coop:home")).content.decode()
    assert 'id="earnings-balance"' not in page


def test_the_home_page_shows_the_numbers_in_arabic(client, coop_a):
    parcel(coop_a.cooperative, total="1234.50")
    client.force_login(coop_a.member)
    page = client.get("/ar/coop/").content.decode()
    assert 'dir="rtl"' in page and "مبيعات هذا الشهر" in page
    assert 'id="orders-waiting"' in page


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("coop:home")).status_code == 200
    return len(ctx.captured_queries)


def test_the_home_page_costs_the_same_queries_with_ten_or_a_hundred_rows(client, coop_a):
    client.force_login(coop_a.manager)
    for _ in range(3):
        parcel(coop_a.cooperative, total="10.00")
        _variant(coop_a.cooperative, quantity=1, threshold=5)
    few = _home_queries(client)
    for _ in range(30):
        parcel(coop_a.cooperative, total="10.00")
        _variant(coop_a.cooperative, quantity=1, threshold=5)
    assert _home_queries(client) == few


def test_the_orders_page_costs_the_same_queries_with_more_parcels(client, coop_a):
    client.force_login(coop_a.member)

    def count() -> int:
        # A first view fills the per-process catalog rows (storefront/basics.py): measure the next.
        client.get(reverse("coop:orders"))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("coop:orders")).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        order, _s = parcel(coop_a.cooperative)
        add_line(order, coop_a.cooperative, "5.00")
    few = count()
    for _ in range(12):
        order, _s = parcel(coop_a.cooperative)
        add_line(order, coop_a.cooperative, "5.00")
    assert count() == few
