"""Each bench scale has its own database: asking for 10k alone never reseeds the 1k one."""
from __future__ import annotations

from bench.run import database_url


def test_the_1k_scale_uses_the_given_database_and_other_scales_their_own(monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_URL", "postgres://pg@db:5432/coopstore_bench_1k")
    for scales in ("1k 10k", "10k", "10k 1k"):
        monkeypatch.setenv("BENCH_SCALES", scales)
        assert database_url("1k") == "postgres://pg@db:5432/coopstore_bench_1k"
        assert database_url("10k") == "postgres://pg@db:5432/coopstore_bench_10k"
