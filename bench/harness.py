"""The bench harness: timing, results, statistics and the context every suite receives.

Suites (``bench/suites/<topic>.py``) define ``run(ctx) -> list[Result]``; the runner
(``bench/run.py``) sets Django up against the bench database and hands them a :class:`Context`.
This module imports nothing from Django at import time, so the report writer and its tests can
use :class:`Result` and the statistics without a configured project.
"""
from __future__ import annotations

import math
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


class BenchError(RuntimeError):
    """A benchmarked call did not do what it should (wrong status, GraphQL errors...)."""


def measure(fn: Callable[[], Any], *, repeat: int, warmup: int = 2) -> list[float]:
    """Call ``fn`` ``warmup`` times untimed, then ``repeat`` times; milliseconds per call."""
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000.0)
    return samples


def median(samples: Sequence[float]) -> float | None:
    return float(statistics.median(samples)) if samples else None


def percentile(samples: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile: the smallest sample with at least ``pct`` % of samples at or
    below it (no interpolation, so p95 is always a time that was measured)."""
    if not samples:
        return None
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100.0 * len(ordered)))
    return float(ordered[rank - 1])


def p95(samples: Sequence[float]) -> float | None:
    return percentile(samples, 95)


@dataclass
class Result:
    """One benchmark's samples. ``extra`` may carry ``target_ms`` (a p95 limit),
    ``target_ratio`` (a limit on median / bare SQL median) and ``note``."""

    name: str
    group: str
    scale: str
    samples_ms: list[float]
    bare_sql_ms: list[float] | None = None
    errors: int = 0
    unit: str = "ms"
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        return cls(**{k: data[k] for k in ("name", "group", "scale", "samples_ms")},
                   bare_sql_ms=data.get("bare_sql_ms"), errors=data.get("errors", 0),
                   unit=data.get("unit", "ms"), extra=dict(data.get("extra") or {}))


class Context:
    """What a suite gets: the scale, the repeat count, the bench database and helpers."""

    def __init__(self, *, scale: str, repeat: int, database_url: str,
                 log: Callable[[str], None] | None = None) -> None:
        self.scale = scale
        self.repeat = repeat
        self.database_url = database_url
        self._log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
        self._handler: Any = None

    def log(self, msg: str) -> None:
        self._log(msg)

    def client(self) -> Any:
        """A fresh Django test client (its own cookies) sharing one request handler, as the
        clients of one server process do: the middleware (WhiteNoise scans the static files
        when it starts) is loaded once, not once per client."""
        from django.test import Client

        client = Client()
        if self._handler is None:
            self._handler = client.handler
            self._handler.load_middleware()
        client.handler = self._handler
        return client

    def bare_sql(self, sql: str, params: Sequence[Any] | dict[str, Any] = (), *,
                 repeat: int | None = None) -> list[float]:
        """Time ``sql`` with plain psycopg (no ORM, its own connection): execute + fetch all."""
        return bare_sql_samples(self.database_url, sql, params, repeat=repeat or self.repeat)


def psycopg_dsn(database_url: str) -> str:
    """``postgres://`` URLs as libpq accepts them."""
    if database_url.startswith("postgres://"):
        return "postgresql://" + database_url[len("postgres://"):]
    return database_url


def bare_sql_samples(database_url: str, sql: str, params: Sequence[Any] | dict[str, Any] = (),
                     *, repeat: int, warmup: int = 2) -> list[float]:
    import psycopg

    with psycopg.connect(psycopg_dsn(database_url)) as conn:
        def run() -> None:
            with conn.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                if not rows:
                    raise BenchError(f"bare SQL returned no rows: {sql[:80]}")

        return measure(run, repeat=repeat, warmup=warmup)


def expect_ok(response: Any, *, status: int = 200) -> Any:
    """The response, or :class:`BenchError` when its status is not the expected one."""
    if response.status_code != status:
        raise BenchError(f"HTTP {response.status_code} (expected {status})")
    return response


def graphql_data(response: Any) -> dict[str, Any]:
    """The ``data`` of a GraphQL response; :class:`BenchError` on any error entry."""
    expect_ok(response)
    body = response.json()
    if body.get("errors"):
        raise BenchError(f"GraphQL errors: {body['errors'][:2]}")
    return body["data"]


def mutation_ok(data: dict[str, Any], field_name: str) -> dict[str, Any]:
    """A mutation's payload; :class:`BenchError` when it reports errors."""
    payload = data[field_name]
    if payload is None or payload.get("errors"):
        raise BenchError(f"{field_name}: {payload and payload.get('errors')}")
    return payload


def count_errors(calls: Iterable[Callable[[], Any]]) -> int:
    """Run each call, counting the ones that raise."""
    failed = 0
    for call in calls:
        try:
            call()
        except Exception:  # noqa: BLE001 - any failure is an error of the benchmark
            failed += 1
    return failed
