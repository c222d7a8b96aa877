"""``make bench``: prepare the bench database of each scale, run every suite, write the report.

    .venv/bin/python bench/run.py            # what `make bench` runs

Environment (all optional):
  BENCH_SCALES        "1k" (default) or "1k 10k"
  BENCH_DATABASE_URL  database of the 1k scale (default
                      postgres://postgres@127.0.0.1:5432/coopstore_bench_1k); other scales use the
                      same server with the database named coopstore_bench_<scale>
  BENCH_ONLY          comma-separated suite modules to run (e.g. storefront,graphql_reads); their
                      results replace theirs in the previous latest.json, the others are kept
  BENCH_REPEAT        timed calls per read benchmark (default 30)
  BENCH_SEED          seed of seed_scale (default 42)
  BENCH_REDIS_URL     cache for the bench process (default redis://127.0.0.1:6379/13; "" = local
                      memory), as in production where Redis holds the cache
  BENCH_README        "0" to leave README.md alone
  BENCH_SKIP_SEED     "1" to use the database as it is (development against seed_demo data)

The parent process runs one child process per suite and scale (Django is configured once per
process, and each scale has its own database); each child writes its results as JSON, the parent
merges them and writes bench/results/ and the README table. A suite in its own process measures
what a fresh web process does, not the heap another suite left behind (the import suite's
objects made later pages pay for longer collector passes). The read suites run first, on the
data as seeded, before the write suites add orders, products and dead rows.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.harness import Context, Result  # noqa: E402

SUITES_DIR = ROOT / "bench" / "suites"
RESULTS_DIR = ROOT / "bench" / "results"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/coopstore_bench_1k"
# Reads first, then the suites that write; a suite not listed runs after these, by name.
SUITE_ORDER = ("storefront", "graphql_reads", "kpi", "checkout", "catalog_import", "payouts",
               "load")
# seed_scale parameters of each scale (issue #10: 1k, and ten times that).
SCALES: dict[str, dict[str, int]] = {
    "1k": {"cooperatives": 1000, "products": 20000, "orders": 100000},
    "10k": {"cooperatives": 10000, "products": 200000, "orders": 1000000},
}


def log(msg: str) -> None:
    stamp = time.strftime("%H:%M:%S", time.gmtime())  # Django sets TZ in the child: say UTC
    print(f"[bench {stamp}Z] {msg}", file=sys.stderr, flush=True)


def database_url(scale: str) -> str:
    """BENCH_DATABASE_URL is the 1k database; any other scale uses the same server with the
    database ``coopstore_bench_<scale>``, so ``BENCH_SCALES=10k`` alone never reseeds the 1k one."""
    base = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    if scale == "1k":
        return base
    return base.rsplit("/", 1)[0] + f"/coopstore_bench_{scale}"


def ensure_database(url: str) -> None:
    """Create the database if the server does not have it yet."""
    import psycopg

    from bench.harness import psycopg_dsn

    base, name = psycopg_dsn(url).rsplit("/", 1)
    name = name.split("?", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            log(f"creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def redis_url() -> str:
    """BENCH_REDIS_URL if Redis answers there, else "" (local memory cache)."""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    if not url:
        return ""
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means no Redis for the bench
        log(f"Redis unreachable at {url} ({exc}); local memory cache instead")
        return ""
    return url


def child_environment(url: str, cache_url: str) -> dict[str, str]:
    """Production-like settings on loopback: DEBUG off, no TLS redirect, eager Celery, rate
    limits off (one client makes all the requests), warnings-only logs."""
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "backend.settings",
        "SECRET_KEY": env.get("BENCH_SECRET_KEY", "bench-only-secret-key-not-for-production-0123"),
        "DEBUG": "false", "SECURE_SSL_REDIRECT": "false", "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false", "CELERY_TASK_ALWAYS_EAGER": "true",
        "RATELIMIT_ENABLED": "false", "LOG_LEVEL": "WARNING", "REDIS_URL": cache_url,
        "DUMMY_PAYMENTS_ENABLED": "false",
        # eager tasks send the order e-mails inside the request: keep them in memory
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    })
    return env


def discover(only: str = "") -> list[str]:
    """Suite modules of bench/suites/, filtered by BENCH_ONLY."""
    names = sorted((p.stem for p in SUITES_DIR.glob("*.py") if not p.stem.startswith("_")),
                   key=lambda name: (SUITE_ORDER.index(name) if name in SUITE_ORDER
                                     else len(SUITE_ORDER), name))
    wanted = {n.strip() for n in only.split(",") if n.strip()}
    if wanted:
        unknown = wanted - set(names)
        if unknown:
            raise SystemExit(f"BENCH_ONLY names unknown suites: {', '.join(sorted(unknown))}")
        names = [n for n in names if n in wanted]
    return names


# --- child: one scale, inside Django -------------------------------------------------------

def seeded_parameters() -> dict | None:
    """h1's marker of what seed_scale wrote in this database (None before it exists)."""
    try:
        from backend.scale import seeded_parameters as read
    except ImportError:
        return None
    try:
        return read()
    except Exception as exc:  # noqa: BLE001 - an unreadable marker means "seed again"
        log(f"seeded_parameters() failed: {exc}")
        return None


