"""seed_scale: the counts asked, determinism, a balanced ledger, splits that add up, no-op
reruns, and a reset that spares the rows it did not write."""
from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative
from backend.fairpay.models import (
    CooperativeMember,
    Entry,
    Journal,
    JournalKind,
    OrderLineSplit,
    OrderSplit,
    ParcelHold,
)
from backend.orders.models import Order, OrderDelivery, OrderLine
from backend.scale import marker, seeded_parameters
from backend.scale.checks import scale_checksum, unbalanced_journals
from catalog.models import Product, ProductVariant, Thumbnail
from fulfillment.models import Partner, Shipment, ShipmentStatus
from tests.factories.catalog import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

TINY = {"cooperatives": 12, "products": 60, "orders": 300}


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_scale", **{**TINY, "anchor": "2026-11-30", "checked": True,
                                  "no_progress": True, **options}, stdout=out)
    return out.getvalue()


def scalar(sql: str, params=()) -> object:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_seed_scale_creates_the_counts_asked():
    seed()

    assert Cooperative.objects.filter(slug__startswith="scale-").count() == 12
    assert CooperativeMember.objects.count() == 12 * 10
    assert Product.objects.filter(slug__startswith="scale-").count() == 60
    assert Order.objects.count() == 300
    assert Partner.objects.filter(slug__startswith="scale-").count() == 36  # 3 per region
    assert set(Cooperative.objects.values_list("region", flat=True).distinct()) <= set(
        Cooperative.objects.values_list("region", flat=True))
    # Every product has variants with a price and stock, and one shared picture's thumbnails.
    assert not Product.objects.filter(variants__isnull=True).exists()
    assert ProductVariant.objects.filter(channel_listings__isnull=True).count() == 0
    assert Thumbnail.objects.count() == 60 * 4
    assert Product.objects.filter(search_vector__isnull=True).count() == 0
    # One delivery, one shipment per cooperative of an order; lines of that cooperative only.
    assert OrderDelivery.objects.count() == Shipment.objects.count()
    assert scalar("""SELECT count(*) FROM orders_orderline l LEFT JOIN orders_orderdelivery d
                     ON d.order_id = l.order_id AND d.cooperative_id = l.cooperative_id
                     WHERE d.id IS NULL""") == 0
    assert OrderSplit.objects.count() == 300
    assert seeded_parameters() == {**TINY, "seed": 42, "members_per_coop": 10}
    assert marker()["counts"]["orders_order"] == 300


def test_the_orders_are_spread_over_twelve_months_and_most_are_delivered():
    seed()

    first, last = scalar("SELECT min(created_at) FROM orders_order"), scalar(
        "SELECT max(created_at) FROM orders_order")
    assert (last - first).days > 300
    delivered = Shipment.objects.filter(status=ShipmentStatus.DELIVERED).count()
    assert delivered > 0.8 * Shipment.objects.count()
    # Each delivered parcel has its hold (delivery + holding period) and a distance.
    assert ParcelHold.objects.count() == delivered
    assert not OrderDelivery.objects.filter(distance_km__lte=0).exists()
    assert Cooperative.objects.filter(women_led=True).exists()


