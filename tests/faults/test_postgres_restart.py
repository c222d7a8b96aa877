"""PostgreSQL restarted and stopped under traffic: requests fail cleanly, then recover.

A private PostgreSQL cluster (never the shared one on 5432, other test runs use it) gets a
copy of the migrated test database; a real gunicorn process with production-like settings
(DEBUG off, ``CONN_MAX_AGE`` > 0, ``CONN_HEALTH_CHECKS``) serves it while a thread sends
requests. Every wait is bounded: a hung worker fails the test instead of hanging it.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
REQUEST_TIMEOUT = 8  # seconds; a request slower than this counts as a hung worker
# `shop` keeps the answer out of the anonymous catalog cache (backend/graphql/response_cache.py)
# and the session cookie keeps the home page out of the page cache: the traffic must reach the
# database to show how it fails (a cached answer served during the outage would pass anyway).
# Categories are counted in the database on every request (the channels a product listing
# needs are kept per process, so an unknown channel's empty listing would need no database).
GRAPHQL_QUERY = json.dumps({"query": "{ shop { name } categories(first: 1) { totalCount } }"})
UNCACHED_HEADERS = {"Cookie": "sessionid=fault-probe"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as the ``postgres`` user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], *, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout,
                          **kwargs)


@dataclass
class Cluster:
    bin_dir: Path
    data: Path
    port: int
    log: Path

    def pg_ctl(self, *args: str) -> None:
        _run(_as_postgres([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l",
                           str(self.log), "-w", "-t", "30", *args]), timeout=60)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/coopstore"


@pytest.fixture(scope="module")
def private_postgres(django_db_setup, django_db_blocker) -> Iterator[Cluster]:
    if not INITDB:
        pytest.skip("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are not "
                    "installed: apt-get install postgresql")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: initdb cannot run as root")
    bin_dir = Path(INITDB[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="coopstore-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    cluster = Cluster(bin_dir, base / "data", _free_port(), base / "postgres.log")
    _run(_as_postgres([str(bin_dir / "initdb"), "-D", str(cluster.data), "-U", "postgres",
                       "--auth=trust", "-E", "UTF8", "--no-sync"]), timeout=120)
    options = (f"-p {cluster.port} -c listen_addresses=127.0.0.1 -k {base} -c fsync=off "
               "-c full_page_writes=off")
    cluster.pg_ctl("-o", options, "start")
    try:
        with django_db_blocker.unblock():
            source = connection.settings_dict["NAME"]
        common = ["-h", "127.0.0.1", "-U", "postgres"]
        _run(["createdb", *common, "-p", str(cluster.port), "coopstore"])
        dump = _run(["pg_dump", *common, "-p", "5432", "--no-owner", "--no-privileges", source],
                    timeout=120)
        _run(["psql", *common, "-p", str(cluster.port), "-d", "coopstore", "-q",
              "-v", "ON_ERROR_STOP=1"], input=dump.stdout, timeout=120)
        cluster.options = options  # type: ignore[attr-defined]
        yield cluster
    finally:
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(cluster.data), "-m",
                                     "immediate", "-w", "-t", "30", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class Web:
    url: str
    log: Path
    process: subprocess.Popen


@pytest.fixture(scope="module")
def web(private_postgres: Cluster, tmp_path_factory) -> Iterator[Web]:
    """gunicorn: one worker process with threads, a worker timeout, production settings."""
    port = _free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(DATABASE_URL=private_postgres.url, DJANGO_SETTINGS_MODULE="tests.faults.pg_settings",
               SECRET_KEY="fault-test-secret-key-not-used-elsewhere-0123456789", DEBUG="0",
               CONN_MAX_AGE="60", DATABASE_CONNECT_TIMEOUT="3", REDIS_URL="",
               SESSION_COOKIE_SECURE="0", CSRF_COOKIE_SECURE="0", SECURE_SSL_REDIRECT="0",
               MEDIA_ROOT=str(log.parent / "media"), PYTHONPATH=str(ROOT))
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "backend.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "20",
             "--graceful-timeout", "3", "--chdir", str(ROOT)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    web = Web(f"http://127.0.0.1:{port}", log, process)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and process.poll() is None:
            if _get(web, "/healthz").status == 200:
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"gunicorn did not become ready: {log.read_text()[-3000:]}")
        yield web
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@dataclass
class Result:
    path: str
    started: float
    elapsed: float
    status: int  # 0: no HTTP answer at all (connection failed or timed out)
    body: str


def _get(web: Web, path: str) -> Result:
    started = time.monotonic()
    data = GRAPHQL_QUERY.encode() if path == "/graphql/" else None
    request = urllib.request.Request(web.url + path, data=data,
                                     headers={"Content-Type": "application/json",
                                              **UNCACHED_HEADERS})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            status, body = response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode(errors="replace")
    except (urllib.error.URLError, OSError) as error:
        status, body = 0, repr(error)
    return Result(path, started, time.monotonic() - started, status, body)


class Traffic:
    """A thread sending /healthz, a GraphQL query and the home page, round and round."""

    def __init__(self, web: Web) -> None:
        self.web, self.results, self._stop = web, [], threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        paths = ("/healthz", "/graphql/", "/")
        index = 0
        while not self._stop.is_set():
            self.results.append(_get(self.web, paths[index % len(paths)]))
            index += 1
            time.sleep(0.05)

    def __enter__(self) -> Traffic:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=REQUEST_TIMEOUT + 5)
        assert not self._thread.is_alive(), "a request never returned"

    def since(self, moment: float, until: float = float("inf")) -> list[Result]:
        return [r for r in self.results if moment <= r.started and r.started + r.elapsed < until]

    def wait_for(self, count: int, after: float, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.since(after)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.since(after)) >= count, "the traffic thread stalled"


def _healthy(result: Result) -> bool:
    if result.status != 200:
        return False
    if result.path == "/graphql/":
        return "errors" not in json.loads(result.body)
    return True


def _unhealthy(results: list[Result]) -> list[tuple[str, int, str]]:
    return [(r.path, r.status, r.body[:400]) for r in results if not _healthy(r)]


def _failed_cleanly(result: Result) -> bool:
    """During the outage: /healthz 503 naming the database, GraphQL a JSON error, the page
    the project's error page; none of them a traceback."""
    if result.path == "/healthz":
        return (result.status == 503
                and json.loads(result.body)["database"]["status"] == "error")
    if result.path == "/graphql/":
        body = json.loads(result.body)
        return result.status in (200, 500, 503) and body.get("errors") and "Traceback" not in (
            result.body)
    return result.status in (500, 503) and "Réessayez dans un instant" in result.body