def prepare(scale: str, seed: int) -> str:
    """Migrate, then seed unless the database already holds this scale (seed_scale --reset
    drops only generated rows left by another scale or a broken seed). Returns how the data
    came to be."""
    from django.core.management import call_command, get_commands

    log("migrate")
    call_command("migrate", interactive=False, verbosity=0)
    wanted = {**SCALES[scale], "seed": seed}
    if os.environ.get("BENCH_SKIP_SEED"):
        log("BENCH_SKIP_SEED: the database is used as it is")
        return "as found (BENCH_SKIP_SEED)"
    have = seeded_parameters() or {}
    if have and all(have.get(k) == v for k, v in wanted.items()):
        log(f"reusing the seeded database ({have})")
        return f"seed_scale {wanted} (reused)"
    if "seed_scale" in get_commands():
        log(f"seed_scale {wanted}")
        started = time.perf_counter()
        call_command("seed_scale", **wanted, reset=True)
        return f"seed_scale {wanted} ({time.perf_counter() - started:.0f} s)"
    from catalog.models import Product

    if not Product.objects.exists():
        log("seed_scale is not available: seeding the demo data instead")
        call_command("seed_demo")
    return "seed_demo (seed_scale not available)"


def run_suites(ctx: Context, names: list[str]) -> tuple[list[Result], list[str]]:
    results: list[Result] = []
    errors: list[str] = []
    for name in names:
        ctx.log(f"suite {name} [{ctx.scale}]")
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.suites.{name}")
            for result in module.run(ctx):
                result.extra.setdefault("suite", name)
                results.append(result)
        except Exception as exc:  # noqa: BLE001 - one broken suite must not stop the others
            traceback.print_exc()
            errors.append(f"{name} [{ctx.scale}]: {type(exc).__name__}: {exc}"[:300])
        ctx.log(f"suite {name} done in {time.perf_counter() - started:.1f} s")
    return results, errors


def static_files(env: dict[str, str]) -> str:
    """Collect static files for the manifest storage used with DEBUG off; "" when that works,
    else why not (the child then serves them unhashed, which costs a page the same)."""
    code = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                          env=env, cwd=ROOT, capture_output=True, text=True)
    if code.returncode == 0:
        return ""
    lines = code.stderr.strip().splitlines() or ["collectstatic failed"]
    reason = next((line for line in lines if "Error" in line), lines[-1])[:200]
    log(f"collectstatic failed ({reason}): static files served unhashed")
    return reason


