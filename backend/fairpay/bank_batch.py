"""The bank-transfer batch file of a payout run, for the admin to upload to the bank."""
from __future__ import annotations

import csv
import io

from backend.core.money import from_minor_units

from .models import PayoutMethod, PayoutRun, PayoutStatus

HEADER = ("reference", "beneficiary", "rib", "amount", "currency", "run")


def payout_run_bank_batch_rows(run: PayoutRun) -> list[tuple[str, ...]]:
    """One row per bank payout of the run not failed, in payout order."""
    payouts = run.payouts.filter(method=PayoutMethod.BANK_TRANSFER).exclude(
        status=PayoutStatus.FAILED).order_by("pk")
    return [(p.reference, p.payee_name, p.rib, f"{from_minor_units(p.amount_minor, p.currency)}",
             p.currency, run.reference) for p in payouts]


def payout_run_bank_batch_csv(run: PayoutRun) -> str:
    """CSV with a header line; amounts with a dot and two decimals (``1234.50``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(payout_run_bank_batch_rows(run))
    return buffer.getvalue()
