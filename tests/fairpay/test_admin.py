"""Network admins: a used policy version is never edited, payout runs, bank batch, statements."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from backend.fairpay.models import MemberDistribution, PayoutRun, SplitPolicy
from backend.fairpay.services.distribution import member_distribution_create
from backend.fairpay.services.ledger import ledger_record_capture
from backend.fairpay.services.snapshots import order_splits_snapshot
from backend.fairpay.tasks import payout_run_task
from backend.payments.gateways import DUMMY

from .conftest import RIB_A, bank_details, build_order


def policy_form(policy: SplitPolicy, **changes) -> dict:
    data = {"effective_from_0": policy.effective_from.strftime("%Y-%m-%d"),
            "effective_from_1": policy.effective_from.strftime("%H:%M:%S"),
            "currency": policy.currency, "notes": policy.notes,
            "commission_rate": policy.commission_rate,
            "reduced_commission_rate": policy.reduced_commission_rate,
            "solidarity_rate": policy.solidarity_rate, "solidarity_mode": policy.solidarity_mode,
            "fee_bearer": policy.fee_bearer, "card_fee_rate": policy.card_fee_rate,
            "card_fee_fixed_amount": policy.card_fee_fixed_amount,
            "holding_days": policy.holding_days,
            "payout_threshold_amount": policy.payout_threshold_amount}
    return {**data, **changes}


def test_saving_a_policy_version_that_split_orders_publishes_a_new_version(admin_client,
                                                                           channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")])
    used = order_splits_snapshot(order=order).policy

    response = admin_client.post(reverse("admin:fairpay_splitpolicy_change", args=[used.pk]),
                                 policy_form(used, commission_rate="0.0700"))

    assert response.status_code == 302
    used.refresh_from_db()
    assert used.commission_rate == Decimal("0.0800")
    newest = SplitPolicy.objects.order_by("-version").first()
    assert (newest.version, newest.commission_rate) == (used.version + 1, Decimal("0.0700"))


def test_an_admin_starts_a_payout_run_and_downloads_its_bank_batch(admin_client, channel,
                                                                   cooperative):
    bank_details(cooperative=cooperative, rib=RIB_A)
    order = build_order(channel, [(cooperative, "500.00")], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal("500.00"), method="card",
                          occurred_at=timezone.now() - timedelta(days=10))
    add_url = reverse("admin:fairpay_payoutrun_add")

    assert admin_client.get(add_url).status_code == 200
    response = admin_client.post(add_url)

    run = PayoutRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:fairpay_payoutrun_change", args=[run.pk])
    download = admin_client.post(reverse("admin:fairpay_payoutrun_changelist"),
                                 {"action": "download_bank_batch", "_selected_action": [run.pk]})
    assert download["Content-Type"].startswith("text/csv")
    lines = download.content.decode().splitlines()
    assert lines[0] == "reference,beneficiary,rib,amount,currency,run"
    assert lines[1].endswith(f",{RIB_A},455.00,MAD,{run.reference}")
    admin_client.post(reverse("admin:fairpay_payoutrun_changelist"),
                      {"action": "mark_bank_transfers_paid", "_selected_action": [run.pk]})
    assert run.payouts.get().status == "paid"


def test_the_periodic_task_pays_nothing_twice(channel, cooperative):
    bank_details(cooperative=cooperative, rib=RIB_A)
    order = build_order(channel, [(cooperative, "500.00")], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal("500.00"), method="card",
                          occurred_at=timezone.now() - timedelta(days=10))

    first = PayoutRun.objects.get(pk=payout_run_task.delay().get())
    second = PayoutRun.objects.get(pk=payout_run_task.delay().get())

    assert (first.payouts.count(), second.payouts.count()) == (1, 0)


def test_an_admin_opens_a_member_statement_in_arabic(admin_client, cooperative):
    from backend.fairpay.models import CooperativeMember

    member = CooperativeMember.objects.create(cooperative=cooperative, full_name="Itto")
    distribution = member_distribution_create(
        cooperative=cooperative, period_start=timezone.localdate(),
        period_end=timezone.localdate(), unit="pieces", contributions={member: Decimal("2")})
    contribution = distribution.contributions.get()

    page = admin_client.get(reverse("admin:fairpay_member_statement",
                                    args=[contribution.pk, "ar"]))
    detail = admin_client.get(reverse("admin:fairpay_memberdistribution_change",
                                      args=[distribution.pk]))

    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    assert detail.status_code == 200
    assert MemberDistribution.objects.count() == 1


def test_every_fair_pay_admin_page_opens(admin_client, channel, cooperative, partner):
    order = build_order(channel, [(cooperative, "50.00")],
                        [(cooperative, "20.00", [(partner, "20.00")])])
    ledger_record_capture(order=order, amount=Decimal("70.00"), method="cash",
                          collected_by=partner)
    bank_details(cooperative=cooperative)
    bank_details(partner=partner)
    journal = order.ledger_journals.get()

    for name in ["account", "journal", "ordersplit", "payout", "payoutrun", "splitpolicy",
                 "cooperativefairpay", "partnerpayoutdetails", "cooperativemember",
                 "memberdistribution"]:
        assert admin_client.get(reverse(f"admin:fairpay_{name}_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:fairpay_journal_change",
                                    args=[journal.pk])).status_code == 200
    assert admin_client.get(reverse("admin:fairpay_ordersplit_change",
                                    args=[order.fair_pay_split.pk])).status_code == 200