def test_settings_keep_connections_and_check_them_before_use(settings):
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] > 0


@pytest.mark.django_db  # so that pytest-django sets up the test database copied above
def test_requests_fail_cleanly_while_postgres_is_down_and_recover_after(private_postgres, web):
    cluster = private_postgres
    with Traffic(web) as traffic:
        start = time.monotonic()
        traffic.wait_for(6, after=start)

        # A fast restart under traffic: the persistent connections die with the server.
        restarting = time.monotonic()
        cluster.pg_ctl("-m", "fast", "-o", cluster.options, "restart")
        restarted = time.monotonic()
        traffic.wait_for(6, after=restarted)

        # Down for a while: every request gets a clean, quick error.
        stopping = time.monotonic()
        cluster.pg_ctl("-m", "fast", "stop")
        stopped = time.monotonic()
        traffic.wait_for(6, after=stopped)
        starting = time.monotonic()
        cluster.pg_ctl("-o", cluster.options, "start")
        started_again = time.monotonic()
        traffic.wait_for(6, after=started_again)

    before = traffic.since(start, until=restarting)
    after_restart = traffic.since(restarted, until=stopping)
    during = traffic.since(stopped, until=starting)
    after = traffic.since(started_again)
    assert before and _unhealthy(before) == []
    # CONN_HEALTH_CHECKS: the first request after the restart already reconnects.
    assert after_restart and _unhealthy(after_restart) == []
    assert {r.path for r in during} == {"/healthz", "/graphql/", "/"}
    assert [r for r in during if not _failed_cleanly(r)] == []
    assert after and _unhealthy(after) == []
    # While PostgreSQL goes down or comes up, a request either works or fails cleanly.
    assert [r for r in traffic.results if not (_healthy(r) or _failed_cleanly(r))] == []
    slowest = max(traffic.results, key=lambda r: r.elapsed)
    assert slowest.elapsed < REQUEST_TIMEOUT, slowest
    assert web.process.poll() is None
    assert "WORKER TIMEOUT" not in web.log.read_text()
