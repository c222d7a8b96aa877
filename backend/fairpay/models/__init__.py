"""Fair-pay models, one module per concern."""
from .ledger import (
    ASSET_KINDS,
    SPLIT_JOURNAL_KINDS,
    Account,
    AccountKind,
    Entry,
    Journal,
    JournalKind,
    ParcelHold,
    account_key,
)
from .members import ContributionUnit, CooperativeMember, MemberContribution, MemberDistribution
from .payouts import Payout, PayoutMethod, PayoutRun, PayoutStatus
from .policy import CooperativeFairPay, FeeBearer, PartnerPayoutDetails, SolidarityMode, SplitPolicy
from .snapshots import OrderLineSplit, OrderSplit, PayeeKind, PaymentMethod, SplitRole

__all__ = [
    "ASSET_KINDS", "SPLIT_JOURNAL_KINDS", "Account", "AccountKind", "ContributionUnit",
    "CooperativeFairPay", "CooperativeMember", "Entry", "FeeBearer", "Journal", "JournalKind",
    "MemberContribution", "MemberDistribution", "OrderLineSplit", "OrderSplit", "ParcelHold",
    "PartnerPayoutDetails", "PayeeKind", "PaymentMethod", "Payout", "PayoutMethod", "PayoutRun",
    "PayoutStatus", "SolidarityMode", "SplitPolicy", "SplitRole", "account_key",
]
