"""A test-only task for the worker-fault test (loaded with ``celery worker -I``): it credits a
stock once per task (idempotency key), then, on its first run only, blocks until killed."""
from __future__ import annotations

import os
import time
from pathlib import Path

from celery import shared_task
from django.db.models import F

from backend.outbox.idempotency import effect_once


@shared_task(bind=True)
def stock_credit_then_block(self, variant_id: int, quantity: int, log_path: str) -> bool:
    log = Path(log_path)
    with log.open("a") as out:
        out.write(f"start {os.getpid()}\n")
    from catalog.models import Stock

    with effect_once(f"stock-credit:{self.request.id}") as fresh:
        if fresh:
            Stock.objects.filter(variant_id=variant_id).update(quantity=F("quantity") + quantity)
    with log.open("a") as out:
        out.write(f"effect {'done' if fresh else 'skipped'} {os.getpid()}\n")
    if log.read_text().count("start") == 1:
        time.sleep(120)  # killed here: effect committed, task not acknowledged
    return fresh
