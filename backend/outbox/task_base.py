"""The base class of every CoopStore task (``Celery(task_cls=…)``).

A task published from the outbox carries the message's id as its task id. A redelivered task
(``acks_late``: its worker died before acknowledging) whose message is already done is skipped;
a finished task marks its message done; a task that gave up goes back to the outbox for a
later retry by the relay (e.g. a partner notification while the mail server is down).
"""
from __future__ import annotations

import logging
from typing import Any

from celery import Task

logger = logging.getLogger(__name__)


def _message_id(task_id: Any):
    from backend.core.validation import uuid_or_none

    return uuid_or_none(task_id) if task_id else None


class OutboxTask(Task):
    acks_late = True
    reject_on_worker_lost = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        message_id = _message_id(self.request.id)
        if message_id is None:
            return super().__call__(*args, **kwargs)
        from .models import OutboxMessage
        from .services import outbox_mark_done

        if OutboxMessage.objects.filter(pk=message_id, done_at__isnull=False).exists():
            logger.info("task %s[%s] already done, skipped", self.name, message_id)
            return None
        result = super().__call__(*args, **kwargs)
        outbox_mark_done(message_id=message_id, worker="eager" if self.request.is_eager
                         else (self.request.hostname or "worker"))
        return result

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        message_id = _message_id(task_id)
        if message_id is not None and not self.request.is_eager:
            from .services import outbox_task_failed

            try:
                outbox_task_failed(message_id=message_id, exc=exc)
            except Exception:  # never hide the task's own failure
                logger.exception("outbox: could not record the failure of %s", task_id)
        super().on_failure(exc, task_id, args, kwargs, einfo)
