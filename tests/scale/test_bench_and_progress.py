"""The payout bench suite repeats on the same data; the progress bar prints plain lines."""
from __future__ import annotations

import io
import os

import pytest
from django.core.management import call_command

from backend.fairpay.models import Journal, Payout, PayoutRun
from backend.scale.progress import Progress


class BenchContext:
    scale = "1k"
    repeat = 2
    database_url = os.environ.get("DATABASE_URL", "")

    def __init__(self) -> None:
        self.messages: list[str] = []

    def log(self, message: str) -> None:
        self.messages.append(message)


@pytest.mark.django_db
def test_the_payout_suite_times_runs_that_are_rolled_back():
    from bench.suites import payouts

    call_command("seed_scale", cooperatives=12, products=60, orders=300, anchor="2026-11-30",
                 no_progress=True, stdout=io.StringIO())
    journals = Journal.objects.count()

    [result] = payouts.run(BenchContext())

    assert (result.name, result.group, result.scale) == ("payout run", "batch", "1k")
    assert len(result.samples_ms) == 2 and all(ms > 0 for ms in result.samples_ms)
    assert result.extra["payouts"] > 5 and result.extra["orders"] == 300
    # Each run was rolled back: the second one paid the same, and nothing stayed.
    assert not PayoutRun.objects.exists() and not Payout.objects.exists()
    assert Journal.objects.count() == journals


def test_the_progress_bar_prints_a_line_per_tenth_on_a_pipe():
    stream = io.StringIO()
    bar = Progress("orders", 100000, stream=stream, width=10)
    bar.advance(45000)
    bar.advance(5000)
    bar.finish()

    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("orders          0/100000 [          ]   0%")
    assert lines[1].startswith("orders      45000/100000 [####      ]  45%")
    assert lines[-1].startswith("orders     100000/100000 [##########] 100%")
    assert len(lines) == 4