def test_every_journal_balances_and_every_snapshot_adds_up_to_its_order():
    seed()

    assert unbalanced_journals() == 0
    assert Journal.objects.filter(kind=JournalKind.CAPTURE).exists()
    # The parts of each split add up to the order's total (in centimes) and to paid_minor.
    assert scalar("""SELECT count(*) FROM orders_order o JOIN fairpay_ordersplit s
                     ON s.order_id = o.id
                     WHERE s.paid_minor <> (o.total_amount * 100)::bigint
                        OR s.paid_minor <> (SELECT sum(p.amount_minor)
                                            FROM fairpay_orderlinesplit p
                                            WHERE p.order_split_id = s.id)""") == 0
    # Each line's parts add up to the line's total.
    assert scalar("""SELECT count(*) FROM orders_orderline l
                     WHERE (l.total_price_amount * 100)::bigint <> (
                        SELECT sum(amount_minor) FROM fairpay_orderlinesplit p
                        WHERE p.order_line_id = l.id)""") == 0
    # A card order paid in full captured exactly its snapshot, part by part.
    assert scalar("""SELECT count(*) FROM fairpay_orderlinesplit p
                     JOIN fairpay_ordersplit s ON s.id = p.order_split_id
                     JOIN orders_order o ON o.id = s.order_id
                     WHERE s.method = 'card' AND o.charge_status = 'full'
                       AND p.amount_minor <> -COALESCE((
                        SELECT sum(e.amount) FROM fairpay_entry e
                        WHERE e.order_id = o.id AND e.role = p.role
                          AND e.order_line_id IS NOT DISTINCT FROM p.order_line_id
                          AND e.delivery_id IS NOT DISTINCT FROM p.delivery_id
                          AND e.account_id = (
                            SELECT a.id FROM fairpay_account a WHERE a.kind = CASE
                              p.payee_kind WHEN 'payment_processor' THEN 'payment_fees'
                              ELSE p.payee_kind END
                            AND a.cooperative_id IS NOT DISTINCT FROM p.cooperative_id
                            AND a.partner_id IS NOT DISTINCT FROM p.partner_id)), 0)""") == 0
    assert OrderLineSplit.objects.count() > OrderLine.objects.count()


def test_the_same_seed_writes_the_same_rows_after_a_reset():
    # A reset also rewinds the sequences (other tests of this database used ids).
    seed(reset=True)
    first = scale_checksum()

    seed(reset=True)

    assert scale_checksum() == first
    seed(reset=True, seed=7)
    assert scale_checksum() != first


def test_running_again_with_the_same_parameters_does_nothing():
    seed()
    before = (Order.objects.count(), Entry.objects.count(), scale_checksum())

    output = seed()

    assert "nothing to do" in output
    assert (Order.objects.count(), Entry.objects.count(), scale_checksum()) == before


def test_other_parameters_are_refused_without_reset_and_nothing_changes():
    seed()
    before = scale_checksum()

    with pytest.raises(CommandError, match="--reset"):
        seed(orders=301)

    assert scale_checksum() == before
    assert seeded_parameters()["orders"] == 300


def test_reset_replaces_the_generated_rows_and_spares_the_others():
    demo_user = UserFactory(email="client@demo.coopstore.ma")
    demo_coop = CooperativeFactory(slug="cooperative-demo")
    seed()
    # an order from another customer on a generated cooperative (as the bench's checkouts
    # place): its shipment and split hold the generated partner, so it must go too
    placed_since = Order.objects.order_by("pk").first()
    Order.objects.filter(pk=placed_since.pk).update(user_email="buyer@example.ma")

    seed(reset=True, orders=120, products=30)

    assert not Order.objects.filter(pk=placed_since.pk).exists()
    assert User.objects.filter(pk=demo_user.pk).exists()
    assert Cooperative.objects.filter(pk=demo_coop.pk).exists()
    assert Order.objects.count() == 120
    assert Product.objects.filter(slug__startswith="scale-").count() == 30
    assert seeded_parameters()["orders"] == 120
    assert unbalanced_journals() == 0


def test_the_fast_write_checks_what_the_triggers_would_have_checked():
    seed(checked=False)

    assert unbalanced_journals() == 0
    assert Order.objects.count() == 300


def test_bad_counts_are_refused():
    with pytest.raises(CommandError):
        call_command("seed_scale", cooperatives=0, products=5, orders=0, no_progress=True)
    with pytest.raises((CommandError, SystemExit)):
        call_command("seed_scale", "--orders", "99999999999", "--no-progress")
    assert not Cooperative.objects.filter(slug__startswith="scale-").exists()
