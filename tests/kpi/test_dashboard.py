"""The network dashboard: its numbers equal a hand computation over a few orders, it costs a
fixed number of queries, and only network admins (staff) see it."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.core.months import months_ending
from backend.fairpay.services.ledger import ledger_record_capture, ledger_record_refund
from backend.kpi.selectors import (
    closed_months_cache_key,
    dashboard_cache_key,
    dashboard_cached,
    dashboard_compute,
    window,
)
from backend.orders.models import Order, OrderDelivery, OrderStatus
from backend.payments.gateways import DUMMY
from tests.factories.catalog import CooperativeFactory, UserFactory
from tests.fairpay.conftest import build_order

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
THIS_MONTH = date(TODAY.year, TODAY.month, 1)
LAST_MONTH = months_ending(TODAY, 2)[0]


def _at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def _placed(order: Order, when: datetime, **delivery_km: str) -> Order:
    Order.objects.filter(pk=order.pk).update(created_at=when)
    for delivery in order.deliveries.select_related("cooperative"):
        OrderDelivery.objects.filter(pk=delivery.pk).update(
            distance_km=Decimal(delivery_km[delivery.cooperative.slug]))
    return order


@pytest.fixture
def network(channel, partner):
    """Two regions: Tifawin (Souss-Massa, women-led) and Azilal Honey (Béni Mellal-Khénifra,
    youth-led). One card order this month from both, one last month from Azilal only, one
    from 13 months ago (outside the window), one cancelled (not in food-kilometres)."""
    tifawin = CooperativeFactory(slug="tifawin", women_led=True)
    azilal = CooperativeFactory(slug="azilal-honey", city_slug="azilal", youth_led=True)
    now = _placed(build_order(channel, [(tifawin, "120.00"), (azilal, "220.00")],
                              [(tifawin, "25.00", [(partner, "25.00")])], gateway=DUMMY),
                  _at(THIS_MONTH), tifawin="42.5")
    ledger_record_capture(order=now, amount=Decimal("365.00"), method="card",
                          reference="pi_now", occurred_at=_at(THIS_MONTH, 13))
    before = _placed(build_order(channel, [(azilal, "80.00")],
                                 [(azilal, "20.00", [(partner, "20.00")])], gateway=DUMMY),
                     _at(LAST_MONTH), **{"azilal-honey": "17.5"})
    ledger_record_capture(order=before, amount=Decimal("100.00"), method="card",
                          reference="pi_before", occurred_at=_at(LAST_MONTH, 13))
    old_day = months_ending(TODAY, 13)[0]
    old = _placed(build_order(channel, [(tifawin, "500.00")],
                              [(tifawin, "30.00", [(partner, "30.00")])], gateway=DUMMY),
                  _at(old_day), tifawin="900")
    ledger_record_capture(order=old, amount=Decimal("530.00"), method="card",
                          reference="pi_old", occurred_at=_at(old_day, 13))
    cancelled = _placed(build_order(channel, [(azilal, "60.00")],
                                    [(azilal, "20.00", [(partner, "20.00")])]),
                        _at(THIS_MONTH), **{"azilal-honey": "300"})
    Order.objects.filter(pk=cancelled.pk).update(status=OrderStatus.CANCELED)
    return {"tifawin": tifawin, "azilal": azilal, "now": now, "before": before}


def _sales(dashboard, cooperative) -> tuple[int, ...]:
    return next(r.by_month for r in dashboard.regions if r.region_id == cooperative.region_id)


def test_sales_are_the_paid_lines_of_each_region_by_month(network):
    tifawin, azilal = network["tifawin"], network["azilal"]
    assert tifawin.region_id != azilal.region_id

    dashboard = dashboard_compute(today=TODAY)

    assert len(dashboard.months) == 12 and dashboard.months[-1] == THIS_MONTH
    assert _sales(dashboard, tifawin) == (0,) * 11 + (12000,)  # 120.00, delivery not counted
    assert _sales(dashboard, azilal) == (0,) * 10 + (8000, 22000)
    assert dashboard.by_month == (0,) * 10 + (8000, 34000)
    assert dashboard.total_minor == 42000  # the order of 13 months ago is outside
    assert [r.region_id for r in dashboard.regions[:2]] == [azilal.region_id, tifawin.region_id]
    assert len(dashboard.regions) == 12  # every region, with or without sales
    assert sum(r.total_minor for r in dashboard.regions[2:]) == 0


def test_the_women_and_youth_led_shares_are_of_the_sales(network):
    dashboard = dashboard_compute(today=TODAY)

    assert dashboard.women_led_minor == 12000
    assert dashboard.youth_led_minor == 30000
    assert dashboard.women_led_share == Decimal("28.6")  # 120 / 420
    assert dashboard.youth_led_share == Decimal("71.4")  # 300 / 420


def test_fair_pay_totals_are_what_each_payee_type_received(network):
    dashboard = dashboard_compute(today=TODAY)

    payees = dict(dashboard.payees)
    # The default policy: 8 % commission, 5 % for women- or youth-led cooperatives, 1 % to the
    # solidarity fund, the card fee (2.9 % of the amount paid) taken from the platform's part.
    # This month: 120.00 of Tifawin (5 %), 220.00 of Azilal (5 %), 25.00 of delivery; fee
    # 10.59 on 365.00. Last month: 80.00 of Azilal, 20.00 of delivery; fee 2.90 on 100.00.
    assert payees == {
        "cooperative": 12000 - 600 - 120 + 22000 - 1100 - 220 + 8000 - 400 - 80,
        "partner": 2500 + 2000,
        "platform": 600 + 1100 - 1059 + 400 - 290,
        "solidarity_fund": 120 + 220 + 80,
        "payment_fees": 1059 + 290}
    assert sum(payees.values()) == 36500 + 10000  # every dirham paid, nothing else
    assert dashboard.other_payees == {}


def test_a_refund_comes_off_the_sales_and_the_payees_in_the_month_it_was_made(network):
    now, azilal = network["now"], network["azilal"]
    honey_line = now.lines.get(cooperative=azilal)

    ledger_record_refund(order=now, reference="re_1", lines={honey_line: "22.00"},
                         occurred_at=_at(THIS_MONTH, 15))

    dashboard = dashboard_compute(today=TODAY)
    assert _sales(dashboard, azilal) == (0,) * 10 + (8000, 22000 - 2200)
    assert dashboard.total_minor == 42000 - 2200
    assert dashboard.youth_led_minor == 30000 - 2200
    assert dashboard.women_led_share == Decimal("30.2")  # 120 / 398
    assert sum(dict(dashboard.payees).values()) == 46500 - 2200


def test_food_kilometres_average_the_deliveries_of_placed_orders(network):
    dashboard = dashboard_compute(today=TODAY)

    assert dashboard.orders == 2  # not the cancelled one, not the one of 13 months ago
    assert dashboard.delivery_km == Decimal("60.0")
    assert dashboard.average_km_per_order == Decimal("30.0")
    assert dashboard.average_km_by_month[-2:] == (Decimal("17.5"), Decimal("42.5"))
    assert dashboard.average_km_by_month[:10] == (None,) * 10


def test_an_empty_network_shows_zeros_and_no_share(db):
    dashboard = dashboard_compute(today=TODAY)

    assert dashboard.total_minor == 0 and dashboard.women_led_share is None
    assert dashboard.average_km_per_order is None
    assert dict(dashboard.payees) == {"cooperative": 0, "partner": 0, "platform": 0,
                                      "solidarity_fund": 0, "payment_fees": 0}


def test_the_dashboard_costs_eight_queries_whatever_the_number_of_orders(network, channel,
                                                                          partner):
    with CaptureQueriesContext(connection) as few:
        dashboard_compute(today=TODAY)
    tifawin = network["tifawin"]
    for index in range(5):
        order = build_order(channel, [(tifawin, "10.00")],
                            [(tifawin, "20.00", [(partner, "20.00")])], gateway=DUMMY)
        ledger_record_capture(order=order, amount=Decimal("30.00"), method="card",
                              reference=f"pi_more_{index}")

    with CaptureQueriesContext(connection) as more:
        dashboard = dashboard_compute(today=TODAY)

    # closed months and current month: ledger (and its SET LOCAL work_mem) and deliveries;
    # distributions, regions. Inside the test's transaction each ledger's atomic block adds
    # a savepoint and its release.
    assert len(few.captured_queries) == len(more.captured_queries) == 8 + 4
    assert _sales(dashboard, tifawin)[-1] == 12000 + 5 * 1000


def test_the_cached_dashboard_is_reused_for_the_month(network, django_assert_num_queries):
    cache.delete(dashboard_cache_key(TODAY))
    cache.delete(closed_months_cache_key(TODAY))
    first = dashboard_cached(today=TODAY)

    with django_assert_num_queries(0):
        again = dashboard_cached(today=TODAY)

    assert again == first
    cache.delete(dashboard_cache_key(TODAY))


def test_a_refresh_reads_only_the_current_month(network, channel, partner,
                                                django_assert_num_queries):
    tifawin = network["tifawin"]
    cache.delete(dashboard_cache_key(TODAY))
    cache.delete(closed_months_cache_key(TODAY))
    dashboard_cached(today=TODAY)
    for reference, day in (("pi_today", THIS_MONTH), ("pi_late", LAST_MONTH)):
        order = build_order(channel, [(tifawin, "10.00")],
                            [(tifawin, "20.00", [(partner, "20.00")])], gateway=DUMMY)
        ledger_record_capture(order=order, amount=Decimal("30.00"), method="card",
                              reference=reference, occurred_at=_at(day, 14))
    cache.delete(dashboard_cache_key(TODAY))  # the few minutes are over

    with django_assert_num_queries(5 + 2):
        refreshed = dashboard_cached(today=TODAY)

    assert refreshed.by_month[-2:] == (8000, 34000 + 1000)  # last month's comes in hours
    cache.delete(closed_months_cache_key(TODAY))
    assert dashboard_compute(today=TODAY).by_month[-2:] == (8000 + 1000, 34000 + 1000)
    cache.delete(dashboard_cache_key(TODAY))


@pytest.fixture
def admin_client_kpi(client):
    cache.delete(dashboard_cache_key(TODAY))
    cache.delete(closed_months_cache_key(TODAY))
    client.force_login(UserFactory(is_staff=True))
    yield client
    cache.delete(dashboard_cache_key(TODAY))


def test_a_network_admin_sees_the_numbers_in_tables_and_charts(admin_client_kpi, network):
    response = admin_client_kpi.get("/admin/kpi/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tableau de bord du réseau" in html
    charts = html.split('id="content"')[1]
    assert charts.count('<svg class="kpi-chart"') == 6 and "<script" not in charts
    assert 'id="kpi-women">28,6 %<' in html
    assert 'id="kpi-km">30,0 km<' in html
    assert "420,00" in html  # total sales
    assert "Fonds de solidarité" in html


def test_the_dashboard_speaks_arabic_and_english(admin_client_kpi, network):
    arabic = admin_client_kpi.get("/admin/kpi/?lang=ar").content.decode()
    admin_client_kpi.cookies["django_language"] = "en"
    english = admin_client_kpi.get("/admin/kpi/").content.decode()

    assert '<html lang="ar" dir="rtl">' in arabic and "لوحة قيادة الشبكة" in arabic
    assert "المبيعات حسب الجهة" in arabic and "420,00\xa0د.م." in arabic  # babel ar_MA
    assert "Network dashboard" in english and "Sales by region" in english
    assert "28.6 %" in english and "30.0 km" in english


def test_the_admin_index_links_the_dashboard(admin_client_kpi):
    html = admin_client_kpi.get("/admin/").content.decode()

    assert 'href="/admin/kpi/"' in html


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_only_network_admins_see_the_dashboard(client, network, who):
    if who == "customer":
        client.force_login(UserFactory())

    response = client.get("/admin/kpi/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert cache.get(dashboard_cache_key(TODAY)) is None  # nothing computed for them


def test_the_window_covers_the_twelve_months_up_to_today():
    start, end = window(date(2026, 3, 9))
    assert (start.date(), end.date()) == (date(2025, 4, 1), date(2026, 4, 1))
    assert (start.hour, start.tzinfo, end.tzinfo) == (0, timezone.get_default_timezone(),
                                                      timezone.get_default_timezone())
    start, end = window(date(2026, 12, 31))
    assert (start.date(), end.date()) == (date(2026, 1, 1), date(2027, 1, 1))
    assert timedelta(0) < _at(THIS_MONTH) - _at(LAST_MONTH)
