"""Load suite: the locust profile (``bench/locustfile.py``) against gunicorn on loopback.

gunicorn serves the bench database in production mode (DEBUG off, a secret key, allowed hosts;
TLS switches off because loopback is plain HTTP), locust runs headless as a subprocess for
``BENCH_LOAD_SECONDS`` (60) with ``BENCH_LOAD_USERS`` (20) users spawned at
``BENCH_LOAD_SPAWN_RATE`` (5) per second. Results (group "load"): every request, each kind
of request (browse, search, checkout steps), and the requests per second. Target: 0 errors.

The same functions drive ``tests/bench/test_locust_profile.py`` on a small database.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
SEARCH_TERMS = ["argan", "miel", "safran", "dattes", "couscous", "huile", "amlou", "olive",
                "tapis", "savon"]
DESTINATIONS = ["casablanca", "rabat", "marrakech", "agadir", "fes", "tanger"]


@dataclass
class LoadRun:
    """What a locust run measured: raw samples (name, kind, ms, ok) and its wall time."""

    samples: list[tuple[str, str, float, bool]]
    seconds: float
    exit_code: int
    log: str = ""

    @property
    def requests(self) -> int:
        return len(self.samples)

    @property
    def errors(self) -> int:
        return sum(1 for *_rest, ok in self.samples if not ok)

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def times(self, *, kind: str | None = None, name: str | None = None) -> list[float]:
        return [ms for n, k, ms, _ok in self.samples
                if (kind is None or k == kind) and (name is None or n == name)]

    def errors_of(self, *, kind: str | None = None, name: str | None = None) -> int:
        return sum(1 for n, k, _ms, ok in self.samples
                   if not ok and (kind is None or k == kind) and (name is None or n == name))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def targets_build(*, products: int = 300, categories: int = 60, checkouts: int = 40,
                  min_stock: int = 50) -> dict[str, Any]:
    """What the shoppers ask for, read from the current database (Django set up).

    Products and categories are published ones with stock; a checkout recipe is a variant with
    plenty of stock and a city the delivery router can reach from its cooperative, so a failed
    checkout under load is a real error, never an undeliverable cart.
    """
    from django.conf import settings
    from django.db.models import F

    from backend.graphql.core.ids import to_global_id
    from catalog.models import Category, Channel, Product, ProductVariant
    from fulfillment.models import City
    from fulfillment.selectors import delivery_estimate

    channel = (Channel.objects.filter(slug=settings.DEFAULT_CHANNEL_SLUG, is_active=True).first()
               or Channel.objects.filter(is_active=True).order_by("pk").first())
    if channel is None:
        raise RuntimeError("no active channel: seed the database first")
    listed = Product.objects.filter(channel_listings__channel=channel,
                                    channel_listings__is_published=True,
                                    channel_listings__visible_in_listings=True)
    product_slugs = list(listed.order_by("pk").values_list("slug", flat=True)[:products])
    category_slugs = list(Category.objects.filter(products__in=listed).distinct()
                          .order_by("slug").values_list("slug", flat=True)[:categories])
    variants = (ProductVariant.objects
                .filter(product__in=listed, channel_listings__channel=channel,
                        stock__quantity__gte=F("stock__quantity_allocated") + min_stock)
                .select_related("product__cooperative__city")
                .order_by("pk")[:checkouts * 4])
    cities = list(City.objects.filter(slug__in=DESTINATIONS))
    recipes = []
    for index, variant in enumerate(variants):
        cooperative = variant.product.cooperative
        candidates = ([cities[index % len(cities)]] if cities else []) + [cooperative.city]
        for city in candidates:
            if delivery_estimate(cooperative, city).option is not None:
                recipes.append({"variant": to_global_id("ProductVariant", variant.pk),
                                "city": city.name.upper(),
                                "postal_code": city.postal_code or "10000"})
                break
        if len(recipes) >= checkouts:
            break
    return {"channel": channel.slug, "products": product_slugs, "categories": category_slugs,
            "searches": SEARCH_TERMS, "checkouts": recipes}


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production-like settings for gunicorn on plain-HTTP loopback."""
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "bench.load_settings", "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # loopback is plain HTTP: no TLS redirect, cookies not marked secure
        "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        # the profile's shoppers are all one address: the sign-in limits do not apply to them
        # (they never sign in), and are off so that a misstep cannot turn into 429s
        "RATELIMIT_ENABLED": "0",
        # order e-mails are sent inside the request (as the bench runs) and thrown away
        "CELERY_TASK_ALWAYS_EAGER": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


