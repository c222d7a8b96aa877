"""Low-stock alerts: one email to the managers when a variant crosses its threshold, not
again until its stock went back above it."""
from __future__ import annotations

import threading

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend.celery import app as celery_app
from backend.cooperatives.models import LowStockAlert
from backend.cooperatives.services.alerts import notify_low_stock
from backend.cooperatives.tasks import low_stock_check
from backend.orders.services.checkout_complete import checkout_complete
from catalog.models import Stock
from tests.factories.catalog import CooperativeStaffFactory, make_listed_product
from tests.orders.conftest import ready_checkout


def _buy(channel, variant, quantity=1):
    return checkout_complete(
        checkout_token=ready_checkout(channel, [(variant, quantity)]).token).order


def _alerts() -> list[str]:
    return [m.subject for m in mail.outbox if "Stock bas" in m.subject]


@pytest.fixture
def low_product(channel, coop_a):
    """6 units, alert at 5: the next sale crosses the threshold."""
    product = make_listed_product(channel=channel, cooperative=coop_a.cooperative, quantity=6,
                                  name="Huile d'argan")
    variant = product.default_variant
    variant.low_stock_threshold = 5
    variant.save()
    return product


def test_the_sale_that_crosses_the_threshold_emails_the_managers_once(
        channel, coop_a, low_product, django_capture_on_commit_callbacks):
    second_manager = CooperativeStaffFactory(cooperative=coop_a.cooperative, role="manager").user
    variant = low_product.default_variant

    with django_capture_on_commit_callbacks(execute=True):
        _buy(channel, variant)  # 5 left: at the threshold

    alerts = [m for m in mail.outbox if "Stock bas" in m.subject]
    assert sorted(m.to[0] for m in alerts) == sorted([coop_a.manager.email,
                                                       second_manager.email])
    assert coop_a.member.email not in [m.to[0] for m in mail.outbox]
    assert "Huile d'argan" in alerts[0].body and "5 restant(s)" in alerts[0].body
    marker = LowStockAlert.objects.get(variant=variant)
    assert marker.is_active and marker.quantity_at_alert == 5

    with django_capture_on_commit_callbacks(execute=True):
        _buy(channel, variant)  # 4 left: still low, no second email
    assert len(_alerts()) == 2


def test_an_alert_is_sent_again_only_after_the_stock_went_back_above(
        channel, coop_a, low_product, django_capture_on_commit_callbacks):
    variant = low_product.default_variant
    with django_capture_on_commit_callbacks(execute=True):
        _buy(channel, variant)
    assert len(_alerts()) == 1
    Stock.objects.filter(variant=variant).update(quantity=50)  # restocked
    with django_capture_on_commit_callbacks(execute=True):
        notify_low_stock([variant.pk])
    assert not LowStockAlert.objects.get(variant=variant).is_active
    assert len(_alerts()) == 1
    Stock.objects.filter(variant=variant).update(quantity=3)  # 1 allocated: 2 left
    with django_capture_on_commit_callbacks(execute=True):
        notify_low_stock([variant.pk])
    assert len(_alerts()) == 2


def test_the_task_is_idempotent_and_ignores_unknown_or_untracked_variants(coop_a, channel,
                                                                           low_product):
    variant = low_product.default_variant
    Stock.objects.filter(variant=variant).update(quantity=2)
    assert low_stock_check([variant.pk, 10**9]) == 1
    assert low_stock_check([variant.pk]) == 0
    assert len(_alerts()) == 1
    variant.track_inventory = False
    variant.save()
    LowStockAlert.objects.all().delete()
    assert low_stock_check([variant.pk]) == 0


def test_a_sale_above_the_threshold_sends_nothing(channel, coop_a,
                                                  django_capture_on_commit_callbacks):
    product = make_listed_product(channel=channel, cooperative=coop_a.cooperative, quantity=50)
    with django_capture_on_commit_callbacks(execute=True):
        _buy(channel, product.default_variant, 2)
    assert _alerts() == [] and not LowStockAlert.objects.filter(alerted_at__isnull=False).exists()


def test_notify_without_commit_sends_nothing(channel, coop_a, low_product,
                                             django_capture_on_commit_callbacks):
    """A refused checkout (rolled back) must not alert: the task is only queued on commit."""
    Stock.objects.filter(variant=low_product.default_variant).update(quantity=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify_low_stock([low_product.default_variant.pk])
    assert len(callbacks) == 1 and _alerts() == []


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_task_with_json_arguments():
    """Eager mode skips serialisation: one run through a real worker and broker."""
    from tests.cooperatives.conftest import make_coop
    from tests.factories.catalog import ChannelFactory

    coop = make_coop()
    product = make_listed_product(channel=ChannelFactory(), cooperative=coop.cooperative,
                                  quantity=1)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False,
                          queues=[celery_app.conf.task_default_queue]):
            notify_low_stock([product.default_variant.pk])  # autocommit: queued at once
            for _ in range(150):
                if LowStockAlert.objects.filter(alerted_at__isnull=False).exists() and \
                        mail.outbox:
                    break
                threading.Event().wait(0.1)
    finally:
        celery_app.conf.task_always_eager = eager
    assert [m.to for m in mail.outbox] == [[coop.manager.email]]
    assert LowStockAlert.objects.get().variant_id == product.default_variant.pk
