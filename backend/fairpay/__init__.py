"""Fair pay: the split policy, order split snapshots, the ledger, payouts, member distribution."""
