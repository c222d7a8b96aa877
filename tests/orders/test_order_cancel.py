from __future__ import annotations

import pytest

from backend.core.errors import DomainError
from backend.orders.error_codes import OrderErrorCode
from backend.orders.models import OrderStatus
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.order_cancel import order_cancel
from catalog.models import Stock


def test_cancelling_releases_the_allocated_stock(channel, product, make_ready_checkout):
    order = checkout_complete(
        checkout_token=make_ready_checkout(channel, [(product.default_variant, 3)]).token).order

    order_cancel(order=order)

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELED
    assert Stock.objects.get(variant=product.default_variant).quantity_allocated == 0


def test_a_cancelled_order_cannot_be_cancelled_again(channel, product, make_ready_checkout):
    order = checkout_complete(
        checkout_token=make_ready_checkout(channel, [(product.default_variant, 3)]).token).order
    order_cancel(order=order)

    with pytest.raises(DomainError) as refused:
        order_cancel(order=order, by_staff=True)

    assert refused.value.errors[0].code == OrderErrorCode.CANNOT_CANCEL_ORDER
    assert Stock.objects.get(variant=product.default_variant).quantity_allocated == 0


def test_a_fulfilled_order_cannot_be_cancelled(channel, product, make_ready_checkout):
    order = checkout_complete(
        checkout_token=make_ready_checkout(channel, [(product.default_variant, 2)]).token).order
    order.status = OrderStatus.FULFILLED
    order.save()

    with pytest.raises(DomainError):
        order_cancel(order=order, by_staff=True)

    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    assert Stock.objects.get(variant=product.default_variant).quantity_allocated == 2