def child(scale: str, out: Path, suites: list[str], *, prepared: bool) -> None:
    import django

    django.setup()
    if os.environ.get("BENCH_PLAIN_STATIC"):
        # Before anything opens the storage: plain file names instead of the manifest.
        from django.conf import settings

        settings.STORAGES = {**settings.STORAGES, "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    seed = int(os.environ.get("BENCH_SEED", "42"))
    data = "" if prepared else prepare(scale, seed)
    if suites:  # the preparation's process measures nothing
        from backend.core.warmup import warm_up_and_freeze

        warm_up_and_freeze()  # as backend/wsgi.py does in every web process
    ctx = Context(scale=scale, repeat=int(os.environ.get("BENCH_REPEAT", "30")),
                  database_url=os.environ["DATABASE_URL"], log=log)
    results, errors = run_suites(ctx, suites)
    out.write_text(json.dumps({"data": data, "results": [r.to_dict() for r in results],
                               "errors": errors}), encoding="utf-8")


# --- parent ----------------------------------------------------------------------------------

def _run_child(scale: str, env: dict[str, str], suite: str, *, prepared: bool) -> dict | None:
    """One child process: its results, None when it failed."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        command = [sys.executable, __file__, "--child", "--scale", scale, "--out", str(out),
                   "--suites", suite]
        code = subprocess.call([*command, "--prepared"] if prepared else command, env=env,
                               cwd=ROOT)
        if code != 0 or not out.exists():
            return None
        return json.loads(out.read_text(encoding="utf-8"))


def merged_with_previous(results: list[Result], *, suites: list[str],
                         scales: list[str]) -> list[Result]:
    """A partial run (BENCH_ONLY) replaces only its suites' results at its scales in the
    previous latest.json; the other benchmarks stay as they were measured."""
    previous_file = RESULTS_DIR / "latest.json"
    if not previous_file.exists():
        return results
    previous = [Result.from_dict(r) for r in
                json.loads(previous_file.read_text(encoding="utf-8")).get("samples", [])]
    kept = [r for r in previous if not (r.extra.get("suite") in suites and r.scale in scales)]
    order = {name: i for i, name in enumerate(discover())}
    return sorted(kept + results, key=lambda r: (r.scale != "1k", r.scale,
                                                  order.get(r.extra.get("suite", ""), 99)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scale", default="1k")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--suites", default="")
    parser.add_argument("--prepared", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.scale, args.out, [n for n in args.suites.split(",") if n],
              prepared=args.prepared)
        return 0

    scales = os.environ.get("BENCH_SCALES", "1k").split()
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        raise SystemExit(f"unknown BENCH_SCALES {unknown}; known: {', '.join(SCALES)}")
    discover(os.environ.get("BENCH_ONLY", ""))  # fail early on a wrong BENCH_ONLY
    cache_url = redis_url()
    static_problem = ""
    load_at_start = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    started_at = datetime.now(UTC)
    results: list[Result] = []
    suite_errors: list[str] = []
    data: dict[str, str] = {}
    for scale in scales:
        url = database_url(scale)
        ensure_database(url)
        log(f"scale {scale}: {url}")
        env = child_environment(url, cache_url)
        static_problem = static_problem or static_files(env)
        if static_problem:
            env["BENCH_PLAIN_STATIC"] = "1"
        # An empty first run prepares the database (migrate, seed) once for all the suites.
        for index, suite in enumerate(["", *discover(os.environ.get("BENCH_ONLY", ""))]):
            part = _run_child(scale, env, suite, prepared=index > 0)
            if part is None:
                suite_errors.append(f"scale {scale}: the bench process of "
                                    f"{suite or 'the preparation'} failed")
                if not suite:
                    break
                continue
            if not suite:
                data[scale] = part["data"]
            results.extend(Result.from_dict(r) for r in part["results"])
            suite_errors.extend(part["errors"])

    only = os.environ.get("BENCH_ONLY", "")
    if only:
        results = merged_with_previous(results, suites=discover(only), scales=scales)

    from bench.report import document, write_all

    finished = datetime.now(UTC)
    doc = document(results, meta={
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": finished.isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()}-core {platform.machine()} {platform.system()}, "
                   f"Python {platform.python_version()}",
        "scales": scales, "repeat": int(os.environ.get("BENCH_REPEAT", "30")),
        "data": data, "cache": "redis" if cache_url else "local memory",
        "suite_errors": suite_errors,
        "static_files": f"unhashed ({static_problem})" if static_problem else "manifest",
        "load_average": f"{load_at_start} at the start, "
                        + " / ".join(f"{x:.1f}" for x in os.getloadavg()) + " at the end",
        "partial": f"BENCH_ONLY={only}: the other rows come from the previous run" if only
                   else "",
    })
    readme = None if os.environ.get("BENCH_README") == "0" else ROOT / "README.md"
    written = write_all(doc, RESULTS_DIR, stamp=finished.strftime("%Y%m%dT%H%M%SZ"),
                        readme=readme)
    for path in written:
        log(f"wrote {path.relative_to(ROOT)}")
    failed = [r for r in doc["benchmarks"] if r["passed"] is False]
    log(f"{len(doc['benchmarks'])} benchmarks, {len(failed)} missed their target, "
        f"{len(suite_errors)} suite errors")
    return 1 if suite_errors else 0


if __name__ == "__main__":
    sys.exit(main())
