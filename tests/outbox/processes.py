"""Real processes for the deployment tests: gunicorn, Celery worker and beat, started against
the test database (committed data: transactional tests) and a Redis queue of the test's own.
Every process is killed by the caller's fixture finalizer; every wait is bounded."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    s = connection.settings_dict
    return (f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:"
            f"{s['PORT'] or 5432}/{s['NAME']}")


def process_env(*, broker: str, queue: str, tmp: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "backend.settings", "DATABASE_URL": database_url(),
        "REDIS_URL": broker, "CELERY_QUEUE": queue, "CELERY_TASK_ALWAYS_EAGER": "0",
        "MEDIA_ROOT": str(tmp / "media"), "EMAIL_FILE_PATH": str(tmp / "emails"),
        "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


@dataclass
class Processes:
    """The processes a test started; ``stop_all`` kills what is left (finalizer)."""

    logs: Path
    started: list[subprocess.Popen] = field(default_factory=list)

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        process.log_path = self.logs / f"{name}.log"  # type: ignore[attr-defined]
        self.started.append(process)
        return process

    def worker(self, name: str, env: dict[str, str], *extra: str) -> subprocess.Popen:
        return self.start(name, [str(BIN / "celery"), "-A", "backend", "worker", "--pool", "solo",
                                 "-Q", env["CELERY_QUEUE"], "-n", f"{name}@%h",
                                 "--without-mingle", "--without-gossip", "-l", "info", *extra],
                          env)

    def kill(self, process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
        if process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(15)

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(10)
                except (subprocess.TimeoutExpired, ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(10)

    def log(self, process: subprocess.Popen) -> str:
        return Path(process.log_path).read_text(errors="replace")  # type: ignore[attr-defined]


def wait_for(predicate: Callable[[], object], *, timeout: float = 60.0, what: str,
             processes: Processes | None = None) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    tails = ""
    if processes is not None:
        tails = "\n".join(f"--- {p.args[:4]}\n{processes.log(p)[-3000:]}"
                          for p in processes.started)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}\n{tails}")
