"""The hourly beat task that expires abandoned checkouts (they hold no stock)."""
from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from backend.orders.models import Checkout, CheckoutLine
from backend.orders.tasks import checkouts_expire_task
from catalog.models import Stock
from tests.factories.catalog import make_listed_product
from tests.graphql.checkout_helpers import make_checkout


def test_only_checkouts_untouched_for_the_expiry_period_are_deleted(
        db, channel, cooperative, settings):
    settings.CHECKOUT_EXPIRY_HOURS = 48
    variant = make_listed_product(channel=channel, cooperative=cooperative,
                                  quantity=5).default_variant
    old, recent = (make_checkout(channel, [(variant, 1)]) for _ in range(2))
    Checkout.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(hours=49))
    Checkout.objects.filter(pk=recent.pk).update(updated_at=timezone.now() - timedelta(hours=47))
    stock_before = Stock.objects.values_list("quantity", "quantity_allocated").get()

    assert checkouts_expire_task() == 1
    assert checkouts_expire_task() == 0  # idempotent

    assert list(Checkout.objects.values_list("pk", flat=True)) == [recent.pk]
    assert CheckoutLine.objects.filter(checkout_id=old.pk).count() == 0
    assert Stock.objects.values_list("quantity", "quantity_allocated").get() == stock_before
