"""The load profile of ``make bench`` (bench/locustfile.py, bench/suites/load.py) for a few
seconds against a real gunicorn in production mode over a small committed catalog: every
request succeeds (browse, search and the cash-on-delivery checkout through the API) and
orders are really placed."""
from __future__ import annotations

import pytest

from backend.orders.models import Order
from bench.suites import load
from tests.factories.catalog import ChannelFactory, CooperativeFactory, make_listed_product
from tests.orders.conftest import national_courier
from tests.outbox.processes import database_url

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalog():
    """Six products of two cooperatives, plenty of stock, a courier covering every region."""
    channel = ChannelFactory()
    national_courier()
    cooperatives = [CooperativeFactory(women_led=True), CooperativeFactory(city_slug="azilal")]
    for index in range(6):
        make_listed_product(channel=channel, cooperative=cooperatives[index % 2],
                            quantity=1000, name=f"Huile d'argan {index}")
    return channel


def test_the_load_profile_runs_without_errors_against_gunicorn(catalog, tmp_path):
    targets = load.targets_build()
    assert len(targets["products"]) == 6 and targets["checkouts"]

    with load.gunicorn(database_url(), workers=2, log_dir=tmp_path) as host:
        run = load.locust_run(host, targets, seconds=6, users=6, spawn_rate=6, work_dir=tmp_path)
        buyers = load.locust_run(host, targets, seconds=4, users=2, spawn_rate=2,
                                 work_dir=tmp_path, tags=["checkout"])

    assert run.requests > 0, run.log[-2000:]
    assert run.errors == 0, [s for s in run.samples if not s[3]][:5]
    assert {kind for _name, kind, _ms, _ok in run.samples} >= {"browse"}
    assert run.exit_code == 0, run.log[-2000:]
    assert buyers.errors == 0, [s for s in buyers.samples if not s[3]][:5]
    assert {kind for _name, kind, _ms, _ok in buyers.samples} == {"checkout"}
    completed = len(run.times(name="checkout:complete") + buyers.times(name="checkout:complete"))
    assert completed > 0 and Order.objects.count() == completed
    assert set(Order.objects.values_list("payment_gateway", flat=True)) == {
        "coopstore.cash-on-delivery"}

    results = load.results_from(run, scale="test", users=6, seconds=6)
    every = results[0]
    assert every.group == "load" and len(every.samples_ms) == run.requests
    assert every.errors == 0 and every.extra["requests_per_second"] > 0
    assert results[1].unit == "req/s"
