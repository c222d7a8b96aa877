"""The transactional outbox: work due after a commit is written in the same transaction and
relayed to Celery, so a broker outage delays it instead of losing it."""
