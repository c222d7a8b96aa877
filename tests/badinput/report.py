"""The bad-input campaign's report: counts per part, written by each test process, summed
at the end of the run into ``test-artifacts/bad-input-report.txt`` and the terminal summary.

Each process (pytest-xdist worker or a plain run) writes its own JSON file named after the run
(``COOPSTORE_BADINPUT_RUN``, set by the controlling process before pytest-xdist starts its
workers, which inherit it); the summary reads only the current run's files, so neither an
earlier run nor another run in the same tree is counted.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PARTS_DIR = ARTIFACTS / "bad-input"
REPORT = ARTIFACTS / "bad-input-report.txt"
COUNTERS = ("operations", "inputs", "http_500", "unhandled_exceptions", "changed_on_refusal")

RUN_VARIABLE = "COOPSTORE_BADINPUT_RUN"
_totals: dict[str, dict[str, Any]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
_operations: dict[str, set[str]] = defaultdict(set)


def record(part: str, *, operation: str | None = None, inputs: int = 0, http_500: int = 0,
           unhandled_exceptions: int = 0, changed_on_refusal: int = 0) -> None:
    """Add to this process's counts for ``part`` and save them at once (a crash keeps them)."""
    counts = _totals[part]
    if operation is not None:
        _operations[part].add(operation)
    counts["operations"] = len(_operations[part])
    counts["inputs"] += inputs
    counts["http_500"] += http_500
    counts["unhandled_exceptions"] += unhandled_exceptions
    counts["changed_on_refusal"] += changed_on_refusal
    PARTS_DIR.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    path = PARTS_DIR / f"{_run_id()}-{worker}-{os.getpid()}.json"
    payload = {part: {**c, "operation_names": sorted(_operations[p])}
               for p, c in _totals.items() for part in [p]}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload))
    tmp.replace(path)


def _run_id() -> str:
    return os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex)


def summary_lines(run_id: str) -> list[str]:
    """The report of run ``run_id``'s files; [] when it tried nothing."""
    merged: dict[str, dict[str, Any]] = {}
    names: dict[str, set[str]] = defaultdict(set)
    for path in sorted(PARTS_DIR.glob(f"{run_id}-*.json")) if PARTS_DIR.exists() else []:
        for part, counts in json.loads(path.read_text()).items():
            total = merged.setdefault(part, dict.fromkeys(COUNTERS, 0))
            names[part].update(counts.get("operation_names", []))
            for key in COUNTERS[1:]:
                total[key] += counts.get(key, 0)
    if not merged:
        return []
    lines = ["Bad-input campaign (issue #9)"]
    for part in sorted(merged):
        counts = merged[part]
        counts["operations"] = len(names[part])
        lines.append(
            f"  {part:<13} operations/forms: {counts['operations']:>4}  inputs tried: "
            f"{counts['inputs']:>6}  HTTP 500 seen: {counts['http_500']}  unhandled exceptions: "
            f"{counts['unhandled_exceptions']}  changed data on refusal: "
            f"{counts['changed_on_refusal']}")
    all_inputs = sum(c["inputs"] for c in merged.values())
    all_500 = sum(c["http_500"] + c["unhandled_exceptions"] for c in merged.values())
    lines.append(f"  total inputs tried: {all_inputs}, 500s seen: {all_500}")
    return lines


def mark_start() -> None:
    """pytest_sessionstart: name this run (workers keep their controller's name) and drop
    part files older than a day."""
    _run_id()
    for path in PARTS_DIR.glob("*.json") if PARTS_DIR.exists() else []:
        if path.stat().st_mtime < time.time() - 24 * 3600:
            path.unlink(missing_ok=True)


def emit(terminalreporter: Any) -> None:
    """pytest_terminal_summary: write the report file and print it (also without ``-s``)."""
    lines = summary_lines(_run_id())
    if not lines:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n")
    terminalreporter.write_sep("=", "bad-input campaign")
    for line in lines:
        terminalreporter.write_line(line)
