"""A plain-text progress bar on stderr: ``orders  45000/100000 [#####     ] 45%``."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Redrawn in place on a terminal; on a pipe (CI logs) one line per tenth of the work."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None,
                 width: int = 30, enabled: bool = True) -> None:
        self.label, self.total, self.width = label, max(total, 0), width
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_tenth = -1
        self._draw()

    def line(self) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = int(self.width * share)
        return (f"{self.label:<10} {self.done:>{len(str(self.total))}}/{self.total} "
                f"[{'#' * filled}{' ' * (self.width - filled)}] {int(share * 100):3d}% "
                f"{time.monotonic() - self.started:6.1f}s")

    def advance(self, count: int = 1) -> None:
        self.done = min(self.done + count, self.total)
        self._draw()

    def _draw(self) -> None:
        if not self.enabled:
            return
        if self._tty:
            self.stream.write("\r" + self.line())
            self.stream.flush()
            return
        tenth = (self.done * 10 // self.total) if self.total else 10
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def finish(self) -> float:
        self.done = self.total
        self._draw()
        if self.enabled and self._tty:
            self.stream.write("\n")
        return time.monotonic() - self.started
