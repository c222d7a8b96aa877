"""The issue's scenario: a buyer's request, a matching cooperative's reply, a deal, a pro order at
the wholesale price with quantity breaks paid by bank transfer, its fair-pay split and ledger
rows computed by hand, and Rawabit's indicators counting it."""
from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core import mail
from django.db.models import Sum
from django.utils import timezone

from backend.accounts.models import Address
from backend.business.models import Invoice, InvoiceStatus
from backend.business.services.invoices import invoice_mark_paid
from backend.fairpay.models import Entry, Journal, OrderLineSplit, SplitPolicy
from backend.fairpay.services.policy import split_policy_next_version
from backend.orders.models import ChargeStatus, Checkout
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.checkout_details import checkout_payment_gateway_set
from backend.payments.gateways import BANK_TRANSFER
from backend.rawabit.indicators import rawabit_indicators
from backend.rawabit.models import Deal, Opportunity, OpportunityReply
from tests.business.conftest import make_pro_product
from tests.factories.catalog import city
from tests.orders.conftest import choose_test_courier, national_courier

pytestmark = pytest.mark.django_db

BOARD = "/rawabit/"


def _minor(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def _round(minor: Decimal) -> int:
    return int(minor.to_integral_value(rounding=ROUND_HALF_UP))


def _owed(order) -> dict[str, int]:
    rows = (Entry.objects.filter(order=order).values("account__key")
            .annotate(total=Sum("amount")).order_by())
    return {row["account__key"]: -row["total"] for row in rows if row["total"]}


def test_a_buyers_request_ends_in_a_pro_order_paid_by_transfer_and_counted(
        client, channel, world, django_capture_on_commit_callbacks):
    # Given a policy version of its own (pro rate 5.5 %, solidarity 1.5 %) and the argan
    # cooperative's oil listed wholesale: 80.00, 75.00 from 50, 70.00 from 200, at least 10.
    SplitPolicy.objects.create(
        version=split_policy_next_version(), effective_from=timezone.now() - timedelta(hours=1),
        commission_rate=Decimal("0.0800"), pro_commission_rate=Decimal("0.0550"),
        solidarity_rate=Decimal("0.0150"), reduced_commission_rate=None)
    oil = make_pro_product(channel=channel, cooperative=world.argan.coop, name="Huile d'argan",
                           category=world.oils, price="100.00", pro_price="80.00", moq=10,
                           breaks=((50, "75.00"), (200, "70.00")), quantity=1000)
    variant = oil.default_variant

    # 1. The exporter (an approved business account) posts a request from the board.
    client.force_login(world.exporter)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(f"{BOARD}new/", {
            "kind": "request", "title": "240 L d'huile d'argan pour l'export en mars",
            "category": world.oils.pk, "quantity": "240", "unit": "l"})
    opportunity = Opportunity.objects.get()
    assert posted.status_code == 303 and opportunity.cooperative is None
    assert sorted(a for m in mail.outbox for a in m.to) == ["manager@cooperative-tifawine.ma"]

    # 2. The matching cooperative replies privately; the exporter is told.
    mail.outbox.clear()
    client.force_login(world.argan.manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BOARD}{opportunity.pk}/", {"body": "240 L disponibles à 70 MAD."})
    reply = OpportunityReply.objects.get()
    assert [m.to for m in mail.outbox] == [["export@sahara.ma"]]

    # 3. The exporter records the deal with that reply, for 240 bottles of the variant.
    client.force_login(world.exporter)
    recorded = client.post(f"{BOARD}{opportunity.pk}/deal/", {
        "reply": reply.pk, "quantity": "240", "unit_price": "70.00", "variant": variant.pk,
        "variant_quantity": "240", "note": "Export en mars"})
    assert recorded.status_code == 303
    deal = Deal.objects.get()
    assert (deal.seller_cooperative, deal.buyer, deal.value) == (
        world.argan.coop, world.exporter, Decimal("16800.00"))

    # 4. It becomes a pro checkout of the exporter, at the wholesale price of 200+ units.
    converted = client.post(f"{BOARD}{opportunity.pk}/deal/pro-order/")
    deal.refresh_from_db()
    checkout = Checkout.objects.get(pk=deal.checkout_token)
    assert converted.status_code == 303
    assert (checkout.user, checkout.channel.slug) == (world.exporter, "pro")
    assert list(checkout.lines.values_list("variant_id", "quantity")) == [(variant.pk, 240)]
    assert client.post(f"{BOARD}{opportunity.pk}/deal/pro-order/").status_code == 303
    assert Checkout.objects.count() == 1  # pressing twice makes no second cart

    # 5. The exporter completes it with a bank transfer; the invoice is issued.
    national_courier()
    checkout.shipping_address = Address.objects.create(
        first_name="Service", last_name="Export", street_address_1="Bd Zerktouni",
        city="AGADIR", postal_code="80000", phone="+212612345678", city_ref=city("agadir"))
    checkout.save(update_fields=["shipping_address"])
    checkout = choose_test_courier(checkout)
    checkout = checkout_payment_gateway_set(checkout=checkout, gateway_id=BANK_TRANSFER)
    order = checkout_complete(checkout_token=checkout.token).order
    line = order.lines.get()
    assert line.unit_price_amount == Decimal("70.00")
    assert order.total_amount == Decimal("16825.00")  # 240 × 70.00 + the courier's 25.00
    invoice = Invoice.objects.get(order=order)
    assert invoice.status == InvoiceStatus.ISSUED
    assert not Entry.objects.filter(order=order).exists()

    # 6. The network admin marks the invoice paid: the money is captured into the ledger.
    invoice_mark_paid(invoice_id=invoice.pk, reference="VIR-RAWABIT-1")
    order.refresh_from_db()
    assert order.charge_status == ChargeStatus.FULL

    # By hand, from the policy in force: the goods' 1,680,000 centimes at the pro rate and the
    # solidarity rate, the rest to the cooperative; the delivery's 2,500 to the courier; no
    # card fee on a transfer; the bank holds the whole order.
    policy = SplitPolicy.objects.order_by("-effective_from", "-version").first()
    goods = _minor(Decimal("70.00") * 240)
    commission = _round(goods * policy.pro_commission_rate)
    solidarity = _round(goods * policy.solidarity_rate)
    assert (goods, commission, solidarity) == (1_680_000, 92_400, 25_200)
    owed = _owed(order)
    assert owed.pop("bank::MAD") == -(goods + 2_500)
    assert owed.pop("platform::MAD") == commission
    assert owed.pop("solidarity_fund::MAD") == solidarity
    assert owed.pop(f"cooperative:{world.argan.coop.pk}:MAD") == goods - commission - solidarity
    assert list(owed.values()) == [2_500]  # the courier
    assert all(journal.entries.aggregate(t=Sum("amount"))["t"] == 0
               for journal in Journal.objects.filter(order=order))
    split = OrderLineSplit.objects.get(order_split__order=order, role="commission")
    assert (split.rate, split.amount_minor) == (Decimal("0.0550"), commission)

    # 7. Rawabit's indicators count the opportunity, the reply, the deal and its pro order.
    indicators = rawabit_indicators()
    total = indicators.total
    assert (total.opportunities, total.requests, total.offers, total.replies, total.deals,
            total.deal_value, total.pro_orders) == (1, 1, 0, 1, 1, Decimal("16800.00"), 1)
    [national] = indicators.by_region
    assert (national.key, national.deals, national.pro_orders) == (None, 1, 1)
    [month] = indicators.by_month
    assert month.key == timezone.localdate().replace(day=1)
