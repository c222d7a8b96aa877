"""One smoke run of a bench suite on the test database (repeat=2), through the runner's own
suite discovery, as `make bench` runs it."""
from __future__ import annotations

import pytest
from django.conf import settings

from bench.harness import Context
from bench.run import discover, run_suites
from tests.factories.catalog import CategoryFactory, CooperativeFactory, make_listed_product

pytestmark = pytest.mark.django_db(transaction=True)  # the bare SQL reads on its own connection


@pytest.fixture
def local_cache(settings):
    """The suite drops cached pages: keep that away from any shared Redis of the test run."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "bench-smoke"}}


def _database_url() -> str:
    db = settings.DATABASES["default"]
    return (f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{db['NAME']}")


def test_every_suite_module_is_discovered_and_filtered():
    names = discover()

    assert {"storefront", "graphql_reads", "checkout", "catalog_import"} <= set(names)
    assert not [n for n in names if n.startswith("_")]
    # The read suites run before the suites that write.
    assert discover("storefront,checkout") == ["storefront", "checkout"]
    assert names.index("graphql_reads") < names.index("catalog_import")
    with pytest.raises(SystemExit):
        discover("no_such_suite")


def test_the_storefront_suite_times_every_page_with_its_bare_sql(channel, customer,
                                                                 local_cache):
    category = CategoryFactory(slug="safran", name="Safran")
    for index in range(3):
        make_listed_product(channel=channel, category=category, variants=2,
                            cooperative=CooperativeFactory(), name=f"Safran pur {index}",
                            slug=f"safran-pur-{index}")
    ctx = Context(scale="test", repeat=2, database_url=_database_url(), log=lambda _m: None)

    results, errors = run_suites(ctx, ["storefront"])

    assert errors == []
    by_name = {r.name: r for r in results}
    for page in ("home", "category", "product", "search"):
        signed_in = by_name[f"storefront {page}, logged in"]
        assert len(signed_in.samples_ms) == 2 and signed_in.errors == 0
        assert len(signed_in.bare_sql_ms) == 2
        assert signed_in.extra["products_on_page"] >= 1
        assert signed_in.extra["queries"] > 0
        assert f"storefront {page}, anonymous" in by_name
    assert by_name["storefront category, anonymous"].extra["path"] == "/categories/safran/"
    assert by_name["storefront search, anonymous"].extra["path"] == "/search/?q=safran"
    assert by_name["storefront search, anonymous"].extra["page_cache"] is False
    cold = by_name["storefront category, anonymous, cold cache"]
    assert len(cold.samples_ms) == 2
    assert by_name["storefront category, anonymous"].extra["page_cache"] is True


def test_the_checkout_suite_places_real_orders_single_and_concurrent(channel, local_cache,
                                                                     monkeypatch):
    from backend.orders.models import Order
    from catalog.models import Stock
    from tests.orders.conftest import national_courier

    national_courier()
    for index in range(3):
        make_listed_product(channel=channel, cooperative=CooperativeFactory(),
                            slug=f"miel-{index}", name=f"Miel {index}", quantity=5)
    monkeypatch.setenv("BENCH_CHECKOUT_REPEAT", "2")
    monkeypatch.setenv("BENCH_CONCURRENT_ROUNDS", "1")
    ctx = Context(scale="test", repeat=2, database_url=_database_url(), log=lambda _m: None)

    results, errors = run_suites(ctx, ["checkout"])

    assert errors == []
    by_name = {r.name: r for r in results}
    for step in ("create", "add lines", "address", "delivery", "payment method", "complete"):
        timed = by_name[f"checkout {step}"]
        assert (len(timed.samples_ms), timed.errors) == (2, 0)
        assert timed.extra["queries"] > 0
    concurrent = by_name["checkout complete, 20 concurrent buyers"]
    assert (len(concurrent.samples_ms), concurrent.errors) == (20, 0)
    # the warm-up buyer, two timed buyers and twenty concurrent ones: every one an order
    assert Order.objects.count() == 23
    assert sorted(Stock.objects.values_list("quantity_allocated", flat=True)) == [23, 23, 23]


def test_the_listing_after_a_product_change_is_timed_with_the_answer_dropped(
        channel, local_cache):
    from bench.suites.graphql_reads import PRODUCTS, _after_product_changes, _poster

    products = [make_listed_product(channel=channel, cooperative=CooperativeFactory(),
                                    slug=f"miel-{index}") for index in range(3)]
    ctx = Context(scale="test", repeat=2, database_url=_database_url(), log=lambda _m: None)
    call = _poster(ctx.client(), PRODUCTS, {"channel": channel.slug})

    results = _after_product_changes(ctx, "listing", call, bare=[1.0],
                                     listed=[p.pk for p in products[:2]], other=products[2].pk,
                                     extra={})

    assert [r.name for r in results] == ["listing, another product changed",
                                         "listing, one listed product changed"]
    assert all(len(r.samples_ms) == 2 for r in results)
    assert call.cache_header == "miss"  # each timed call computed its answer
