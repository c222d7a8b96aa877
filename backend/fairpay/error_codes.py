"""Error codes of fair pay (split snapshots, ledger, payouts, member distribution)."""
from enum import StrEnum


class FairPayErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    SPLIT_INVALID = "split_invalid"
    SPLIT_MISMATCH = "split_mismatch"
    UNKNOWN_PARTNER = "unknown_partner"
    METHOD_MISMATCH = "method_mismatch"
    CAPTURE_EXCEEDS_ORDER = "capture_exceeds_order"
    REFUND_EXCEEDS_CAPTURED = "refund_exceeds_captured"
    NOTHING_CAPTURED = "nothing_captured"
    CURRENCY_MISMATCH = "currency_mismatch"
    PAYOUT_NOT_PENDING = "payout_not_pending"
    PERIOD_OVERLAPS = "period_overlaps"
    NO_CONTRIBUTIONS = "no_contributions"
