"""Structured logs: one JSON object a line, each carrying the request id of its request or task.

The request id lives in a context variable set by ``RequestObservabilityMiddleware`` (and by
the Celery signals of ``backend.metrics`` in a worker), so any logger, anywhere in the code,
writes it without being handed it.
"""
from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")

# Attributes every LogRecord has; anything else was passed with ``extra=`` and is written out.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime",
                                                                        "request_id"}


def request_id_clean(value: object) -> str | None:
    """A client's ``X-Request-ID`` if it is 1-64 characters of ``[A-Za-z0-9-]``, else None."""
    if isinstance(value, str) and REQUEST_ID_RE.match(value):
        return value
    return None


def request_id_new() -> str:
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record (empty outside a request or task)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", "request_id", ...extra}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id_var.get(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str, ensure_ascii=False)
