"""The Celery application: eager in the embedded mode, Redis-backed with REDIS_URL.

Every task derives from ``backend.outbox.task_base.OutboxTask`` (late acknowledgement, skip a
redelivered task already done, hand a task that gave up back to the outbox).
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

app = Celery("coopstore", task_cls="backend.outbox.task_base:OutboxTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Task failure metrics and the request id in task logs (Celery signals, in every process).
import backend.metrics  # noqa: E402, F401
