"""Django admin of fair pay: network admins edit the policy, run payouts, read the ledger."""
from . import ledger, members, payouts, policy  # noqa: F401  (registers the model admins)
