"""``manage.py relay_outbox``: publish pending outbox messages in a loop (or ``--once``).

Runs without the broker being up (unlike the beat task, which must itself be delivered), so a
deployment can keep one of these next to beat.
"""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from backend.outbox.services import outbox_relay


class Command(BaseCommand):
    help = "Publish pending outbox messages to Celery, with backoff; loops until interrupted."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="one pass, then exit")
        parser.add_argument("--interval", type=float, default=5.0,
                            help="seconds between passes (default 5)")

    def handle(self, *args, once: bool = False, interval: float = 5.0, **options) -> None:
        while True:
            sent = outbox_relay()
            if sent or once:
                self.stdout.write(f"relayed {sent} message(s)")
            if once:
                return
            try:
                time.sleep(max(interval, 0.1))
            except KeyboardInterrupt:
                return