@contextmanager
def gunicorn(database_url: str, *, workers: int = 2, log_dir: Path,
             startup_timeout: float = 90.0, **env_extra: str) -> Iterator[str]:
    """gunicorn serving ``database_url`` on a free loopback port; yields its base URL and
    always stops it (its own process group)."""
    port = free_port()
    log_path = log_dir / "gunicorn.log"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "backend.wsgi:application", "-b", f"127.0.0.1:{port}",
             "-w", str(workers), "--timeout", "60", "--graceful-timeout", "5"],
            cwd=ROOT, env=server_env(database_url, **env_extra), stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while not _healthy(f"{base}/healthz"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not become healthy:\n"
                                   f"{log_path.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)


def locust_run(host: str, targets: dict[str, Any], *, seconds: int, users: int,
               spawn_rate: float, work_dir: Path, tags: Sequence[str] = ()) -> LoadRun:
    """Run the profile headless against ``host`` for ``seconds``; the raw samples.
    ``tags`` (browse, search, checkout) keeps only those tasks."""
    targets_path, samples_path = work_dir / "targets.json", work_dir / "samples.json"
    targets_path.write_text(json.dumps(targets))
    env = dict(os.environ, COOPSTORE_LOAD_TARGETS=str(targets_path),
               COOPSTORE_LOAD_SAMPLES=str(samples_path), PYTHONUNBUFFERED="1")
    env.pop("DJANGO_SETTINGS_MODULE", None)  # locust is a plain HTTP client
    started = time.monotonic()
    completed = subprocess.run(
        [str(BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "--host", host,
         "-u", str(users), "-r", str(spawn_rate), "-t", f"{seconds}s", "--stop-timeout", "10",
         "--only-summary", "--loglevel", "WARNING", *(["--tags", *tags] if tags else [])],
        cwd=work_dir, env=env, capture_output=True, text=True, timeout=seconds + 120)
    elapsed = time.monotonic() - started
    if not samples_path.exists():
        raise RuntimeError(f"locust wrote no samples (exit {completed.returncode}):\n"
                           f"{completed.stderr[-3000:]}")
    samples = [tuple(s) for s in json.loads(samples_path.read_text())]
    log = completed.stdout + completed.stderr
    return LoadRun(samples=samples, seconds=min(elapsed, float(seconds)) or elapsed,
                   exit_code=completed.returncode, log=log)


def results_from(run: LoadRun, *, scale: str, users: int, seconds: int) -> list[Any]:
    """The run as bench Results (group "load")."""
    from bench.harness import Result

    label = f"{users} users, {seconds} s"
    extra = {"requests": run.requests, "requests_per_second": round(run.requests_per_second, 1),
             "users": users, "seconds": seconds, "target_errors": 0}
    results = [
        Result(name=f"load: every request ({label})", group="load", scale=scale,
               samples_ms=run.times(), errors=run.errors,
               extra={**extra, "note": f"{run.requests_per_second:.1f} req/s, 0 errors wanted"}),
        Result(name=f"load: requests per second ({label})", group="load", scale=scale,
               samples_ms=[round(run.requests_per_second, 2)], errors=run.errors, unit="req/s",
               extra=extra),
    ]
    for kind, title in (("browse", "browse pages"), ("search", "search results"),
                        ("checkout", "checkout steps")):
        results.append(Result(name=f"load: {title} ({label})", group="load", scale=scale,
                              samples_ms=run.times(kind=kind), errors=run.errors_of(kind=kind),
                              extra={"requests": len(run.times(kind=kind))}))
    results.append(Result(name=f"load: checkout complete ({label})", group="load", scale=scale,
                          samples_ms=run.times(name="checkout:complete"),
                          errors=run.errors_of(name="checkout:complete"),
                          extra={"orders": len(run.times(name="checkout:complete"))}))
    return results


def run(ctx: Any) -> list[Any]:
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    users = int(os.environ.get("BENCH_LOAD_USERS", "20"))
    spawn_rate = float(os.environ.get("BENCH_LOAD_SPAWN_RATE", "5"))
    workers = int(os.environ.get("BENCH_LOAD_WORKERS", "2"))
    targets = targets_build()
    ctx.log(f"load: {len(targets['products'])} products, {len(targets['checkouts'])} checkout "
            f"recipes; gunicorn x{workers}, {users} users for {seconds} s")
    with tempfile.TemporaryDirectory(prefix="coopstore-load-") as tmp:
        work_dir = Path(tmp)
        with gunicorn(ctx.database_url, workers=workers, log_dir=work_dir) as host:
            load = locust_run(host, targets, seconds=seconds, users=users,
                              spawn_rate=spawn_rate, work_dir=work_dir)
    ctx.log(f"load: {load.requests} requests, {load.requests_per_second:.1f} req/s, "
            f"{load.errors} errors")
    return results_from(load, scale=ctx.scale, users=users, seconds=seconds)
