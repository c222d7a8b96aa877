"""A thread that COPYs generated chunks while the next chunk is built."""
from __future__ import annotations

import queue
import threading

from django.db import connection

from .context import SeedContext


class ChunkWriter:
    """COPYs chunks of rows on the seed's connection (inside its transaction) from a thread:
    generating rows (Python) and writing them (PostgreSQL) overlap."""

    def __init__(self, ctx: SeedContext) -> None:
        connection.ensure_connection()
        self.ctx, self.raw = ctx, connection.connection
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="seed-scale-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (rows := self.queue.get()) is not None:
            if self.error is not None:
                continue
            try:
                for model, batch in rows.items():
                    self.ctx.copy(model, batch, raw_connection=self.raw)
                with self.raw.cursor() as cursor:
                    # Run the deferred checks (foreign keys, balanced journals) of the chunk,
                    # when the triggers are on.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            except BaseException as exc:  # noqa: BLE001 - re-raised in the seeding thread
                self.error = exc

    def put(self, rows: dict) -> None:
        self._raise()
        self.queue.put(rows)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        self._raise()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error
